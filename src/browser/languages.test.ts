import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EN, type Language, MESSAGES, type MessageKey } from '../core/i18n/index.js';
import {
  BRIGHTPATH,
  browserSuite,
  byTestId,
  DESKTOP,
  type DemoUser,
  goTo,
  PHONE,
  settled,
  USERS,
} from './test-support/harness.js';

/**
 * Every page each role can reach (its landing page, every link of its navigation, and for
 * the client admin the contract pages behind the contracts list) in Polish and Portuguese:
 * no message key shows as such, no English heading is left, and the main content does not
 * overflow at desktop or phone width.
 */

const suite = browserSuite();

/** English headings and labels that must not survive in another language (each page's own words). */
const ENGLISH: MessageKey[] = [
  'nav.logout',
  'table.downloadCsv',
  'common.valueNci',
  'contracts.caption',
  'overview.moneyAtRisk',
  'overview.baseFee',
  'key.title',
  'tile.projectedPay',
  'drill.title',
  'drill.bySite',
  'drill.byChannel',
  'ops.trend',
  'auto.shares',
  'auto.aht',
  'settle.partTotal',
  'disputes.openTitle',
  'proposals.title',
  'glossary.title',
  'glossary.formula',
  'renewal.money',
  'renewal.valueTitle',
  'renewal.ops',
  'renewal.recalibrations',
  'renewal.alertHistory',
  'renewal.asOfHint',
  'whatif.title',
  'rfp.classTitle',
  'rfp.agreement',
  'rfp.sensitivity',
  'rfp.pricingTitle',
  'agent.caption',
  'audit.when',
  'exp.cells',
  'alerts.caption',
  'chart.showTable',
];
const KEYS = Object.keys(EN);

interface Problem {
  page: string;
  problem: string;
}

/** What is wrong with the page as it stands: keys, English leftovers, overflow at both widths. */
async function check(page: Page, name: string, language: Language): Promise<Problem[]> {
  await settled(page);
  const problems: Problem[] = [];
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, words apart (textContent runs cells together)
  const text = await page.evaluate(() => document.body.innerText);
  for (const key of KEYS) if (text.includes(key)) problems.push({ page: name, problem: `key ${key}` });
  for (const key of ENGLISH)
    if (EN[key] !== MESSAGES[language][key] && text.includes(EN[key]))
      problems.push({ page: name, problem: `English "${EN[key]}"` });
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    // Charts follow their box on the next frames (ResizeObserver): give the layout a moment to settle.
    await page
      .waitForFunction(
        () => {
          const main = document.querySelector('main');
          const root = document.scrollingElement ?? document.documentElement;
          return (!main || main.scrollWidth <= main.clientWidth) && root.scrollWidth <= window.innerWidth;
        },
        undefined,
        { timeout: 3000 },
      )
      .catch(() => undefined);
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main');
      const root = document.scrollingElement ?? document.documentElement;
      return {
        main: main ? main.scrollWidth - main.clientWidth : 0,
        page: root.scrollWidth - window.innerWidth,
      };
    });
    if (widths.main > 0 || widths.page > 0)
      problems.push({
        page: name,
        problem: `overflows at ${size.width} px by ${Math.max(widths.main, widths.page)} px`,
      });
  }
  await page.setViewportSize(DESKTOP);
  return problems;
}

const navLinks = (page: Page) =>
  page
    .locator('a[data-testid^="nav-"]')
    .evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('data-testid') ?? '').filter((id) => id !== 'nav-logout'),
    );

/** Signs in, chooses the language (kept on the server), and visits every page of the role. */
async function visitAll(
  user: DemoUser,
  language: Language,
  extra: string[],
): Promise<{ pages: number; problems: Problem[] }> {
  const page = await suite.page(user);
  await page.locator('main').waitFor();
  const saved = page.waitForResponse(
    (r) => r.url().includes('/api/me/language') && r.request().method() === 'PUT',
  );
  await byTestId(page, 'language-select').selectOption(language);
  expect((await saved).ok()).toBe(true);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  const problems = await check(page, `landing ${new URL(page.url()).hash}`, language);
  let pages = 1;
  for (const link of await navLinks(page)) {
    const href = (await byTestId(page, link).getAttribute('href')) ?? '';
    const before = page.url();
    await byTestId(page, link).click();
    if (new URL(before).hash.split('?')[0] !== href.split('?')[0])
      await page.waitForURL((url) => url.href !== before);
    problems.push(...(await check(page, link, language)));
    pages += 1;
  }
  for (const hash of extra) {
    await goTo(page, hash);
    await page.locator('main h1').first().waitFor();
    problems.push(...(await check(page, hash, language)));
    pages += 1;
  }
  await byTestId(page, 'language-select').selectOption('en');
  return { pages, problems };
}

const ROLES: [string, DemoUser, string[]][] = [
  [
    'client_admin',
    USERS.coo,
    [
      `#/contracts/${BRIGHTPATH}`,
      `#/contracts/${BRIGHTPATH}/alerts`,
      `#/contracts/${BRIGHTPATH}/settlement`,
      '#/experiments',
    ],
  ],
  ['vendor_manager', USERS.brightpath, []],
  ['team_lead', USERS.lead, []],
  ['agent', USERS.agent, []],
];

describe('every page in Polish and Portuguese', () => {
  for (const language of ['pl', 'pt'] as const)
    it.each(ROLES)(
      `${language}: every page %s can reach, no key, no English heading, no overflow`,
      async (_role, user, extra) => {
        const { pages, problems } = await visitAll(user, language, extra);
        expect(pages).toBeGreaterThan(1);
        expect(problems).toEqual([]);
      },
      300_000,
    );
});
