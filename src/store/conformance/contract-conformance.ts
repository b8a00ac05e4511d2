import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listVersions, storeVersion } from '../../contracts/contract-store.js';
import { decideProposal, listProposals } from '../../contracts/proposal-store.js';
import { recalibrate } from '../../contracts/recalibrate.js';
import { settleContract } from '../../contracts/settle-contract.js';
import { valueMetrics } from '../../contracts/value-metrics.js';
import { parseContract } from '../../core/contract/parse-contract.js';
import { REPO_ROOT } from '../../test-support/fixtures.js';
import { windowIn } from '../../test-support/text-query.js';
import type { Store } from '../store.js';
import { TENANTS } from './conformance-data.js';
import { expectSame } from './same-results.js';
import type { SuiteContext } from './suite-context.js';

const ID = 'northwind-brightpath-2026';
const SOURCE = readFileSync(resolve(REPO_ROOT, 'contracts/northwind-brightpath-2026.yaml'), 'utf8');
const tenant = TENANTS.contract;
const AS_OF = '2026-12-01T00:00:00Z';

/** Contracts in the store: versions, settlement, value metrics, a recalibration proposal approved into version 2. */
export function contractConformance(ctx: SuiteContext): void {
  describe('contracts, settlement and proposals', () => {
    const both = async <T>(fn: (store: Store) => Promise<T>) => [
      await fn(ctx.store()),
      await fn(ctx.reference()),
    ];

    it('stores the contract as version 1, once', async () => {
      const parsed = parseContract(SOURCE, 'northwind-brightpath-2026.yaml');
      if (!parsed.ok) throw new Error('the example contract must parse');
      const [applied] = await both(async (store) => {
        const apply = () =>
          store.transaction((tx) =>
            storeVersion(tx, tenant, { contract: parsed.value, source: SOURCE, origin: 'apply' }),
          );
        return [await apply(), await apply()];
      });
      expect(applied).toEqual([
        { version: 1, created: true },
        { version: 1, created: false },
      ]);
      const [v1] = await listVersions(ctx.store(), tenant, ID);
      expect(v1).toMatchObject({ contractId: ID, version: 1, effectiveFrom: '2026-01-01', origin: 'apply' });
    });

    it('settles 2026-Q1 on the data: the same invoice, stored once, reproduced on a re-run', async () => {
      const [report, reference] = await both((store) =>
        settleContract(store, tenant, ID, windowIn('2026-Q1'), AS_OF),
      );
      expect(report).toMatchObject({
        settlementId: `${ID}/2026-Q1/final/1`,
        kind: 'final',
        reproduced: false,
      });
      expect(report?.invoice.total).toMatch(/^-?\d+\.\d{2}$/);
      expectSame(report, reference);
      const again = await settleContract(ctx.store(), tenant, ID, windowIn('2026-Q1'), AS_OF);
      expect(again).toMatchObject({ settlementId: report?.settlementId, reproduced: true });
      expect(again.invoice).toEqual(report?.invoice);
    });

    it('measures the value metrics on the invoice', async () => {
      const [results, reference] = await both((store) =>
        valueMetrics(store, {
          tenant,
          contractId: ID,
          periods: [windowIn('2026-Q1')],
          metrics: ['cost_per_contact', 'cost_per_resolved_contact', 'value_per_contact'],
          asOf: AS_OF,
        }),
      );
      expect(results?.map((r) => [r.metric, r.value !== null])).toEqual([
        ['cost_per_contact', true],
        ['cost_per_resolved_contact', true],
        ['value_per_contact', true],
      ]);
      expectSame(results, reference);
    });

    it('recalibrates 2026-Q2 (volume up 40%) into a proposal that both parties approve as version 2', async () => {
      const flow = async (store: Store) => {
        const report = await recalibrate(store, tenant, ID, {
          period: '2026-Q2',
          asOf: '2026-07-01T10:00:00Z',
        });
        const id = report.proposal?.id as string;
        const client = await decideProposal(store, tenant, id, 'client', 'approve', '2026-07-02T10:00:00Z');
        const vendor = await decideProposal(store, tenant, id, 'vendor', 'approve', '2026-07-03T10:00:00Z');
        const [proposal] = await listProposals(store, tenant, { contract: ID });
        const versions = await listVersions(store, tenant, ID);
        return { report, client, vendor, proposal, versions };
      };
      const [done, reference] = await both(flow);
      if (!done) throw new Error('no result');
      expect(done.report.outcome).toBe('proposed');
      expect(done.report.triggers.filter((t) => t.fired).map((t) => t.measure)).toEqual(['contacts']);
      expect(done.proposal?.id).toBe(`${ID}-r1`);
      expect(done.client.waitingFor).toEqual(['vendor']);
      expect(done.vendor.applied).toMatchObject({ version: 2, effectiveFrom: '2026-07-04', moved: true });
      expect(done.proposal).toMatchObject({
        status: 'applied',
        appliedVersion: 2,
        effectiveFrom: '2026-07-04',
      });
      expect(done.proposal?.decisions.map((d) => [d.party, d.decision, d.decidedAt])).toEqual([
        ['client', 'approve', '2026-07-02T10:00:00Z'],
        ['vendor', 'approve', '2026-07-03T10:00:00Z'],
      ]);
      expect(done.versions.map((v) => [v.version, v.effectiveFrom, v.origin])).toEqual([
        [1, '2026-01-01', 'apply'],
        [2, '2026-07-04', `proposal ${ID}-r1`],
      ]);
      // Everything but the instants the stores stamped themselves (created_at).
      const comparable = (x: typeof done) => ({
        report: { ...x.report, proposal: { ...x.report.proposal, createdAt: null } },
        proposal: { ...x.proposal, createdAt: null, decidedAt: null },
        versions: x.versions.map((v) => ({ ...v, createdAt: null })),
      });
      expectSame(comparable(done), comparable(reference as typeof done));
    });
  });
}
