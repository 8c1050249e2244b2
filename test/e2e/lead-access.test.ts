import http from 'node:http';
import { createSessionSigner, SESSION_COOKIE } from '../../src/lead/session-cookie';
import { startLeadApp, TEST_TOKEN, tokenAccess } from '../support/lead-app';

/** Who gets to see /dashboard: open on the console's loopback, behind a login with a platform, or absent. */
describe("access to the lead's dashboard", () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers, redirect: 'manual' });
  const login = (url: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token }).toString(),
    });
  const sessionOf = (res: Response) =>
    /lapis_lead=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';

  it('does not exist with a chat platform and no DASHBOARD_TOKEN (404 everywhere)', async () => {
    const app = await startLeadApp({ access: { mode: 'off' } });
    try {
      for (const path of [
        '/dashboard',
        '/dashboard/login',
        '/dashboard/api/report',
        '/dashboard/assets/dashboard.js',
      ])
        expect((await get(`${app.url}${path}`)).status).toBe(404);
      expect((await login(app.url, TEST_TOKEN)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('asks for the token, then keeps a signed HttpOnly SameSite=Strict session', async () => {
    const app = await startLeadApp({ access: tokenAccess() });
    try {
      const page = await get(`${app.url}/dashboard`);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/dashboard/login');
      expect((await get(`${app.url}/dashboard/api/report`)).status).toBe(401);
      const form = await get(`${app.url}/dashboard/login`);
      expect(form.status).toBe(200);
      expect(await form.text()).toMatch(/<form method="post" action="\/dashboard\/login">/);

      const wrong = await login(app.url, `${TEST_TOKEN}x`);
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      expect(await wrong.text()).toMatch(/not the dashboard token[\s\S]*<form/);

      const right = await login(app.url, TEST_TOKEN);
      expect(right.status).toBe(303);
      expect(right.headers.get('location')).toBe('/dashboard');
      const cookie = right.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).toMatch(/Expires=/);
      expect(cookie).not.toMatch(/Secure/i); // plain http on loopback
      const session = sessionOf(right);
      expect(createSessionSigner(TEST_TOKEN).verify(session)).toBe(true);

      const withSession = { cookie: `${SESSION_COOKIE}=${session}` };
      expect((await get(`${app.url}/dashboard`, withSession)).status).toBe(200);
      const report = await get(`${app.url}/dashboard/api/report?level=1`, withSession);
      expect(report.status).toBe(200);
      expect(await report.json()).toMatchObject({ version: 1 });
      expect((await get(`${app.url}/metrics`, withSession)).status).toBe(404); // no registry given

      // Behind an https proxy the cookie is Secure.
      expect(
        (await login(app.url, TEST_TOKEN, { 'x-forwarded-proto': 'https' })).headers.get(
          'set-cookie',
        ),
      ).toMatch(/Secure/);

      const logout = await fetch(`${app.url}/dashboard/logout`, {
        method: 'POST',
        redirect: 'manual',
        headers: withSession,
      });
      expect(logout.status).toBe(303);
      expect(logout.headers.get('set-cookie')).toMatch(/lapis_lead=;.*Expires=Thu, 01 Jan 1970/);
    } finally {
      await app.close();
    }
  });

  it('refuses a tampered, expired-looking or foreign session cookie', async () => {
    const app = await startLeadApp({ access: tokenAccess() });
    try {
      const session = sessionOf(await login(app.url, TEST_TOKEN));
      const [expiry, nonce, mac] = session.split('.') as [string, string, string];
      const forged = [
        `${Number(expiry) + 86_400_000}.${nonce}.${mac}`,
        `${expiry}.${nonce.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${mac}`,
        createSessionSigner('another-token-of-enough-length!!').issue(),
        `${session}x`,
        'true',
      ];
      for (const value of forged) {
        const headers = { cookie: `${SESSION_COOKIE}=${value}` };
        expect((await get(`${app.url}/dashboard`, headers)).status).toBe(303);
        expect((await get(`${app.url}/dashboard/api/report`, headers)).status).toBe(401);
      }
    } finally {
      await app.close();
    }
  });

  it('slows down and then stops guessing', async () => {
    const app = await startLeadApp({ access: tokenAccess() });
    try {
      const started = Date.now();
      for (let i = 0; i < 5; i++) expect((await login(app.url, `guess-${i}`)).status).toBe(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 350);
      const blocked = await login(app.url, TEST_TOKEN); // even the right token, for now
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('is open on the local console, to loopback Hosts only, with a strict CSP', async () => {
    const app = await startLeadApp({ access: { mode: 'open' } });
    try {
      const page = await get(`${app.url}/dashboard`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline/);
      const html = await page.text();
      expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
      expect(html).not.toMatch(/https?:\/\//); // nothing from a CDN
      expect((await get(`${app.url}/dashboard/login`)).headers.get('location')).toBe('/dashboard');
      const chart = await get(`${app.url}/dashboard/assets/vendor/chart.umd.min.js`);
      expect(chart.status).toBe(200);
      expect(chart.headers.get('content-type')).toMatch(/javascript/);
      expect(await chart.text()).toMatch(/Chart\.js v4/);
      expect(await statusWithHost(`${app.url}/dashboard`, 'evil.example')).toBe(403);
      expect(await statusWithHost(`${app.url}/dashboard`, 'localhost:3000')).toBe(200);
      const bad = await get(`${app.url}/dashboard/api/report?from=2026-03-05&to=2026-03-01`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ problems: [{ field: 'from' }] });
      expect((await get(`${app.url}/dashboard/api/nothing`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

/** fetch will not send another Host: a DNS-rebinding page's request, made by hand. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}
