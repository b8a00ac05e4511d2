import type { Browser } from 'playwright-core';
import { UserError } from '../core/issues.js';

/**
 * HTML to PDF with the Chromium the browser tests use (@sparticuz/chromium driven by
 * playwright-core), printed as A4 with backgrounds, so the PDF is the HTML document as it
 * prints. Both packages are loaded only when a PDF is asked for.
 */

/** Starts headless Chromium; the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  let chromium: { executablePath(): Promise<string>; args: string[] };
  let playwright: typeof import('playwright-core');
  try {
    chromium = (await import('@sparticuz/chromium')).default;
    playwright = await import('playwright-core');
  } catch (error) {
    throw new UserError(
      'PDF output needs playwright-core and @sparticuz/chromium installed; use --format html and print it instead',
      [],
      { cause: error },
    );
  }
  return playwright.chromium.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, '--no-sandbox'],
    headless: true,
  });
}

/** Prints a self-contained HTML document to PDF bytes (and to `path` when given). */
export async function htmlToPdf(html: string, path?: string): Promise<Buffer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      ...(path ? { path } : {}),
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    await browser.close();
  }
}
