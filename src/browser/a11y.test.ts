import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MESSAGES, METRIC_LABELS } from '../core/i18n/index.js';
import {
  browserSuite,
  byTestId,
  type DemoUser,
  goTo,
  overflow,
  settled,
  USERS,
} from './test-support/harness.js';

/**
 * axe-core on every page each role can reach (its landing page and every link of its nav),
 * with every chart's table opened: no serious or critical violation. Also: every page of
 * the nav shows content and no error, every dashboard table has its CSV and XLSX
 * downloads, and each chart its table one click away. (One walk of every role's pages
 * does all of it: the suite's time is bounded.)
 */

const suite = browserSuite();

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string;
}

async function audit(page: Page, name: string): Promise<Finding[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP does not govern
  // (an injected <script> would be refused, as it should be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (pageName) => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        page: pageName,
        rule: v.id,
        impact: v.impact ?? '',
        targets: v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', '),
      }));
  }, name);
}

/** Tables without their downloads, and charts without their table. */
const missing = (page: Page, name: string) =>
  page.evaluate((pageName) => {
    const gaps: string[] = [];
    for (const table of document.querySelectorAll('main table')) {
      let next = table.nextElementSibling;
      while (next && next.tagName !== 'TABLE' && !next.classList.contains('table-downloads'))
        next = next.nextElementSibling;
      if (!next?.classList.contains('table-downloads'))
        gaps.push(
          `${pageName}: table "${table.querySelector('caption')?.textContent ?? ''}" has no downloads`,
        );
    }
    for (const chart of document.querySelectorAll('main .chart[role="img"]')) {
      const small = (chart as HTMLElement).offsetHeight < 80;
      if (!small && !chart.nextElementSibling?.matches('details.chart-table'))
        gaps.push(`${pageName}: chart "${chart.getAttribute('aria-label')?.slice(0, 40)}" has no table`);
    }
    return gaps;
  }, name);

const navLinks = (page: Page) =>
  page
    .locator('a[data-testid^="nav-"]')
    .evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('data-testid') ?? '').filter((id) => id !== 'nav-logout'),
    );

async function auditRole(
  name: string,
  user: DemoUser,
): Promise<{ findings: Finding[]; gaps: string[]; empty: string[]; pages: number }> {
  const page = await suite.page(user);
  await page.locator('main').waitFor();
  await settled(page);
  const findings = await audit(page, `${name} landing ${new URL(page.url()).hash}`);
  const gaps = await missing(page, `${name} landing`);
  const empty: string[] = [];
  let pages = 1;
  for (const link of await navLinks(page)) {
    const href = (await byTestId(page, link).getAttribute('href')) ?? '';
    const before = page.url();
    await byTestId(page, link).click();
    // A link to another route changes the URL; then nothing may be loading.
    if (new URL(before).hash.split('?')[0] !== href.split('?')[0])
      await page.waitForURL((url) => url.href !== before);
    await settled(page);
    const seen = await content(page);
    // Content: more than a heading (an empty state that says what to do counts), and no error.
    if (seen.errors > 0 || seen.text < 60) empty.push(`${link}: ${JSON.stringify(seen)}`);
    findings.push(...(await audit(page, `${name} ${new URL(page.url()).hash}`)));
    gaps.push(...(await missing(page, `${name} ${link}`)));
    pages += 1;
  }
  return { findings, gaps, empty, pages };
}

/**
 * What a page shows as its own (a table, a tile, a value) and its errors, once it has
 * fetched and holds still: asked every 250 ms until two answers agree with more than a
 * heading (the route may not have rendered yet when the URL changes), for up to 30 s (a
 * vendor's pages compute their numbers on demand).
 */
async function content(page: Page) {
  const deadline = Date.now() + 30_000;
  let last = '';
  for (;;) {
    await settled(page);
    const seen = await page.evaluate(() => ({
      marked: document.querySelectorAll('#main [data-testid]:not([data-testid="error-banner"])').length,
      errors: document.querySelectorAll('#main [data-testid="error-banner"]').length,
      text: (document.querySelector('#main')?.textContent ?? '').trim().length,
    }));
    if ((seen.text >= 60 && JSON.stringify(seen) === last) || Date.now() > deadline) return seen;
    last = JSON.stringify(seen);
    await page.waitForTimeout(250);
  }
}

describe('accessibility (axe-core, serious and critical)', () => {
  it('passes on the login page', async () => {
    const page = await suite.page(null);
    await goTo(page, '#/login');
    await byTestId(page, 'login-form').waitFor();
    expect(await audit(page, 'login')).toEqual([]);
  });

  it.each(Object.entries(USERS))(
    'passes on every page %s can reach, each with content, tables downloadable, charts tabulated',
    async (name, user) => {
      const { findings, gaps, empty, pages } = await auditRole(name, user);
      expect(pages).toBeGreaterThan(1);
      expect(empty, `pages of ${name} with an empty main area`).toEqual([]);
      expect(findings).toEqual([]);
      expect(gaps).toEqual([]);
    },
    180_000,
  );
});

describe('the chosen language (the translated parts: navigation, sign-in, downloads, chart tables)', () => {
  it.each(['pl', 'pt'] as const)(
    '%s: kept on the server, no key left untranslated, nothing overflows',
    async (language) => {
      const page = await suite.page(USERS.viewer, 'phone');
      await byTestId(page, 'contracts-table').waitFor();
      // The choice is saved by a PUT: wait for it, or the reload below can race it.
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/me/language') && r.request().method() === 'PUT',
      );
      await byTestId(page, 'language-select').selectOption(language);
      expect((await saved).ok()).toBe(true);
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      // A new session reads the choice back from the server.
      await page.reload();
      await byTestId(page, 'contracts-table').waitFor();
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      const messages = MESSAGES[language];
      await expect(byTestId(page, 'nav-contracts').textContent()).resolves.toBe(messages['nav.contracts']);
      await expect(byTestId(page, 'nav-logout').textContent()).resolves.toBe(messages['nav.logout']);
      await expect(page.locator('.table-downloads button').first().textContent()).resolves.toBe(
        messages['table.downloadCsv'],
      );
      const text = await page.evaluate(() => document.body.textContent);
      expect(text).not.toMatch(/\b(nav|login|table|chart|settlement|pdf)\.[a-z][a-zA-Z]+\b/);
      let { scrollWidth, innerWidth } = await overflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // Metric labels come from the catalogue in the language (singular and plural).
      await goTo(page, '#/glossary');
      await byTestId(page, 'glossary-aht').waitFor();
      await expect(byTestId(page, 'glossary-aht').textContent()).resolves.toContain(
        METRIC_LABELS[language].aht?.[0] ?? 'missing',
      );
      ({ scrollWidth, innerWidth } = await overflow(page));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await byTestId(page, 'language-select').selectOption('en');
    },
  );
});
