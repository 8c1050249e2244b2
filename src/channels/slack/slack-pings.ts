import type { SlackSettings } from './slack-settings';
import type { Level } from '../../core/ticket';

/** Who a level's ping notifies, as Slack mentions: user groups `<!subteam^S…>`, people `<@U…>`. */
export type LevelPings = Readonly<Record<Level, readonly string[]>>;

export function mentionOf(id: string): string | undefined {
  if (/^S[A-Z0-9]{2,}$/.test(id)) return `<!subteam^${id}>`;
  if (/^[UW][A-Z0-9]{2,}$/.test(id)) return `<@${id}>`;
  return undefined;
}

export function levelPings(
  config: Pick<SlackSettings, 'SLACK_L1_PING' | 'SLACK_L2_PING' | 'SLACK_L3_PING'>,
): LevelPings {
  const mentions = (ids: readonly string[]) =>
    ids.map(mentionOf).filter((m): m is string => m !== undefined);
  return {
    1: mentions(config.SLACK_L1_PING),
    2: mentions(config.SLACK_L2_PING),
    3: mentions(config.SLACK_L3_PING),
  };
}
