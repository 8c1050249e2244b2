import type { ConsoleSettings } from '../channels/console/console-channel';
import type { SlackSettings } from '../channels/slack/slack-settings';
import type { Config } from './config';

/**
 * Each channel's own settings, picked from the environment parsed once (config.ts): a channel is
 * given these and nothing else of the configuration.
 */
export function slackSettingsOf(config: Config): SlackSettings {
  if (!config.SLACK_BOT_TOKEN) throw new Error('the Slack channel needs SLACK_BOT_TOKEN');
  return {
    SLACK_BOT_TOKEN: config.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: config.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: config.SLACK_APP_TOKEN,
    SLACK_SOCKET_MODE: config.SLACK_SOCKET_MODE,
    SLACK_API_URL: config.SLACK_API_URL,
    SLACK_L1_CHANNEL_ID: config.SLACK_L1_CHANNEL_ID,
    SLACK_L2_CHANNEL_ID: config.SLACK_L2_CHANNEL_ID,
    SLACK_L3_CHANNEL_ID: config.SLACK_L3_CHANNEL_ID,
    SLACK_L1_PING: config.SLACK_L1_PING,
    SLACK_L2_PING: config.SLACK_L2_PING,
    SLACK_L3_PING: config.SLACK_L3_PING,
    SLACK_AGENTS_FROM_CHANNELS: config.SLACK_AGENTS_FROM_CHANNELS,
    SLACK_CACHE_SECONDS: config.SLACK_CACHE_SECONDS,
    DEFAULT_LOCALE: config.DEFAULT_LOCALE,
    AGENT_LOCALE: config.AGENT_LOCALE,
    agentIds: config.agentIds,
  };
}

export function consoleSettingsOf(config: Config): ConsoleSettings {
  return {
    host: config.HOST,
    timeZone: config.TIME_ZONE,
    locales: { agent: config.AGENT_LOCALE, default: config.DEFAULT_LOCALE },
  };
}
