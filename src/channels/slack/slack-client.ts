import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import { z } from 'zod';
import type { SlackSettings } from './slack-settings';
import { slackRetryPolicy } from './slack-retry';

export interface SlackClientTuning {
  readonly retries?: number;
  readonly retryMinTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

/** Who the bot is (auth.test), asked once and remembered; a failed check is asked again next time. */
export interface BotIdentity {
  get: () => Promise<{ botUserId: string; botId?: string }>;
  /** The bot's user id once known. */
  userId: () => string | undefined;
}

const authTestSchema = z.looseObject({ user_id: z.string(), bot_id: z.string().optional() });

/**
 * The Web API client: base URL from SLACK_API_URL (tests point it at a loopback server), a request
 * timeout, and the retry policy that retries 429s but never a request Slack may have carried out.
 */
export function createSlackClient(
  config: Pick<SlackSettings, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
  logger: BoltLogger,
  tuning: SlackClientTuning = {},
) {
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    logger,
    timeout: tuning.requestTimeoutMs ?? 15_000,
    retryConfig: slackRetryPolicy({
      ...(tuning.retries !== undefined && { retries: tuning.retries }),
      ...(tuning.retryMinTimeoutMs !== undefined && { minTimeoutMs: tuning.retryMinTimeoutMs }),
    }),
  };
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, clientOptions);
  return { client, clientOptions, identity: botIdentity(client) };
}

function botIdentity(client: webApi.WebClient): BotIdentity {
  let known: { botUserId: string; botId?: string } | undefined;
  let asking: Promise<{ botUserId: string; botId?: string }> | undefined;
  const ask = async () => {
    const parsed = authTestSchema.parse(await client.auth.test());
    known = { botUserId: parsed.user_id, ...(parsed.bot_id && { botId: parsed.bot_id }) };
    return known;
  };
  return {
    get: () =>
      known ? Promise.resolve(known) : (asking ??= ask().finally(() => (asking = undefined))),
    userId: () => known?.botUserId,
  };
}
