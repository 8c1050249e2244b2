import type { Browser, Page } from 'playwright-core';
import { startLeadApp, TEST_TOKEN, tokenAccess } from '../support/lead-app';
import { launchBrowser, LAYOUTS, snap, type Layout } from './browser';
import { loaded, openDashboard } from './dashboard-page';

/** What the test reads of a canvas and of the page's Chart instances (compiled without DOM types). */
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

/** The little of the page's globals the test reads inside the browser (no DOM types here). */
declare const document: {
  readonly scrollingElement: { readonly scrollWidth: number } | null;
  querySelectorAll(selector: string): Iterable<{ readonly id: string }>;
};
declare const window: {
  readonly lapisDashboard: { charts(): Map<string, unknown> };
  readonly Chart: { getChart(canvas: unknown): unknown };
};

/**
 * The dashboard in headless Chromium over a fixture report: the page loads with no error, draws
 * every chart with Chart.js (served by Lapis), renders the tables as text, and each control changes
 * the query sent to /dashboard/api/report. With SCREENSHOTS=1 it saves docs/screenshots/dashboard-*.png.
 */
describe("the lead's dashboard in a browser", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startLeadApp>>;

  beforeAll(async () => {
    [browser, app] = await Promise.all([
      launchBrowser(),
      startLeadApp({ access: { mode: 'open' } }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = (url: string, layout: Layout = 'desktop') => openDashboard(browser, url, { layout });

  /** Canvas id -> [has a Chart instance, number of non-transparent pixels]. */
  function drawn(page: Page) {
    return page.evaluate(() => {
      const charts = window.lapisDashboard.charts();
      const chartJs = window.Chart;
      return [...document.querySelectorAll('canvas')].map((el) => {
        const canvas = el as unknown as CanvasLike;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return [el.id, charts.has(el.id) && chartJs.getChart(el) !== undefined, painted] as const;
      });
    });
  }

  it('draws every chart and table from the report, with no error or failed request', async () => {
    const { page, problems } = await open(`${app.url}/dashboard`);
    await loaded(page, 1);
    const charts = await drawn(page);
    expect(charts.map(([id]) => id)).toEqual([
      'chart-funnel',
      'chart-resolution',
      'chart-sla',
      'chart-csat',
      'chart-backlog',
    ]);
    for (const [id, instance, painted] of charts) {
      expect({ id, instance }).toEqual({ id, instance: true });
      expect(painted).toBeGreaterThan(1000);
    }
    await expect(page.locator('.kpi').first().textContent()).resolves.toMatch(/IT questions\s*412/);
    await expect(page.locator('.kpi.status-within').textContent()).resolves.toMatch(
      /74%.*within target/,
    );
    // Text from users is shown as text, never as markup.
    await expect(page.locator('#gaps tbody tr').nth(1).textContent()).resolves.toMatch(
      '<b>how do I</b> book the big meeting room screen',
    );
    await expect(page.locator('#gaps b').count()).resolves.toBe(0);
    await expect(page.locator('#weak tbody').textContent()).resolves.toMatch(
      /vpn-setup\s*52\s*38%/,
    );
    await expect(page.locator('#logout').isHidden()).resolves.toBe(true);
    // The default period: the last 30 days at the desk, "to" exclusive in the API.
    const first = app.queries.at(-1)!;
    expect((first.to.getTime() - first.from.getTime()) / 86_400_000).toBe(30);
    expect(first.filters).toEqual({});
    await snap(page, 'dashboard-desktop');
    await page.setViewportSize({ width: 1280, height: 1620 });
    await snap(page, 'dashboard-desktop-full');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sends each control as the query and keeps it in the address', async () => {
    const { page, problems } = await open(`${app.url}/dashboard`);
    await loaded(page, 1);
    await page.selectOption('#level', '2');
    await loaded(page, 2);
    expect(app.queries.at(-1)!.filters).toEqual({ level: 2 });
    await page.selectOption('#channel', 'teams');
    await loaded(page, 3);
    await page.selectOption('#language', 'id');
    await loaded(page, 4);
    await page.selectOption('#category', 'printing');
    await loaded(page, 5);
    expect(app.queries.at(-1)!.filters).toEqual({
      level: 2,
      channel: 'teams',
      language: 'id',
      category: 'printing',
    });
    await page.fill('#from', '2026-02-01');
    await loaded(page, 6);
    await page.fill('#to', '2026-02-28');
    await loaded(page, 7);
    const last = app.queries.at(-1)!;
    expect(last.from).toEqual(new Date('2026-01-31T17:00:00Z')); // midnight in Jakarta
    expect(last.to).toEqual(new Date('2026-02-28T17:00:00Z')); // the day after the last day shown
    await expect(page.locator('#preset').inputValue()).resolves.toBe('custom');
    expect(new URL(page.url()).search).toBe(
      '?from=2026-02-01&to=2026-03-01&channel=teams&category=printing&language=id&level=2',
    );
    // Reloading the address shows the same view.
    await page.reload();
    await loaded(page, 1);
    await expect(page.locator('#level').inputValue()).resolves.toBe('2');
    await expect(page.locator('#to').inputValue()).resolves.toBe('2026-02-28');
    await page.selectOption('#preset', '7');
    await loaded(page, 2);
    const week = app.queries.at(-1)!;
    expect((week.to.getTime() - week.from.getTime()) / 86_400_000).toBe(7);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone', async () => {
    const { page, problems } = await open(`${app.url}/dashboard`, 'phone');
    await loaded(page, 1);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(LAYOUTS.phone.width);
    await snap(page, 'dashboard-phone');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a failed report as a message, not a broken page', async () => {
    const failing = await startLeadApp({
      access: { mode: 'open' },
      loadReport: () => Promise.reject(new Error('database down')),
    });
    try {
      const { page } = await open(`${failing.url}/dashboard`);
      await page.locator('#problem').waitFor();
      await expect(page.locator('#problem').textContent()).resolves.toMatch(
        /could not be loaded: the report could not be made/,
      );
      await page.close();
    } finally {
      await failing.close();
    }
  });

  it('logs in with the token when a chat platform is configured, and out again', async () => {
    const guarded = await startLeadApp({ access: tokenAccess() });
    try {
      const { page, problems } = await open(`${guarded.url}/dashboard`);
      await page.locator('#token').waitFor();
      await page.fill('#token', TEST_TOKEN);
      await snap(page, 'dashboard-login');
      await page.click('button[type=submit]');
      await loaded(page, 1);
      await expect(page.locator('#logout').isVisible()).resolves.toBe(true);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'lapis_lead')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      await page.click('#logout button');
      await page.locator('#token').waitFor();
      expect(await page.context().cookies()).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await guarded.close();
    }
  });
});
