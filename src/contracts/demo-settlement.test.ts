import { beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import { loadDemo } from '../demo/load-demo.js';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { oracleTotal } from '../test-support/settlement-oracle.js';
import { windowIn } from '../test-support/text-query.js';
import { getVersion } from './contract-store.js';
import { measureOutcomes } from './measure-outcomes.js';
import { settleContract } from './settle-contract.js';

/**
 * The demo contracts settled for every quarter of 2026, each invoice total checked to the
 * cent against an independent reading of the settlement rules (test-support/settlement-
 * oracle.ts) fed with the engine's outcome values and base units counted by a separate SQL
 * statement whose period bounds DuckDB computes itself.
 */
const TENANT = 'demo';
const QUARTERS = [
  ['2026-Q1', '2026-01-01', '2026-04-01'],
  ['2026-Q2', '2026-04-01', '2026-07-01'],
  ['2026-Q3', '2026-07-01', '2026-10-01'],
  ['2026-Q4', '2026-10-01', '2027-01-01'],
] as const;
const FINAL = '2027-06-01T00:00:00Z';
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
});

async function expectedTotal(id: string, period: string, from: string, to: string, asOf: string) {
  const { contract } = await getVersion(store, TENANT, id);
  const workflows = contract.workflows.map((w) => `'${w}'`).join(', ');
  const [units] = await store.query<{ n: number }>(
    raw(`SELECT count(*) AS n FROM interactions WHERE tenant = '${TENANT}' AND vendor = '${contract.vendor}'
      AND workflow IN (${workflows}) AND NOT abandoned AND path IN ('human', 'bot_to_human')
      AND started_at >= timezone('Europe/Lisbon', TIMESTAMP '${from} 00:00:00')
      AND started_at < timezone('Europe/Lisbon', TIMESTAMP '${to} 00:00:00')`),
  );
  // The engine's values of each outcome (measured as settlement measures them); the money is the oracle's.
  const outcomes = (await measureOutcomes(store, TENANT, contract, windowIn(period), asOf)).map((m) => ({
    portfolio: m.portfolio,
    metric: m.metric,
    value: m.result.value,
    n: m.result.n,
  }));
  return { total: oracleTotal(contract, units?.n ?? 0, outcomes), outcomes, contract };
}

describe('settling the demo contracts for each quarter of 2026', () => {
  for (const id of ['northwind-brightpath-2026', 'northwind-coastline-2026']) {
    for (const [period, from, to] of QUARTERS) {
      it(`${id} ${period} matches the independent calculation to the cent`, async () => {
        const report = await settleContract(store, TENANT, id, windowIn(period), FINAL);
        const expected = await expectedTotal(id, period, from, to, FINAL);
        expect(report.kind).toBe('final');
        expect(report.invoice.total).toBe(expected.total);
        const again = await settleContract(store, TENANT, id, windowIn(period), FINAL);
        expect(again).toMatchObject({ reproduced: true, settlementId: report.settlementId });
      });
    }
  }

  it('covers a step curve, insufficient data, and caps', async () => {
    const all = [];
    for (const id of ['northwind-brightpath-2026', 'northwind-coastline-2026']) {
      for (const [period] of QUARTERS)
        all.push(await settleContract(store, TENANT, id, windowIn(period), FINAL));
    }
    const lines = all.flatMap((r) => r.parts.flatMap((p) => p.lines));
    expect(lines.some((l) => l.kind === 'outcome' && l.trace.rule.includes('step'))).toBe(true);
    expect(lines.some((l) => l.kind === 'outcome' && l.trace.insufficient)).toBe(true);
    expect(lines.some((l) => l.kind === 'bonus_cap' || l.kind === 'penalty_cap')).toBe(true);
  });

  it('settles retention provisionally, then finally with the true-up of what changed', async () => {
    const provisional = await settleContract(
      store,
      TENANT,
      'northwind-brightpath-2026',
      windowIn('2026-Q3'),
      '2026-10-05T00:00:00Z',
    );
    expect(provisional.kind).toBe('provisional');
    expect(provisional.parts[0]?.maturesOn).toBe('2026-12-30');
    // Churn recorded after the provisional settlement: customers of the Q3 onboarding cohort leave within 90 days.
    const churned = await store.query<{
      customer_id: string;
      since: string;
      segment: string | null;
      monthly_value: string | null;
    }>(
      raw(`SELECT DISTINCT c.customer_id, CAST(c.since AS VARCHAR) AS since, c.segment, CAST(c.monthly_value AS VARCHAR) AS monthly_value
        FROM customers c JOIN interactions i ON i.tenant = c.tenant AND i.customer_id = c.customer_id
        WHERE c.tenant = '${TENANT}' AND i.vendor = 'brightpath' AND i.workflow IN ('account_onboarding', 'kyc_review')
          AND i.started_at >= TIMESTAMPTZ '2026-08-01 00:00:00+00' AND i.started_at < TIMESTAMPTZ '2026-09-01 00:00:00+00'
          AND c.churned_at IS NULL ORDER BY 1 LIMIT 60`),
    );
    const csv = [
      'customer_id,since,churned_at,segment,monthly_value',
      ...churned.map(
        (c) => `${c.customer_id},${c.since},2026-09-20,${c.segment ?? ''},${c.monthly_value ?? ''}`,
      ),
    ];
    await importFile(store, 'customers', writeText(tempDir(), 'churn.csv', csv.join('\n')), {
      tenant: TENANT,
    });
    const final = await settleContract(
      store,
      TENANT,
      'northwind-brightpath-2026',
      windowIn('2026-Q3'),
      FINAL,
    );
    expect(final.kind).toBe('final');
    const expected = await expectedTotal(
      'northwind-brightpath-2026',
      '2026-Q3',
      '2026-07-01',
      '2026-10-01',
      FINAL,
    );
    expect(final.invoice.total).toBe(expected.total);
    expect(final.trueUp?.provisionalId).toBe(provisional.settlementId);
    const difference = Number(final.invoice.total) - Number(provisional.invoice.total);
    expect(Number(final.trueUp?.total.difference)).toBeCloseTo(difference, 2);
    expect(difference).toBeLessThan(0); // more churn: retention pays less
  });
});
