import type { SlackSettings } from './slack-settings';
import { channelOfLevel as nearestChannel } from '../../core/level-channels';
import type { Level } from '../../core/ticket';

export type LevelChannelConfig = Pick<
  SlackSettings,
  'SLACK_L1_CHANNEL_ID' | 'SLACK_L2_CHANNEL_ID' | 'SLACK_L3_CHANNEL_ID'
>;

/** Each level's own Slack channel, as configured (L2 and L3 may have none). */
export function levelChannelsOf(
  config: LevelChannelConfig,
): Readonly<Record<Level, string | undefined>> {
  return {
    1: config.SLACK_L1_CHANNEL_ID,
    2: config.SLACK_L2_CHANNEL_ID,
    3: config.SLACK_L3_CHANNEL_ID,
  };
}

/** The ids of all agents' channels: messages there are never an employee's DM. */
export function levelChannelIds(config: LevelChannelConfig): ReadonlySet<string> {
  return new Set(Object.values(levelChannelsOf(config)).filter((c): c is string => Boolean(c)));
}

/** A level's channel; a level without one uses the nearest lower level's (the core's rule). */
export function channelOfLevel(config: LevelChannelConfig, level: Level): string {
  return nearestChannel(levelChannelsOf(config), level, 'SLACK_L1_CHANNEL_ID');
}
