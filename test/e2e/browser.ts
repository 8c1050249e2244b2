import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../src/util/project-root';

/** The system's Debian Chromium, headless and quiet (no downloads, no network of its own). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The console's two layouts: four columns on a desktop, one column with tabs on a phone. */
export const LAYOUTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type Layout = keyof typeof LAYOUTS;

export interface OpenOptions {
  readonly layout?: Layout;
  /** The browser's own time zone (the page should prefer the desk's). */
  readonly timezoneId?: string;
  /** Runs before the page loads, e.g. to route a request. */
  readonly prepare?: (page: Page) => Promise<void>;
}

/**
 * A fresh page on the console (1280x800 unless told otherwise), with failed page scripts and every
 * failed request (an HTTP error or no answer at all, the favicon included) reported to the test.
 */
export async function openConsole(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<{ page: Page; errors: string[]; failed: string[] }> {
  const page = await browser.newPage({
    viewport: LAYOUTS[options.layout ?? 'desktop'],
    ...(options.timezoneId && { timezoneId: options.timezoneId }),
  });
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failed.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  await options.prepare?.(page);
  await page.goto(url);
  await page.locator('.person[data-user="budi"]').waitFor({ state: 'attached' });
  return { page, errors, failed };
}

/** Acts as `userId`: a click on their button on a desktop, a choice in the select on a phone. */
export async function actAs(page: Page, userId: string): Promise<void> {
  const picker = page.locator('#acting-select');
  if (await picker.isVisible()) await picker.selectOption(userId);
  else await page.locator(`.person[data-user="${userId}"]`).click();
  await page.locator(`.person.active[data-user="${userId}"]`).waitFor({ state: 'attached' });
}

export async function sendDm(page: Page, text: string): Promise<void> {
  await page.locator('#dm-input').fill(text);
  await page.locator('#dm-input').press('Enter');
}

export type ColumnName = 'dm' | 'level:1' | 'level:2' | 'level:3';

export function pane(page: Page, name: ColumnName) {
  return page.locator(`[data-pane="${name}"]`);
}

/** On a phone, opens a column's tab; on a desktop every column is already in view. */
export async function showColumn(page: Page, name: ColumnName): Promise<void> {
  const tab = page.locator(`.column-tab[data-column="${name}"]`);
  if (!(await tab.isVisible())) return;
  await tab.click();
  await page.locator(`.column-tab.active[data-column="${name}"]`).waitFor();
}

/** The little of the DOM the tests read (they are compiled without DOM types). */
export interface PageElement {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
}

/** How far a scrolled feed is from its bottom, in pixels. */
export function distanceFromBottom(feed: Locator): Promise<number> {
  return feed.evaluate((el: PageElement) => el.scrollHeight - el.scrollTop - el.clientHeight);
}

export async function scrollFeed(feed: Locator, to: 'top' | 'bottom'): Promise<void> {
  await feed.evaluate((el: PageElement, top: boolean) => {
    el.scrollTop = top ? 0 : el.scrollHeight;
  }, to === 'top');
}

/** document.scrollingElement.scrollWidth: how wide the page is, scrolled sideways or not. */
export function pageWidth(page: Page): Promise<number> {
  type InDocument = { ownerDocument: { scrollingElement: { scrollWidth: number } } };
  return page
    .locator('html')
    .evaluate((el: InDocument) => el.ownerDocument.scrollingElement.scrollWidth);
}

/**
 * Saves the viewport as docs/screenshots/<name>.png, only when SCREENSHOTS=1, so ordinary runs (CI)
 * leave the committed pictures alone.
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = path.join(projectRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
