import { describe, expect, it } from 'vitest';
import { listVersions } from '../contracts/contract-store.js';
import { listProposals } from '../contracts/proposal-store.js';
import { runQuery } from '../query/run-query.js';
import { buildScorecard } from '../renewal/scorecard.js';
import { memoryStore } from '../test-support/fixtures.js';
import { withWindows } from '../test-support/text-query.js';
import { loadDemo } from './load-demo.js';

describe('the demo loaded through the import path', () => {
  it('imports every dataset without a reject, stores the contracts, and shows the chatbot through the engine', async () => {
    const store = await memoryStore();
    const summaries = await loadDemo(store, { scale: 0.03, seed: 7, tenant: 'northwind' });
    expect(summaries).toHaveLength(11);
    expect(summaries.every((s) => s.rejected === 0 && s.accepted === s.read)).toBe(true);
    const versions = await listVersions(store, 'northwind');
    expect(versions.map((v) => [v.contractId, v.version, v.effectiveFrom]).sort()).toEqual([
      ['northwind-brightpath-2026', 1, '2026-01-01'],
      // Event 1: BrightPath's Q3 recalibration approved by both parties, effective 1 October.
      ['northwind-brightpath-2026', 2, '2026-10-01'],
      ['northwind-brightpath-2027', 1, '2027-01-01'],
      ['northwind-coastline-2026', 1, '2026-01-01'],
    ]);
    // Coastline's proposal awaits Coastline: approved by the client only.
    const proposals = await listProposals(store, 'northwind');
    expect(proposals.map((p) => [p.contract, p.status])).toEqual([
      ['northwind-brightpath-2026', 'applied'],
      ['northwind-coastline-2026', 'open'],
    ]);
    const containment = await runQuery(
      store,
      withWindows({
        metrics: ['containment'],
        tenant: 'northwind',
        period: '2026-06..2026-07',
        zone: 'Europe/Lisbon',
        where: { workflow: ['password_reset'] },
        by: [],
        params: {},
        minN: 1,
      }),
    );
    const [june, july] = containment.map((r) => r.value ?? 0);
    expect(june).toBe(0);
    expect(july).toBeGreaterThan(0.2);

    // The renewal's cost/value chart: cost per handled contact rises (harder contacts, then
    // version 2's rate from Q4) while value per contact rises faster.
    const card = await buildScorecard(store, 'northwind', 'northwind-brightpath-2026', {
      asOf: '2027-02-15T00:00:00Z',
    });
    expect(card.value.periods.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(card.value.costChange).toBeGreaterThan(0.05);
    expect(card.value.valueChange).toBeGreaterThan(card.value.costChange as number);
  });
});
