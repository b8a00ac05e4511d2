import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EN, LANGUAGES, type Language, MESSAGES, metricDefinition, translator } from '../core/i18n/index.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import type { Scorecard } from '../core/renewal/types.js';
import { loadDemo } from '../demo/load-demo.js';
import { memoryStore, tempDir } from '../test-support/fixtures.js';
import { htmlToPdf, launchBrowser } from './pdf.js';
import { buildScorecard } from './scorecard.js';

/**
 * The renewal scorecard PDF in each of the six languages, read back with pdftotext
 * (poppler-utils): its own words in the language, no message key left, no English heading
 * left in another language, definitions from the catalog in the language, numbers and the
 * page footer the locale's way.
 */
const TENANT = 'northwind';
const CONTRACT = 'northwind-brightpath-2026';
const dir = tempDir();
const texts = new Map<Language, string>();
const widths = new Map<Language, number>();
/** The printable width of an A4 page with the stylesheet's margins (184 mm) at 96 dpi. */
const WIDTH = Math.floor((184 / 25.4) * 96);
let card: Scorecard;

/** Headings of the English document that must not survive in another language. */
const ENGLISH_HEADINGS = [
  'Renewal scorecard',
  'Money paid and withheld',
  'Cost per contact against value per contact',
  'Remote operations and security',
  'How the recommendation was reached',
  'Recalibrations',
  'Triggers by quarter',
  'Alert history',
  'Term so far',
  'Base fee',
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  const store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT });
  card = await buildScorecard(store, TENANT, CONTRACT, { asOf: '2027-01-01' });
  await store.close();
  // Each language's document laid out at the page's width: how wide does it get?
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: WIDTH, height: 1000 });
    for (const language of LANGUAGES) {
      await page.setContent(renderScorecardHtml(card, language), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      widths.set(language, await page.evaluate(() => document.documentElement.scrollWidth));
    }
  } finally {
    await browser.close();
  }
  for (const language of LANGUAGES) {
    const pdf = join(dir, `${language}.pdf`);
    await htmlToPdf(renderScorecardHtml(card, language), pdf);
    texts.set(language, flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8')));
  }
}, 300_000);

describe('the renewal scorecard PDF in the reader’s language', () => {
  it.each(LANGUAGES)('%s: its own words, no key left, definitions and footer in the language', (language) => {
    const text = texts.get(language) ?? '';
    const t = translator(language);
    for (const key of [
      'scorecard.moneyTitle',
      'scorecard.rulesTitle',
      'scorecard.definitions',
      'scorecard.opsTitle',
    ] as const)
      expect(text, key).toContain(t(key));
    expect(text).toContain(t('scorecard.decision', { decision: card.recommendation.decision }));
    // No message key printed as such.
    for (const key of Object.keys(EN)) expect(text.includes(key), key).toBe(false);
    // The page footer: "strona 1 z 4", "Seite 1 von 4".
    expect(text).toMatch(
      new RegExp(`${MESSAGES[language]['pdf.page']} 1 ${MESSAGES[language]['pdf.of']} \\d+`),
    );
    // Definitions are the catalog's, in the language (what n counts for the first outcome).
    const first = metricDefinition(card.outcomes[0]?.metric ?? 'csat', language);
    expect(text).toContain(`n = ${flat(first?.n ?? 'missing')}`);
    // Longer words do not push anything past the page's printable width.
    expect(widths.get(language)).toBeLessThanOrEqual(WIDTH);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s: no English heading left, numbers written the locale’s way',
    (language) => {
      const text = texts.get(language) ?? '';
      for (const heading of ENGLISH_HEADINGS) expect(text, heading).not.toContain(heading);
      // Decimal commas (84,4%) instead of points in every language but English.
      expect(text).toMatch(/\d,\d/);
      expect(text).not.toMatch(/\b\d+\.\d+\s?%/);
    },
  );

  it('English keeps its own words and decimal points', () => {
    const text = texts.get('en') ?? '';
    for (const heading of ENGLISH_HEADINGS) expect(text).toContain(heading);
    expect(text).toMatch(/\b\d+\.\d%/);
  });
});
