import { createFileLinkSigner } from '../../../src/http/file-links';

describe('file link signatures', () => {
  const secret = 'x'.repeat(40);
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const signer = createFileLinkSigner({
    secret,
    baseUrl: 'https://lapis.example.com/',
    ttlSeconds: 3600,
    now: () => now,
  });
  const parts = (url: string) => {
    const parsed = new URL(url);
    return {
      id: decodeURIComponent(parsed.pathname.slice('/files/'.length)),
      exp: parsed.searchParams.get('exp') ?? '',
      sig: parsed.searchParams.get('sig') ?? '',
    };
  };

  it('links a file under PUBLIC_URL, valid until its expiry and not after', () => {
    const link = signer.linkTo('teams:a:dm|1#1');
    expect(link.url.startsWith('https://lapis.example.com/files/teams%3Aa%3Adm%7C1%231?exp=')).toBe(
      true,
    );
    expect(link.expiresAt.getTime()).toBe(now + 3600_000);
    const { id, exp, sig } = parts(link.url);
    expect(signer.check(id, exp, sig)).toBe('valid');
    now += 3600_000;
    expect(signer.check(id, exp, sig)).toBe('expired');
    now -= 3600_000;
  });

  it('refuses another id, another expiry, another secret, and malformed values', () => {
    const { id, exp, sig } = parts(signer.linkTo('slack:F1').url);
    expect(signer.check('slack:F2', exp, sig)).toBe('forged');
    expect(signer.check(id, String(Number(exp) + 1), sig)).toBe('forged');
    const other = createFileLinkSigner({ secret: 'y'.repeat(40), baseUrl: 'x', ttlSeconds: 60 });
    expect(other.check(id, exp, sig)).toBe('forged');
    expect(signer.check(id, undefined, sig)).toBe('forged');
    expect(signer.check(id, ['1'], sig)).toBe('forged');
    expect(signer.check(id, '1e12', sig)).toBe('forged');
    expect(signer.check(id, exp, '')).toBe('forged');
  });
});
