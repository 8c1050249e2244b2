import { chromium, type Browser, type Page } from 'playwright-core';

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

/** A fresh page at 1280x800 on the console, with failed page scripts reported to the test. */
export async function openConsole(
  browser: Browser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.locator('.person[data-user="budi"]').waitFor();
  return { page, errors };
}

export async function actAs(page: Page, userId: string): Promise<void> {
  await page.locator(`.person[data-user="${userId}"]`).click();
  await page.locator(`.person.active[data-user="${userId}"]`).waitFor();
}

export async function sendDm(page: Page, text: string): Promise<void> {
  await page.locator('#dm-input').fill(text);
  await page.locator('#dm-input').press('Enter');
}

export function pane(page: Page, name: 'dm' | 'level:1' | 'level:2' | 'level:3') {
  return page.locator(`[data-pane="${name}"]`);
}
