/**
 * The renewal scorecards of the demo (demo-scenario.md) built from the data through the
 * existing services: BrightPath reads "renew", Coastline "renew with changes" or
 * "re-tender", and every number a reason quotes is what the metric engine, the settlement
 * or the value metrics give for the same scope. Then a recalibration shows on the card, and
 * the PDF prints with the recommendation on its first page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decideProposal } from '../contracts/proposal-store.js';
import { recalibrate } from '../contracts/recalibrate.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import { valueMetrics } from '../contracts/value-metrics.js';
import { metricInfo } from '../core/metric/catalog.js';
import { Dec } from '../core/money/money.js';
import { formatMoney, formatValue } from '../core/renewal/format.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import type { Fact, Reason, Scorecard } from '../core/renewal/types.js';
import { loadDemo } from '../demo/load-demo.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { windowIn, withWindows } from '../test-support/text-query.js';
import { launchBrowser } from './pdf.js';
import { buildScorecard } from './scorecard.js';

const TENANT = 'northwind';
const BRIGHTPATH = 'northwind-brightpath-2026';
const COASTLINE = 'northwind-coastline-2026';
/** The day after the term: the whole of 2026 is scored. */
const AS_OF = '2027-01-01';

let store: Store;
let brightpath: Scorecard;
let coastline: Scorecard;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  brightpath = await buildScorecard(store, TENANT, BRIGHTPATH, { asOf: AS_OF });
  coastline = await buildScorecard(store, TENANT, COASTLINE, { asOf: AS_OF });
}, 120_000);

/** Recomputes a quoted number from the service it came from, for the same scope and period. */
async function recompute(card: Scorecard, fact: Fact): Promise<{ value: number; text: string }> {
  const asOf = card.asOf;
  if (fact.source === 'metric') {
    const where: Record<string, string[]> = { vendor: [fact.scope.vendor] };
    if (fact.scope.workflows) where.workflow = fact.scope.workflows;
    if (fact.scope.site) where.site = [fact.scope.site];
    const [result] = await runQuery(
      store,
      withWindows({
        metrics: [fact.metric],
        tenant: TENANT,
        period: fact.period,
        zone: card.contract.timezone,
        where,
        by: [],
        params: fact.params ?? {},
        ...(fact.baseline ? { baseline: fact.baseline } : {}),
        minN: 1,
        asOf,
      }),
    );
    const value = result?.value ?? Number.NaN;
    return {
      value,
      text: formatValue(value, metricInfo(fact.metric)?.unit ?? 'share', fact.metric, card.contract.currency),
    };
  }
  if (fact.source === 'value') {
    const [result] = await valueMetrics(store, {
      tenant: TENANT,
      contractId: card.contract.id,
      periods: [windowIn(fact.period)],
      metrics: [fact.metric],
      asOf,
    });
    const value = result?.value ?? Number.NaN;
    return { value, text: formatValue(value, 'money', '', card.contract.currency) };
  }
  // Settlement: the invoices of each settlement period of the term so far, computed again.
  let withheld = new Dec(0);
  let atRisk = new Dec(0);
  for (const p of card.money.periods) {
    const { parts } = await computeSettlement(store, TENANT, card.contract.id, windowIn(p.period), asOf);
    for (const part of parts) {
      atRisk = atRisk.plus(part.atRisk);
      for (const line of part.lines) if (line.kind !== 'base_fee') withheld = withheld.minus(line.amount);
    }
  }
  const value = (fact.metric === 'withheld' ? withheld : atRisk).toNumber();
  return { value, text: formatMoney(value, card.contract.currency) };
}

async function checkReasons(card: Scorecard, reasons: Reason[]): Promise<void> {
  for (const reason of reasons) {
    expect(reason.facts.length, reason.text).toBeGreaterThan(0);
    for (const fact of reason.facts) {
      const again = await recompute(card, fact);
      expect(again.value, `${reason.rule} ${fact.metric} ${fact.period}`).toBeCloseTo(fact.value, 9);
      expect(fact.text).toBe(again.text);
      expect(reason.text).toContain(fact.text);
    }
  }
}

describe('the demo renewal scorecards', () => {
  it('BrightPath reads "renew": its outcomes moved, its operations held and value per contact rose', async () => {
    const rec = brightpath.recommendation;
    expect(brightpath.termSoFar).toMatchObject({ period: '2026-01-01..2026-12-31', complete: true });
    expect(rec.decision).toBe('renew');
    expect(rec.reasons.map((r) => r.rule)).toEqual([
      'renew.outcomes-moved',
      'renew.value-rose',
      'renew.operations-met',
    ]);
    expect(rec.otherReasons).toEqual([]);
    const csat = brightpath.outcomes.find((o) => o.key === 'card-disputes/csat');
    expect(csat?.term.evidence).toBe('moved');
    // Coaching from April: video coverage from about 60% in Q1 to about 97% from Q2.
    const coaching = brightpath.operations.find((r) => r.metric === 'coaching_coverage');
    expect(coaching?.periods[0]?.value).toBeLessThan(0.75);
    expect(coaching?.periods[3]?.value).toBeGreaterThan(0.95);
    expect(brightpath.value.valueChange).toBeGreaterThan(0);
    await checkReasons(brightpath, rec.reasons);
  });

  it('Coastline reads "re-tender" (or "renew with changes"), each reason on a number from the data', async () => {
    const rec = coastline.recommendation;
    expect(['re_tender', 'renew_with_changes']).toContain(rec.decision);
    expect(rec.decision).toBe('re_tender');
    const rules = [...rec.reasons, ...rec.otherReasons].map((r) => r.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'retender.stalled-and-withheld',
        'retender.outcomes-worse',
        'retender.access-breach',
        'retender.calibration',
        'changes.key-measurement',
        'changes.attrition-spike',
        'changes.value-fell',
      ]),
    );
    const text = (rule: string) =>
      [...rec.reasons, ...rec.otherReasons]
        .filter((r) => r.rule === rule)
        .map((r) => r.text)
        .join(' ');
    // The story: errors rise and CSAT falls, calibration alpha far under 0.80, MFA misses in Q3,
    // the Cape Town attrition spike in Q2.
    expect(text('retender.outcomes-worse')).toMatch(/error rate .* \(\+0\.\d\d pp/);
    expect(text('retender.outcomes-worse')).toMatch(/CSAT \(top-2-box\) .* \(−\d\.\d pp/);
    expect(text('retender.access-breach')).toContain('in 2026-Q3');
    expect(text('changes.attrition-spike')).toMatch(/capetown spiked: .* in 2026-Q2/);
    const alpha = coastline.operations.find((r) => r.metric === 'qa_alpha');
    expect(alpha?.term.value).toBeLessThan(0.7);
    expect(coastline.money.term.withheldShare).toBeGreaterThan(0.25);
    // The chatbot moved containment by more than 10 points: the Q3 recalibration triggers fired.
    expect(
      coastline.recalibrations.triggers.find((t) => t.period === '2026-Q3')?.fired.map((f) => f.measure),
    ).toContain('containment');
    await checkReasons(coastline, [...rec.reasons, ...rec.otherReasons]);
  });

  it('shows the term so far as of a date inside the term, with the quarter in progress', async () => {
    const card = await buildScorecard(store, TENANT, COASTLINE, { asOf: '2026-11-15' });
    expect(card.termSoFar.period).toBe('2026-01-01..2026-11-14');
    expect(card.quarters.map((q) => q.display)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4 to date']);
    expect(card.money.periods.at(-1)?.period).toBe('2026-10-01..2026-11-14');
    await expect(buildScorecard(store, TENANT, 'northwind-brightpath-2027', { asOf: AS_OF })).rejects.toThrow(
      /nothing to score yet/,
    );
  });

  it('shows a recalibration that happened: the proposal, its approvals and the version it created', async () => {
    const report = await recalibrate(store, TENANT, BRIGHTPATH, {
      period: '2026-Q3',
      effective: '2026-11-01',
      asOf: '2026-10-02T09:00:00Z',
    });
    expect(report.outcome).toBe('proposed');
    const id = report.proposal?.id as string;
    await decideProposal(store, TENANT, id, 'client', 'approve', '2026-10-05T10:00:00Z');
    await decideProposal(store, TENANT, id, 'vendor', 'approve', '2026-10-06T10:00:00Z');
    const card = await buildScorecard(store, TENANT, BRIGHTPATH, { asOf: AS_OF });
    expect(card.recalibrations.proposals).toMatchObject([
      {
        id,
        period: '2026-Q3',
        status: 'applied',
        appliedVersion: 2,
        effectiveFrom: '2026-11-01',
        triggersFired: expect.arrayContaining(['containment']),
      },
    ]);
    expect(card.recalibrations.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-01-01'],
      [2, '2026-11-01'],
    ]);
    expect(card.contract.version).toBe(2);
    // Q4 is settled in two parts, one per version, shown as one period.
    expect(card.money.periods.at(-1)?.versions).toEqual([1, 2]);
  });
});

describe('the scorecard PDF', () => {
  it('prints with Chromium: a PDF whose first page carries the title and the recommendation', async () => {
    const html = renderScorecardHtml(coastline);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The printable area of an A4 page with the stylesheet's margins (184 x 267 mm) at 96 dpi.
      const width = Math.floor((184 / 25.4) * 96);
      const height = Math.floor((267 / 25.4) * 96);
      await page.setViewportSize({ width, height });
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      // The summary, then the sections flowing on (pdf-pages.test.ts checks no page is near-empty).
      expect(pages.length).toBeGreaterThanOrEqual(4);
      const first = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        return {
          title: document.querySelector('h1')?.textContent,
          decision: document.querySelector('#recommendation .decision')?.textContent,
          titleBottom: box('h1')?.bottom ?? Number.POSITIVE_INFINITY,
          decisionBottom: box('#recommendation .decision')?.bottom ?? Number.POSITIVE_INFINITY,
          firstReasonBottom: box('#recommendation ol li')?.bottom ?? Number.POSITIVE_INFINITY,
          breaks: [...document.querySelectorAll('section.page')].map((s) => getComputedStyle(s).breakBefore),
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(first.title).toBe('Northwind Bank x Coastline BPO, customer support 2026');
      expect(first.decision).toBe('Re-tender');
      expect(first.decisionBottom).toBeLessThan(height);
      expect(first.firstReasonBottom).toBeLessThan(height);
      // No forced page per section (the mechanics section of Coastline's chronic failure is the ninth): that left near-empty pages.
      expect(first.breaks).toEqual(['auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto']);
      // Nothing wider than the page.
      expect(first.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      await browser.close();
    }
  });
});
