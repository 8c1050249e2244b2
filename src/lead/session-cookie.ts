import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The lead's session cookie: `<expiry ms>.<nonce>.<HMAC-SHA256>`, signed with a key derived from DASHBOARD_TOKEN. */
export const SESSION_COOKIE = 'lapis_lead';
export const SESSION_HOURS = 8;

export interface SessionSigner {
  /** A fresh session value, valid until `now + SESSION_HOURS`. */
  issue(now?: number): string;
  /** True for a value this signer issued that has not expired; false for anything else. */
  verify(value: string | undefined, now?: number): boolean;
}

/**
 * Stateless sessions: nothing is stored, any instance with the same token verifies them, and
 * changing DASHBOARD_TOKEN ends every session at once. The key is not the token itself, so a
 * leaked cookie says nothing about the token.
 */
export function createSessionSigner(token: string): SessionSigner {
  const key = createHmac('sha256', token).update('lapis dashboard session v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    issue(now = Date.now()) {
      const body = `${now + SESSION_HOURS * 3600_000}.${randomBytes(16).toString('base64url')}`;
      return `${body}.${sign(body)}`;
    },
    verify(value, now = Date.now()) {
      const match = /^(\d{1,16})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
      if (!match) return false;
      const body = `${match[1]}.${match[2]}`;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(match[3] ?? '');
      return (
        given.length === expected.length &&
        timingSafeEqual(given, expected) &&
        Number(match[1]) > now
      );
    },
  };
}

/** Compares a presented token with the configured one in time independent of where they differ. */
export function tokenMatches(presented: string, token: string): boolean {
  const digest = (text: string) =>
    createHmac('sha256', 'lapis token compare').update(text).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** One cookie's value from a Cookie header (no cookie-parser needed for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
