import type { Browser, Page } from 'playwright-core';
import { sampleReport } from '../support/report-fixture';
import { startLeadApp } from '../support/lead-app';
import { launchBrowser, LAYOUTS, type Layout } from './browser';
import { loaded, openDashboard } from './dashboard-page';

/** What the tests read of the page's Chart.js charts (compiled without DOM types). */
interface ChartLike {
  readonly chartArea: { top: number; bottom: number; left: number; right: number };
  readonly currentDevicePixelRatio: number;
  readonly data: { readonly labels: readonly string[] };
  readonly canvas: {
    getContext(kind: '2d'): {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  readonly scales: Record<string, { getPixelForValue(value: number): number }>;
  getDatasetMeta(index: number): {
    data: { x: number; y: number; options: { radius: number; borderWidth: number } }[];
  };
}
declare const window: { readonly lapisDashboard: { charts(): Map<string, ChartLike> } };

/** A month in which ratings came on one day only, all of them 5. */
const oneDayOfRatings = () =>
  sampleReport({
    csat: {
      byAgent: [{ agent: 'Ayu', agentId: 'console:ayu', count: 3, average: 5 }],
      trend: [{ day: '2026-03-30', count: 3, average: 5 }],
    },
  });

/**
 * What a lead reads off the dashboard, at both sizes: a CSAT point drawn whole, the time of the
 * figures with the desk's zone (as the console shows it), and a resolution chart whose title says
 * what its bars are.
 */
describe.each<Layout>(['desktop', 'phone'])("the lead's dashboard reads right (%s)", (layout) => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startLeadApp>>;

  beforeAll(async () => {
    [browser, app] = await Promise.all([
      launchBrowser(),
      startLeadApp({
        access: { mode: 'open' },
        timeZone: 'Asia/Jakarta',
        loadReport: () => Promise.resolve(oneDayOfRatings()),
      }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The dashboard, from a browser in New York: what the page shows is the desk's zone, not its own. */
  async function open(): Promise<{ page: Page; problems: string[] }> {
    const opened = await openDashboard(browser, `${app.url}/dashboard`, {
      layout,
      timezoneId: 'America/New_York',
    });
    await loaded(opened.page, 1);
    return opened;
  }

  it('draws a day rated 5 whole, inside the chart, not cut off at its top edge', async () => {
    const { page, problems } = await open();
    await page.locator('#chart-csat').scrollIntoViewIfNeeded();
    const { point, area } = await page.evaluate(() => {
      const chart = window.lapisDashboard.charts().get('chart-csat')!;
      const p = chart.getDatasetMeta(0).data[0]!;
      const reach = p.options.radius + p.options.borderWidth / 2;
      return {
        point: { top: p.y - reach, bottom: p.y + reach, left: p.x - reach, right: p.x + reach },
        area: chart.chartArea,
      };
    });
    expect(point.top).toBeGreaterThanOrEqual(area.top);
    expect(point.bottom).toBeLessThanOrEqual(area.bottom);
    expect(point.left).toBeGreaterThanOrEqual(area.left);
    expect(point.right).toBeLessThanOrEqual(area.right);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says the zone of the time it was updated: the desk's, as the console labels it", async () => {
    const { page, problems } = await open();
    // The fixture's report was made at 09:00 UTC: 16:00 at the desk in Jakarta.
    await expect(page.locator('#status').textContent()).resolves.toBe('updated 16:00:00 UTC+7');
    const status = await page.locator('#status').boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(LAYOUTS[layout].width);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('titles the resolution chart by what it shows: every level, with L1 against its band', async () => {
    const { page, problems } = await open();
    const card = page.locator('.card', { has: page.locator('#chart-resolution') });
    await expect(card.locator('h2').textContent()).resolves.toBe('Resolution rate by level');
    await expect(card.locator('.sub').textContent()).resolves.toContain(
      "L1's target band 70–80% shaded",
    );
    // The band (70-80%) is L1's alone: shaded above L1's 74% bar, not above L3's 60% one.
    const { labels, shadeAbove } = await page.evaluate(() => {
      const chart = window.lapisDashboard.charts().get('chart-resolution')!;
      const ratio = chart.currentDevicePixelRatio;
      const y = Math.round(chart.scales.y!.getPixelForValue(77) * ratio);
      const xs = [0, 1, 2].map((i) => Math.round(chart.scales.x!.getPixelForValue(i) * ratio));
      // One read of the row (a read per pixel makes Chromium warn).
      const row = chart.canvas.getContext('2d').getImageData(0, y, xs[2]! + 1, 1).data;
      const alphaAt = (index: number) => row[xs[index]! * 4 + 3]!;
      return { labels: [...chart.data.labels], shadeAbove: [0, 1, 2].map(alphaAt) };
    });
    expect(labels).toEqual(['L1', 'L2', 'L3']);
    expect(shadeAbove[0]).toBeGreaterThan(0);
    expect(shadeAbove.slice(1)).toEqual([0, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
