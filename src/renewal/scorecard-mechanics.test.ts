/**
 * The demo's renewal shows the termination right Coastline's 2026 earned: its contract has
 * chronicFailure { misses: 3, within: 4 }, and the story's slide (demo-scenario.md, event 3)
 * makes outcomes pay below 0% quarter after quarter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeSettlement } from '../contracts/settle-contract.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import { renderScorecardText } from '../core/renewal/text.js';
import type { Scorecard } from '../core/renewal/types.js';
import type { OutcomeLine } from '../core/settlement/types.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { buildScorecard } from './scorecard.js';

const TENANT = 'northwind';
const COASTLINE = 'northwind-coastline-2026';
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
let store: Store;
let coastline: Scorecard;
let brightpath: Scorecard;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  coastline = await buildScorecard(store, TENANT, COASTLINE, { asOf: '2027-01-01' });
  brightpath = await buildScorecard(store, TENANT, 'northwind-brightpath-2026', { asOf: '2027-01-01' });
}, 120_000);

describe("Coastline's renewal", () => {
  it('shows the termination right chronic failure gave, with the periods that made it', async () => {
    const m = coastline.mechanics;
    expect(m?.chronicFailure).toEqual({ misses: 3, within: 4 });
    // Recount from the invoices themselves: a default is an outcome line paying below 0%.
    const defaults = new Map<string, string[]>();
    for (const q of QUARTERS) {
      const { parts } = await computeSettlement(store, TENANT, COASTLINE, windowIn(q), coastline.asOf);
      for (const l of parts.flatMap((p) => p.lines)) {
        if (l.kind !== 'outcome' || (l as OutcomeLine).trace.insufficient || l.trace.pay >= 0) continue;
        defaults.set(`${l.portfolio}/${l.metric}`, [
          ...(defaults.get(`${l.portfolio}/${l.metric}`) ?? []),
          q,
        ]);
      }
    }
    const expected = [...defaults.entries()]
      // Four quarters in all, so any 3 defaults fall within 4 consecutive periods: the third grants the right.
      .filter(([, periods]) => periods.length >= 3)
      .map(([key, periods]) => ({ key, grantedIn: periods[2], periods: periods.slice(0, 3) }));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      m?.terminationRights.map((r) => ({
        key: `${r.portfolio}/${r.metric}`,
        grantedIn: r.grantedIn,
        periods: r.periods,
      })),
    ).toEqual(expected);
    // FCR on card disputes paid -100% every quarter: the right came with 2026-Q3.
    expect(m?.terminationRights.find((r) => r.metric === 'fcr')).toMatchObject({
      grantedIn: '2026-Q3',
      periods: ['2026-Q1', '2026-Q2', '2026-Q3'],
    });
  });

  it('prints the right in the scorecard text and document', () => {
    const text = renderScorecardText(coastline);
    expect(text).toContain(
      'TERMINATION RIGHT: Card disputes: first-contact resolution from 2026-Q3 (defaults 2026-Q1, 2026-Q2, 2026-Q3)',
    );
    const html = renderScorecardHtml(coastline);
    expect(html).toContain('<h2>Chronic failure and earn-back</h2>');
    expect(html).toContain('data-testid="termination-rights"');
  });

  it('has no mechanics on a contract without them', () => {
    expect(brightpath.mechanics).toBeUndefined();
  });
});
