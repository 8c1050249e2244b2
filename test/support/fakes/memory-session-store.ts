import { deepCopy } from './deep-copy';
import type { UserRef } from '../../../src/core/people';
import type { L0Session, SessionStore } from '../../../src/core/ports/session-store';

/**
 * In-memory SessionStore for unit tests of the core (same contract as the MongoDB store): one session
 * per user, deep-copied on the way in and out; the stored version is set here, never taken from the
 * caller's object.
 */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, L0Session>();
  const keyOf = (user: UserRef): string => `${user.platform}:${user.id}`;

  return {
    get(user: UserRef): Promise<L0Session | undefined> {
      const session = sessions.get(keyOf(user));
      return Promise.resolve(session && deepCopy(session));
    },

    save(session: L0Session, expectedVersion: number): Promise<boolean> {
      const key = keyOf(session.user);
      if ((sessions.get(key)?.version ?? 0) !== expectedVersion) return Promise.resolve(false);
      sessions.set(key, { ...deepCopy(session), version: expectedVersion + 1 });
      return Promise.resolve(true);
    },
  };
}
