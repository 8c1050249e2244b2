import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { UserRef } from '../../core/people';
import { createTtlCache } from './ttl-cache';

/**
 * People and their DMs: display names from users.info (cached, so a busy thread costs one lookup
 * per person per TTL) and the bot's DM channel with a user from conversations.open (cached for
 * good: an IM channel id never changes).
 */
export interface SlackPeople {
  /** The person as the core sees them, with a display name when Slack gives one. */
  userRef: (userId: string) => Promise<UserRef>;
  nameOf: (userId: string) => Promise<string | undefined>;
  /** The DM channel for a conversation id that may be a user id (U…) or already a DM (D…). */
  dmChannel: (target: string) => Promise<string>;
  clear: () => void;
}

const userInfoSchema = z.looseObject({
  user: z.looseObject({
    name: z.string().optional(),
    real_name: z.string().optional(),
    profile: z
      .looseObject({ display_name: z.string().optional(), real_name: z.string().optional() })
      .optional(),
  }),
});

const openSchema = z.looseObject({
  channel: z.looseObject({ id: z.string().regex(/^D[A-Z0-9]{2,}$/) }),
});

export function createSlackPeople(
  client: webApi.WebClient,
  options: { ttlMs: number; onError?: (error: unknown, userId: string) => void },
): SlackPeople {
  const names = createTtlCache<string | null>(options.ttlMs);
  const dms = createTtlCache<string>(Number.MAX_SAFE_INTEGER);

  async function lookupName(userId: string): Promise<string | null> {
    const info = userInfoSchema.parse(
      await client.users.info({ user: userId }).catch((error: unknown) => {
        if (slackErrorCode(error) === 'user_not_found') return { user: {} }; // remembered as "no name"
        throw error;
      }),
    );
    const { profile } = info.user;
    const name =
      profile?.display_name?.trim() ||
      profile?.real_name?.trim() ||
      info.user.real_name?.trim() ||
      info.user.name?.trim();
    return name ? name.slice(0, 80) : null;
  }

  async function nameOf(userId: string): Promise<string | undefined> {
    try {
      return (await names.get(userId, () => lookupName(userId))) ?? undefined;
    } catch (error) {
      options.onError?.(error, userId);
      return undefined;
    }
  }

  return {
    nameOf,
    async userRef(userId) {
      const name = await nameOf(userId);
      return { platform: 'slack', id: userId, ...(name && { name }) };
    },
    async dmChannel(target) {
      if (target.startsWith('D')) return target;
      return dms.get(target, async () => {
        const opened = openSchema.parse(await client.conversations.open({ users: target }));
        return opened.channel.id;
      });
    },
    clear() {
      names.clear();
      dms.clear();
    },
  };
}

/** The `error` of a Web API platform error (`{ ok: false, error: "user_not_found" }`), if it is one. */
function slackErrorCode(error: unknown): string | undefined {
  const parsed = z.looseObject({ data: z.looseObject({ error: z.string() }) }).safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}
