import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../core/money/money.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore, REPO_ROOT } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { backtest } from './backtest.js';
import { formatBacktest } from './backtest-format.js';
import { readContractFile, storeVersion } from './contract-store.js';
import { computeSettlement } from './settle-contract.js';

/** The proposed 2027 terms settled on 2026 data beside the 2026 contract in force (what a COO brings to a renewal). */

const TENANT = 'demo';
const AS_OF = '2027-02-01T00:00:00Z';
const file = (name: string) => resolve(REPO_ROOT, 'contracts', name);
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  // The demo stores its three contracts (the 2027 terms too, in force from 2027); applying again adds nothing.
  const input = await readContractFile(file('northwind-brightpath-2026.yaml'));
  await store.transaction((tx) => storeVersion(tx, TENANT, { ...input, origin: 'test' }));
});
afterAll(() => store?.close());

describe('backtest', () => {
  it('settles the proposed terms per period and outcome beside the contract in force, with the differences', async () => {
    const report = await backtest(store, TENANT, file('northwind-brightpath-2027.yaml'), {
      periods: '2026-Q1..2026-Q2',
      asOf: AS_OF,
    });
    expect(report.proposed.contract).toBe('northwind-brightpath-2027');
    expect(report.against.contract).toBe('northwind-brightpath-2026');
    expect(report.periods.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2']);
    const eur = (amount: string) => Money.parse(amount, 'EUR');
    for (const p of report.periods) {
      // The in-force side is exactly what `covenant settle` gives for the stored contract.
      const settled = await computeSettlement(
        store,
        TENANT,
        'northwind-brightpath-2026',
        windowIn(p.period),
        AS_OF,
      );
      expect(p.inForce.total).toBe(settled.invoice.total);
      expect(p.inForce.versions).toEqual([1]);
      expect(p.difference).toBe(eur(p.proposed.total).minus(eur(p.inForce.total)).toFixed());
      // Lines add up to the totals on both sides, and each difference is proposed - in force.
      const sum = (pick: (l: (typeof p.lines)[number]) => string | null) =>
        Money.sum(
          'EUR',
          p.lines.map((l) => eur(pick(l) ?? '0')),
        ).toFixed();
      expect(sum((l) => l.inForce)).toBe(p.inForce.total);
      expect(sum((l) => l.proposed)).toBe(p.proposed.total);
      for (const l of p.lines) {
        expect(l.difference).toBe(
          eur(l.proposed ?? '0')
            .minus(eur(l.inForce ?? '0'))
            .toFixed(),
        );
      }
      // The 2027 terms pay self-service adoption (the client's own metric) on simple requests.
      const adoption = p.lines.find((l) => l.id === 'outcome:simple-requests/self_service_adoption');
      expect(adoption?.inForce).toBeNull();
      expect(adoption?.proposed).not.toBeNull();
      // A lower base rate (3.95 against 4.20) on the same handled contacts.
      const base = p.lines.find((l) => l.id === 'base-fee');
      expect(eur(base?.difference ?? '0').isNegative()).toBe(true);
    }
    const all = report.periods.reduce((sum, p) => sum.plus(eur(p.difference)), Money.zero('EUR'));
    expect(report.totals.difference).toBe(all.toFixed());
    const text = formatBacktest(report, 'table');
    expect(text).toContain('2026-Q1 (in force: northwind-brightpath-2026 v1)');
    expect(text).toMatch(/all\s+[\d.]+\s+[\d.]+\s+-?[\d.]+/);
  });

  it('needs --against when no other stored contract of the client and vendor is in force', async () => {
    await expect(
      backtest(store, TENANT, file('northwind-coastline-2026.yaml'), { periods: '2026-Q1', asOf: AS_OF }),
    ).rejects.toThrow('no stored contract for northwind and coastline in force');
    const report = await backtest(store, TENANT, file('northwind-coastline-2026.yaml'), {
      periods: '2026-Q1',
      against: 'northwind-brightpath-2026',
      asOf: AS_OF,
    });
    expect(report.against.contract).toBe('northwind-brightpath-2026');
  });
});
