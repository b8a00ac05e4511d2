import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { settleContract } from '../contracts/settle-contract.js';
import { settlementHtml } from '../core/export/settlement-html.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import { RENEWAL_RULES } from '../core/renewal/rules.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { htmlToPdf, launchBrowser } from './pdf.js';
import { buildScorecard } from './scorecard.js';

/**
 * The printed documents as a reader gets them: each PDF page rendered to an image by
 * pdftoppm and read back as text by pdftotext (poppler-utils, installed by .ci/run).
 */
const TENANT = 'northwind';
const dir = tempDir();

interface Printed {
  name: string;
  html: string;
  pdf: string;
  /** What every page's footer names. */
  footer: string[];
}
const printed: Printed[] = [];
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT });
  for (const id of ['northwind-coastline-2026', 'northwind-brightpath-2026']) {
    const card = await buildScorecard(store, TENANT, id, { asOf: '2027-01-01' });
    const html = renderScorecardHtml(card);
    const pdf = join(dir, `${id}-renewal.pdf`);
    await htmlToPdf(html, pdf);
    printed.push({ name: `${id} renewal`, html, pdf, footer: [id, card.termSoFar.display] });
  }
  const report = await settleContract(
    store,
    TENANT,
    'northwind-brightpath-2026',
    windowIn('2026-Q4'),
    '2027-06-01T00:00:00Z',
  );
  const html = settlementHtml(report);
  const pdf = join(dir, 'settlement.pdf');
  writeFileSync(pdf, await htmlToPdf(html));
  printed.push({
    name: 'brightpath 2026-Q4 settlement',
    html,
    pdf,
    footer: ['northwind-brightpath-2026', '2026-Q4'],
  });
  await store.close();
}, 300_000);

/** Share of the page's 5 mm bands (inside the 14 mm top and 16 mm footer margins) with no ink. */
function blankShares(pdf: string): number[] {
  const prefix = join(dir, `page-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-r', '40', '-gray', pdf, prefix]);
  const files = readdirSync(dir)
    .filter((f) => join(dir, f).startsWith(prefix) && f.endsWith('.pgm'))
    .sort();
  return files.map((file) => {
    const data = readFileSync(join(dir, file));
    rmSync(join(dir, file));
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const [magic, size, max] = data.subarray(0, 40).toString('latin1').split('\n');
    expect(magic).toBe('P5');
    const [w, h] = (size ?? '').split(' ').map(Number) as [number, number];
    const pixels = data.subarray(`${magic}\n${size}\n${max}\n`.length);
    const mm = h / 297;
    const band = Math.round(5 * mm);
    let bands = 0;
    let inked = 0;
    for (let y = Math.round(14 * mm); y < h - Math.round(16 * mm); y += band) {
      bands += 1;
      const rows = pixels.subarray(y * w, Math.min(y + band, h - Math.round(16 * mm)) * w);
      if (rows.some((value) => value < 200)) inked += 1;
    }
    return 1 - inked / bands;
  });
}

const pageTexts = (pdf: string): string[] =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

const headingsOf = (html: string) =>
  [...html.matchAll(/<h[23][^>]*>([^<]+)<\/h[23]>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&').trim(),
  );

describe('the printed renewal scorecards and settlement', () => {
  it('has no page more than 90% blank', () => {
    for (const doc of printed) {
      const shares = blankShares(doc.pdf);
      expect(shares.length, doc.name).toBeGreaterThan(0);
      for (const [index, share] of shares.entries())
        expect(share, `${doc.name}, page ${index + 1}`).toBeLessThanOrEqual(0.9);
    }
  });

  it('names the document (contract and period) and the page number on every page', () => {
    for (const doc of printed) {
      const pages = pageTexts(doc.pdf);
      for (const [index, text] of pages.entries()) {
        expect(text, `${doc.name}, page ${index + 1}`).toContain(`page ${index + 1} of ${pages.length}`);
        for (const part of doc.footer) expect(text, `${doc.name}, page ${index + 1}`).toContain(part);
      }
    }
  });

  it('keeps every heading with what follows it: no page ends on a heading', () => {
    for (const doc of printed) {
      const headings = new Set(headingsOf(doc.html));
      for (const [index, text] of pageTexts(doc.pdf).entries()) {
        const lines = text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !/page \d+ of \d+$/.test(line));
        expect(
          headings.has(lines.at(-1) ?? ''),
          `${doc.name}, page ${index + 1} ends on "${lines.at(-1)}"`,
        ).toBe(false);
      }
    }
  });

  it('quotes definitions instead of pointing at files the reader does not have', () => {
    for (const doc of printed.filter((d) => d.name.endsWith('renewal'))) {
      const text = pageTexts(doc.pdf).join('\n');
      expect(text).not.toMatch(/\b[\w-]+\.md\b|docs\//);
      expect(text).toContain('Definitions');
      expect(text).toMatch(/invoice\s+total\s+of\s+the\s+period\s+\/\s+handled\s+contacts\s+in\s+scope/);
    }
  });

  it('breaks rule ids only after their separators, never mid-word', () => {
    const doc = printed[0] as Printed;
    // Content order (-raw, which keeps a hyphen at a line end): a table cell's lines follow one another.
    const text = execFileSync('pdftotext', ['-raw', doc.pdf, '-'], { encoding: 'utf8' });
    const separator = /[:/._-]/;
    for (const { id } of RENEWAL_RULES) {
      const whole = new RegExp(id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/([:/._-])/g, '$1\\n?'));
      expect(whole.test(text), `${id} is printed`).toBe(true);
      for (let at = 1; at < id.length; at += 1) {
        if (separator.test(id.charAt(at - 1)) || separator.test(id.charAt(at))) continue;
        expect(text, `${id} broken after "${id.slice(0, at)}"`).not.toContain(
          `${id.slice(0, at)}\n${id.slice(at)}`,
        );
      }
    }
  });

  it('fits every figure tile: no value wider than its tile', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setViewportSize({ width: Math.floor((184 / 25.4) * 96), height: 1000 });
      for (const doc of printed.filter((d) => d.name.endsWith('renewal'))) {
        await page.setContent(doc.html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const overflow = await page.evaluate(() =>
          [...document.querySelectorAll('.figure')].map((tile) => ({
            text: tile.querySelector('.value')?.textContent,
            over: tile.scrollWidth - tile.clientWidth,
            valueOver: (() => {
              const value = tile.querySelector('.value');
              return value ? value.getBoundingClientRect().right - tile.getBoundingClientRect().right : 0;
            })(),
          })),
        );
        expect(overflow.length).toBe(4);
        for (const tile of overflow) {
          expect(tile.over, tile.text ?? '').toBeLessThanOrEqual(0);
          expect(tile.valueOver, tile.text ?? '').toBeLessThanOrEqual(0);
        }
      }
    } finally {
      await browser.close();
    }
  });
});
