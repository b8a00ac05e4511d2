import { beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../contracts/backtest.js';
import { UserError } from '../core/issues.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { type PricingBasis, pricingBasis, whatIf } from './what-if.js';

/**
 * The renewal page's what-if re-prices measured quarters: unedited it must reproduce the
 * invoices in force, and edited it must give what `covenant backtest` gives for the saved
 * file, which measures everything again.
 */
const TENANT = 'demo';
const CONTRACT = 'northwind-brightpath-2026';
const AS_OF = '2027-01-02T00:00:00Z';
const dir = tempDir();
let store: Store;
let basis: PricingBasis;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT });
  basis = await pricingBasis(store, TENANT, CONTRACT, AS_OF);
}, 300_000);

describe('negotiation what-if', () => {
  it('covers the last four quarters and, unedited, reproduces the invoices in force', () => {
    const result = whatIf(basis, {});
    expect(result.backtest.periods.map((p) => p.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    // Where the terms in force are the ones edited (the demo's version 2 governs Q4), nothing changes.
    const same = result.backtest.periods.filter(
      (x) => x.inForce.versions.length === 1 && x.inForce.versions[0] === basis.version.version,
    );
    expect(same.length).toBeGreaterThan(0);
    for (const p of same) expect(p.proposed.total).toBe(p.inForce.total);
  });

  it('re-prices edited terms exactly as covenant backtest settles the saved file', async () => {
    const result = whatIf(basis, {
      name: 'northwind-brightpath-whatif',
      rate: '4.35',
      atRisk: 0.15,
      bonusCap: 0.05,
      portfolios: { 'card-disputes': { weight: 0.5 }, onboarding: { weight: 0.4 } },
      outcomes: {
        'card-disputes/csat': { target: 0.87, weight: 0.5 },
        'card-disputes/fcr': { weight: 0.25 },
      },
    });
    expect(result.repricedMs).toBeLessThan(1000);
    expect(result.yaml).toContain('atRisk: 15%');
    expect(result.terms.portfolios[0]?.outcomes[0]?.target).toBe(0.87);
    const file = writeText(dir, 'whatif.yaml', result.yaml);
    const measured = await backtest(store, TENANT, file, {
      periods: '2026-Q1..2026-Q4',
      against: CONTRACT,
      asOf: AS_OF,
    });
    expect(result.backtest.periods.map((p) => p.proposed.total)).toEqual(
      measured.periods.map((p) => p.proposed.total),
    );
    expect(result.backtest.totals).toEqual(measured.totals);
    expect(result.backtest.totals.difference).not.toBe('0.00');
  }, 120_000);

  it('prices a 150% pool and earn-back over two periods, as covenant backtest does for the saved file', async () => {
    const result = whatIf(basis, {
      name: 'northwind-brightpath-pooled',
      allocationPool: 1.5,
      earnBack: { periods: 2, share: 1 },
    });
    expect(result.yaml).toContain('allocationPool: 150%');
    expect(result.yaml).toContain('earnBack:');
    // Without weight edits the portfolio weights scale with the pool: 60/30/10 -> 90/45/15.
    expect(result.terms.portfolios.map((p) => p.weight)).toEqual([0.9, 0.45, 0.15]);
    expect(result.terms).toMatchObject({ allocationPool: 1.5, earnBack: { periods: 2, share: 1 } });
    const q3 = result.backtest.periods.find((p) => p.period === '2026-Q3');
    const credits = q3?.lines.filter((l) => l.id.startsWith('earn-back:')) ?? [];
    expect(credits.length).toBeGreaterThan(0);
    for (const c of credits) expect(c.inForce).toBeNull();
    const measured = await backtest(store, TENANT, writeText(dir, 'pooled.yaml', result.yaml), {
      periods: '2026-Q1..2026-Q4',
      against: CONTRACT,
      asOf: AS_OF,
    });
    expect(result.backtest.periods.map((p) => p.proposed.total)).toEqual(
      measured.periods.map((p) => p.proposed.total),
    );
    expect(measured.periods.find((p) => p.period === '2026-Q3')?.lines.map((l) => l.id)).toEqual(
      expect.arrayContaining(credits.map((c) => c.id)),
    );
    // Back to one pool and no earn-back: the terms read as they did.
    const plain = whatIf(basis, { allocationPool: 1, earnBack: null });
    expect(plain.terms).toMatchObject({ allocationPool: 1, earnBack: null });
    expect(plain.terms.portfolios.map((p) => p.weight)).toEqual([0.6, 0.3, 0.1]);
  }, 120_000);

  it('refuses edits that make the terms invalid, saying where', () => {
    let error: unknown;
    try {
      whatIf(basis, { portfolios: { 'card-disputes': { weight: 0.9 } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).issues.some((i) => /weight/i.test(i.message) && i.line !== undefined)).toBe(
      true,
    );
    expect(() => whatIf(basis, { outcomes: { 'card-disputes/nope': { target: 1 } } })).toThrow(UserError);
  });
});
