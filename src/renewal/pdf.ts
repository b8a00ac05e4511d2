import { writeFile } from 'node:fs/promises';
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

/** The footer text a document asks for (`<meta name="pdf-footer">`, see documentHtml), unescaped HTML. */
export function footerOf(html: string): string | undefined {
  return /<meta name="pdf-footer" content="([^"]*)">/.exec(html)?.[1];
}

/**
 * Every page's footer: what the document is (contract and period) on the left, page n of m
 * on the right, in the bottom margin of @page (PRINT_CSS leaves 16 mm).
 */
function footerTemplate(text: string, html: string): string {
  // The document's words for "page" and "of" (its language), from <meta name="pdf-page">.
  const [page, of] = (/<meta name="pdf-page" content="([^"]*)">/.exec(html)?.[1] ?? 'page|of').split('|');
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7pt; color: #333; width: 100%; margin: 0 13mm; display: flex; justify-content: space-between;">
<span>${text}</span><span>${page} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></span></div>`;
}

/** Pages in a PDF Chromium printed (its page objects are not compressed). */
export const pageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/**
 * Prints a self-contained HTML document to PDF bytes (and to `path` when given). When the
 * last page holds only a few lines, printing at 95% saves that page: the tighter print is
 * kept only if it has fewer pages, so a near-empty last page never goes to the reader.
 */
export async function htmlToPdf(html: string, path?: string): Promise<Buffer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const footer = footerOf(html);
    const options = {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      ...(footer === undefined
        ? {}
        : {
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: footerTemplate(footer, html),
          }),
    };
    let pdf = await page.pdf(options);
    const pages = pageCount(pdf);
    if (pages > 1) {
      const tighter = await page.pdf({ ...options, scale: 0.95 });
      if (pageCount(tighter) < pages) pdf = tighter;
    }
    if (path) await writeFile(path, pdf);
    return pdf;
  } finally {
    await browser.close();
  }
}
