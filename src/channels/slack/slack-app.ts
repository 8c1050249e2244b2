import { App, ExpressReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type express from 'express';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import type { BotIdentity } from './slack-client';
import { slackProcessEventError } from './slack-error-response';
import { slackRequestGuard } from './slack-request-guard';
import { RecordFirstSocketReceiver } from './slack-socket-receiver';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Bolt app. Over HTTP, an ExpressReceiver mounted on main's express app at /slack/events: every
 * request's signature and timestamp are verified (401 otherwise), and `processBeforeResponse` makes
 * the reply wait for the listener, which records the event (see slack-events). A guard in front
 * answers malformed and unroutable requests at once (slack-request-guard). With
 * SLACK_SOCKET_MODE=true, Socket Mode instead (acknowledged once recorded: slack-socket-receiver),
 * and nothing is mounted. Authorisation is the bot
 * token with the identity from auth.test, asked once.
 */
export function createBoltApp(options: {
  config: Pick<
    Config,
    'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_SOCKET_MODE' | 'SLACK_APP_TOKEN'
  >;
  expressApp: express.Express;
  logger: BoltLogger;
  log: Logger;
  clientOptions: webApi.WebClientOptions;
  identity: BotIdentity;
}): App {
  const { config, logger } = options;
  const token = config.SLACK_BOT_TOKEN ?? '';
  if (!config.SLACK_SOCKET_MODE)
    options.expressApp.post(
      SLACK_EVENTS_PATH,
      ...slackRequestGuard(config.SLACK_SIGNING_SECRET ?? '', options.log),
    );
  const receiver = config.SLACK_SOCKET_MODE
    ? new RecordFirstSocketReceiver(
        { appToken: config.SLACK_APP_TOKEN ?? '', logger, clientOptions: options.clientOptions },
        options.log,
      )
    : new ExpressReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET ?? '',
        app: options.expressApp,
        endpoints: SLACK_EVENTS_PATH,
        processBeforeResponse: true,
        processEventErrorHandler: slackProcessEventError,
        logger,
      });
  return new App({
    authorize: async () => ({ botToken: token, ...(await options.identity.get()) }),
    receiver,
    logger,
    clientOptions: options.clientOptions,
    convoStore: false,
  });
}
