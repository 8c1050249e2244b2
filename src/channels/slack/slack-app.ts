import { App, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type express from 'express';
import type { SlackSettings } from './slack-settings';
import type { Logger } from '../../logging/logger';
import type { BotIdentity } from './slack-client';
import type { SlackBodyKind, SlackDelivery } from './slack-delivery';
import { SlackHttpReceiver } from './slack-http-receiver';
import { RecordFirstSocketReceiver } from './slack-socket-receiver';

export { SLACK_EVENTS_PATH } from './slack-http-receiver';

/**
 * The Bolt app. Over HTTP, Lapis's receiver answers POST /slack/events on main's express app
 * (slack-http-receiver); with SLACK_SOCKET_MODE=true, Socket Mode instead (slack-socket-receiver),
 * and nothing is mounted. Both read each body once with `classify` and hand Bolt what Lapis takes,
 * with what was read of it; the listeners record it before Slack is answered. Authorisation is the
 * bot token with the identity from auth.test, asked once.
 */
export function createBoltApp(options: {
  config: Pick<
    SlackSettings,
    'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_SOCKET_MODE' | 'SLACK_APP_TOKEN'
  >;
  expressApp: express.Express;
  logger: BoltLogger;
  log: Logger;
  clientOptions: webApi.WebClientOptions;
  identity: BotIdentity;
  classify: (kind: SlackBodyKind, body: unknown) => SlackDelivery;
}): App {
  const { config, logger, log, classify } = options;
  const token = config.SLACK_BOT_TOKEN ?? '';
  const receiver = config.SLACK_SOCKET_MODE
    ? new RecordFirstSocketReceiver(
        {
          appToken: config.SLACK_APP_TOKEN ?? '',
          logger,
          clientOptions: options.clientOptions,
          classify,
        },
        log,
      )
    : new SlackHttpReceiver({
        router: options.expressApp,
        signingSecret: config.SLACK_SIGNING_SECRET ?? '',
        classify,
        log,
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
