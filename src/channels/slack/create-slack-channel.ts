import type express from 'express';
import type { SlackSettings } from './slack-settings';
import type { Inbound } from '../../core/inbound';
import type { Channel } from '../../core/ports/channel';
import type { Logger } from '../../logging/logger';
import { createBoltApp, SLACK_EVENTS_PATH } from './slack-app';
import { createSlackClient, type SlackClientTuning } from './slack-client';
import { registerEventListeners } from './slack-events';
import { registerCommands } from './slack-commands';
import { classifySlackBody } from './slack-delivery';
import { registerInteractions } from './slack-interactions';
import { boltLogger } from './slack-logger';
import { createSlackRuntime } from './slack-runtime';
import { createSlackPrepare } from './slack-prepare';
import { createFileInfo } from './slack-file-info';
import { createSlackMessageReader } from './slack-message-reader';

export { SLACK_EVENTS_PATH };

export interface SlackChannelOptions {
  readonly settings: SlackSettings;
  /** Lapis's receiver answers POST /slack/events on it (HTTP mode); main owns the server. */
  readonly expressApp: express.Express;
  readonly log: Logger;
  /** Knobs for tests; the defaults suit production. */
  readonly tuning?: SlackClientTuning;
}

/**
 * The channel contract (core/ports/channel.ts) on Slack: `prepare` fills in names, decodes Slack
 * markup and asks files.info what an event said not of its files; `start` checks the token
 * (auth.test) and in Socket Mode connects; `stop` refuses new events (503, Slack retries them) and
 * disconnects Socket Mode (over HTTP, main stops the listening server).
 */
export interface SlackChannel extends Channel {
  readonly prepare: (event: Inbound) => Promise<Inbound>;
}

/** The Slack channel: Bolt over HTTP at /slack/events (or Socket Mode), the surface and the agents. */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const config = options.settings;
  const { log } = options;
  const logger = boltLogger(log);
  const { client, clientOptions, identity } = createSlackClient(config, logger, options.tuning);
  const rt = createSlackRuntime({
    config,
    log,
    client,
    identity,
  });
  const app = createBoltApp({
    config,
    expressApp: options.expressApp,
    logger,
    log,
    clientOptions,
    identity,
    classify: (kind, body) => classifySlackBody(kind, body, rt.levelChannels),
  });
  registerEventListeners(app, rt);
  registerInteractions(app, rt);
  registerCommands(app, rt);

  const mode = config.SLACK_SOCKET_MODE ? 'Socket Mode' : `HTTP at ${SLACK_EVENTS_PATH}`;
  return {
    platform: 'slack',
    surface: rt.surface,
    agents: rt.agents,
    prepare: createSlackPrepare(
      rt.people,
      createSlackMessageReader(rt.client),
      createFileInfo(rt.client),
    ),
    attach: (helpdesk) => rt.attach(helpdesk),
    async start() {
      const me = await identity.get();
      rt.refuseEvents(false);
      if (config.SLACK_SOCKET_MODE) await app.start();
      log.info({ botUserId: me.botUserId }, `Slack channel ready (${mode})`);
    },
    async stop() {
      rt.refuseEvents(true);
      if (config.SLACK_SOCKET_MODE) await app.stop();
      rt.people.clear();
      rt.agents.clear();
    },
    describe: (http) =>
      config.SLACK_SOCKET_MODE ? 'Slack: Socket Mode' : `Slack: events at ${http}slack/events`,
  };
}
