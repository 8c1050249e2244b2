import { parseReportQuery } from '../../../src/lead/report-query';
import {
  createSessionSigner,
  readCookie,
  SESSION_HOURS,
  tokenMatches,
} from '../../../src/lead/session-cookie';

const TOKEN = 'x'.repeat(32);

describe('the lead session cookie', () => {
  const signer = createSessionSigner(TOKEN);

  it('verifies what it issued until it expires', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const value = signer.issue(now);
    expect(signer.verify(value, now + 1000)).toBe(true);
    expect(signer.verify(value, now + SESSION_HOURS * 3600_000 + 1)).toBe(false);
  });

  it('refuses a tampered, foreign or malformed value', () => {
    const value = signer.issue();
    const [expiry, nonce, mac] = value.split('.') as [string, string, string];
    const later = String(Number(expiry) + 3600_000);
    expect(signer.verify(`${later}.${nonce}.${mac}`)).toBe(false);
    expect(signer.verify(`${expiry}.${nonce}.${mac.slice(0, -1)}A`)).toBe(mac.endsWith('A'));
    expect(createSessionSigner('y'.repeat(32)).verify(value)).toBe(false);
    for (const bad of [undefined, '', 'a.b.c', `${value}.x`, value.replace(/\./g, '')])
      expect(signer.verify(bad)).toBe(false);
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN.slice(1), TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
  });

  it('reads one cookie from a header', () => {
    expect(readCookie('a=1; lapis_lead=v.a.l; b=2', 'lapis_lead')).toBe('v.a.l');
    expect(readCookie(undefined, 'lapis_lead')).toBeUndefined();
  });
});

describe('the report query', () => {
  const now = new Date('2026-03-31T05:00:00Z');
  const parse = (raw: unknown) => parseReportQuery(raw, 'Asia/Jakarta', now);

  it('takes dates as days at the desk and filters as plain values', () => {
    const parsed = parse({ from: '2026-03-01', to: '2026-04-01', channel: 'slack', level: '2' });
    expect(parsed).toEqual({
      ok: true,
      query: {
        from: new Date('2026-02-28T17:00:00Z'),
        to: new Date('2026-03-31T17:00:00Z'),
        filters: { channel: 'slack', level: 2 },
      },
    });
  });

  it('defaults to the 30 days before now', () => {
    const parsed = parse({});
    expect(parsed.ok && parsed.query.to).toEqual(now);
    expect(parsed.ok && parsed.query.from).toEqual(new Date(now.getTime() - 30 * 86_400_000));
  });

  it.each([
    [{ from: '2026-03-05', to: '2026-03-01' }, 'from'],
    [{ from: '2026-02-31' }, 'from'],
    [{ from: '2020-01-01', to: '2026-01-01' }, 'from'],
    [{ level: '4' }, 'level'],
    [{ level: ['1', '2'] }, 'level'],
    [{ channel: { $ne: null } }, 'channel'],
    [{ category: 'Bad Category!' }, 'category'],
    [{ language: 'fr' }, 'language'],
    [{ to: 'yesterday' }, 'to'],
    [{ extra: '1' }, '(query)'],
  ])('refuses %j (field %s)', (raw, field) => {
    const parsed = parse(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toContain(field);
  });
});
