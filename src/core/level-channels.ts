import { LapisError } from './errors';
import type { Level } from './ticket';

/** Each level's own agents' channel on a platform, as configured (L2 and L3 may have none). */
export type LevelChannels = Readonly<Record<Level, string | undefined>>;

/**
 * Where a level's tickets go: its own channel, or the nearest lower level's (L1 is required).
 * `missing` names the setting to fix in the error when there is none at all.
 */
export function channelOfLevel(channels: LevelChannels, level: Level, missing: string): string {
  for (let l = level; l >= 1; l--) {
    const channel = channels[l];
    if (channel) return channel;
  }
  throw new LapisError('unavailable', `${missing} is not set: there is nowhere to post tickets`);
}
