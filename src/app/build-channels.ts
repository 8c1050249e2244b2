import type express from 'express';
import type { Db } from 'mongodb';
import { createConsoleChannel } from '../channels/console/console-channel';
import { createSlackChannel } from '../channels/slack/create-slack-channel';
import { createTeamsChannel } from '../channels/teams/teams-channel';
import { consoleSettingsOf, slackSettingsOf, teamsSettingsOf } from '../config/channel-settings';
import type { Config } from '../config/config';
import type { Channel } from '../core/ports/channel';
import type { Logger } from '../logging/logger';
import { createMongoConsoleMessages } from '../store/mongo-console-messages';
import { createMongoFileStore } from '../store/mongo-file-store';
import { filePolicyOf } from '../config/files';
import { createMongoConversationStore } from '../store/mongo-conversation-store';
import { serveFileLinks } from './serve-file-links';

/**
 * The configured channels, each mounted on the app: Slack and/or Teams, or the local console when
 * neither is configured. Each is given its own settings and its own storage, nothing more.
 */
export function buildChannels(options: {
  config: Config;
  expressApp: express.Express;
  db: Db;
  log: Logger;
}): Channel[] {
  const { config, expressApp, db, log } = options;
  const channels: Channel[] = [];
  if (config.consoleMode)
    channels.push(
      createConsoleChannel({
        settings: consoleSettingsOf(config),
        messages: createMongoConsoleMessages(db),
        files: { store: createMongoFileStore(db), policy: filePolicyOf(config) },
        mount: (handler) => expressApp.use(handler),
        logError: (err, context) => log.error({ err, context }, 'console request failed'),
      }),
    );
  if (config.slackEnabled)
    channels.push(createSlackChannel({ settings: slackSettingsOf(config), expressApp, log }));
  if (config.teamsEnabled) {
    // Teams bots cannot upload into channels: the files Lapis keeps pass on as links it serves.
    const fileLinks = serveFileLinks(config, expressApp, createMongoFileStore(db), log);
    channels.push(
      createTeamsChannel({
        settings: teamsSettingsOf(config),
        expressApp,
        references: createMongoConversationStore(db),
        log,
        fileLinks,
      }),
    );
  }
  return channels;
}
