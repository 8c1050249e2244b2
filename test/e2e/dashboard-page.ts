import type { Browser, Page } from 'playwright-core';
import { LAYOUTS, type Layout } from './browser';

/** The little of the page's globals the tests read inside the browser (no DOM types here). */
declare const document: {
  readonly body: { readonly dataset: Record<string, string | undefined> } | null;
};

/**
 * A fresh page on the lead's dashboard (the browser in Jakarta unless told otherwise), with page
 * errors, console errors and warnings, and failed requests collected in `problems`.
 */
export async function openDashboard(
  browser: Browser,
  url: string,
  options: { layout?: Layout; timezoneId?: string } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({
    viewport: LAYOUTS[options.layout ?? 'desktop'],
    timezoneId: options.timezoneId ?? 'Asia/Jakarta',
  });
  page.setDefaultTimeout(5000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: ${response.status()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  await page.goto(url);
  return { page, problems };
}

/** Resolves once the page has drawn its `count`th report. */
export function loaded(page: Page, count: number) {
  return page.waitForFunction((n) => Number(document.body?.dataset.loaded) >= n, count);
}
