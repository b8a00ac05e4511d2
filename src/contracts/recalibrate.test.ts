import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContract } from '../core/contract/parse-contract.js';
import { sql } from '../core/sql/fragment.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore, REPO_ROOT } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { listVersions, storeVersion } from './contract-store.js';
import { decideProposal, getProposal, listProposals } from './proposal-store.js';
import { recalibrate } from './recalibrate.js';
import { computeSettlement } from './settle-contract.js';

/**
 * The demo story's event 1 end to end: the July chatbot launch moves containment on
 * BrightPath's contract scope by more than 10 points, so recalibrating 2026-Q3 against
 * the reference 2026-Q1 proposes new terms; client and vendor approve; version 2 takes
 * effect from the stated date and settles 2026-Q4.
 */

const TENANT = 'demo';
const ID = 'northwind-brightpath-2026';
const SOURCE = readFileSync(resolve(REPO_ROOT, 'contracts/northwind-brightpath-2026.yaml'), 'utf8');
let store: Store;

async function apply(source: string): Promise<void> {
  const parsed = parseContract(source, 'test');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  await store.transaction((tx) =>
    storeVersion(tx, TENANT, { contract: parsed.value, source, origin: 'test' }),
  );
}

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  await apply(SOURCE); // the demo stores it too: then this adds nothing
});
afterAll(() => store?.close());

// Q3 ends at 2026-09-30T23:00Z (midnight in Lisbon): the proposal and decisions come on its last evening.
const Q3_EVENING = (hour: number) => `2026-09-30T${hour}:00:00Z`;

describe('recalibration on the demo', () => {
  it('proposes nothing for 2026-Q2: no trigger fires before the chatbot', async () => {
    const report = await recalibrate(store, TENANT, ID, { period: '2026-Q2', asOf: Q3_EVENING(18) });
    expect(report.outcome).toBe('no_trigger');
    expect(report.triggers.map((t) => t.measure)).toEqual(['containment', 'contacts', 'channel_mix', 'aht']);
    expect(report.triggers.some((t) => t.fired)).toBe(false);
    expect(report.proposal).toBeNull();
    expect(await listProposals(store, TENANT)).toEqual([]);
  });

  it('proposes for 2026-Q3: the July chatbot moves containment by more than 10 points', async () => {
    const report = await recalibrate(store, TENANT, ID, { period: '2026-Q3', asOf: Q3_EVENING(19) });
    expect(report.outcome).toBe('proposed');
    const containment = report.triggers.find((t) => t.measure === 'containment');
    expect(containment?.fired).toBe(true);
    expect(containment?.reference).toBe(0);
    expect(containment?.change).toBeGreaterThan(0.1);
    const p = report.proposal;
    expect(p?.id).toBe(`${ID}-r1`);
    expect(p?.status).toBe('open');
    expect(p?.effectiveFrom).toBe('2026-10-01');
    expect(p?.body.nextVersion).toBe(2);
    // Every outcome of the contract reads interactions as a share: all are mix-adjusted, each with its segments.
    expect(p?.body.targets).toHaveLength(6);
    for (const t of p?.body.targets ?? []) {
      expect(t.adjusted).toBe(true);
      expect(t.standardisation?.segments.length).toBeGreaterThan(0);
      expect(t.proposedTarget).toBeCloseTo(t.target + t.shift, 12);
      expect(t.proposedCurve.points.map((x) => x.at)).toEqual(
        t.curve.points.map((x) => Number((x.at + t.shift).toFixed(6))),
      );
    }
    const simple = p?.body.targets.find((t) => t.portfolio === 'simple-requests');
    expect(
      simple?.standardisation?.segments.some((g) => g.path === 'bot' && g.rateSource === 'reference overall'),
    ).toBe(true);
    // The staffing model: fewer human contacts with longer handle times cost more per contact.
    const staffing = p?.body.staffing;
    expect(staffing?.reference.period).toBe('2026-Q1');
    expect(Number(staffing?.current.meanAhtSeconds)).toBeGreaterThan(
      Number(staffing?.reference.meanAhtSeconds),
    );
    expect(Number(staffing?.ratio)).toBeGreaterThan(1);
    expect(staffing?.proposedRate).toMatch(/^\d+\.\d{2}$/);
    expect(Number(staffing?.proposedRate)).toBeGreaterThan(4.2);
    // The next version's YAML validates, priced on 2026-Q3.
    const next = parseContract(p?.proposedSource ?? '', 'proposed');
    expect(next.ok && next.value.recalibration?.reference).toBe('2026-Q3');
    expect(next.ok && next.value.pricing.base.rate).toBe(staffing?.proposedRate);
  });

  it('returns the open proposal instead of a second one for the same period', async () => {
    const again = await recalibrate(store, TENANT, ID, { period: '2026-Q3', asOf: Q3_EVENING(19) });
    expect(again.outcome).toBe('already_open');
    expect(again.proposal?.id).toBe(`${ID}-r1`);
    expect(await listProposals(store, TENANT)).toHaveLength(1);
  });

  it('refuses a non-party, and a rejection closes the proposal', async () => {
    await expect(
      decideProposal(store, TENANT, `${ID}-r1`, 'auditor', 'approve', Q3_EVENING(20)),
    ).rejects.toThrow('a party is client or vendor');
    const rejected = await decideProposal(store, TENANT, `${ID}-r1`, 'client', 'reject', Q3_EVENING(20));
    expect(rejected.proposal.status).toBe('rejected');
    await expect(
      decideProposal(store, TENANT, `${ID}-r1`, 'vendor', 'approve', Q3_EVENING(20)),
    ).rejects.toThrow('the proposal is rejected');
    expect(await listVersions(store, TENANT, ID)).toHaveLength(1);
  });

  it('makes version 2 only when client and vendor have both approved, from the stated date', async () => {
    const report = await recalibrate(store, TENANT, ID, { period: '2026-Q3', asOf: Q3_EVENING(20) });
    const id = report.proposal?.id ?? '';
    expect(id).toBe(`${ID}-r2`);
    const client = await decideProposal(store, TENANT, id, 'client', 'approve', Q3_EVENING(21));
    expect(client.waitingFor).toEqual(['vendor']);
    expect(client.applied).toBeUndefined();
    expect((await listVersions(store, TENANT, ID)).map((v) => v.version)).toEqual([1]);
    await expect(decideProposal(store, TENANT, id, 'client', 'approve', Q3_EVENING(21))).rejects.toThrow(
      'client already decided',
    );

    const vendor = await decideProposal(store, TENANT, id, 'vendor', 'approve', Q3_EVENING(22));
    expect(vendor.applied).toMatchObject({ version: 2, effectiveFrom: '2026-10-01', moved: false });
    const versions = await listVersions(store, TENANT, ID);
    expect(versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-01-01'],
      [2, '2026-10-01'],
    ]);
    expect(versions[1]?.origin).toBe(`proposal ${id}`);
    expect(versions[1]?.contract.pricing.base.rate).toBe(report.proposal?.body.staffing?.proposedRate);
    const stored = await getProposal(store, TENANT, id);
    expect(stored.status).toBe('applied');
    expect(stored.appliedVersion).toBe(2);
    expect(stored.decisions.map((d) => d.party)).toEqual(['client', 'vendor']);
  });

  it('settles 2026-Q4 on version 2 alone and 2026-Q3 on version 1: never retroactively', async () => {
    const q4 = await computeSettlement(store, TENANT, ID, windowIn('2026-Q4'), '2027-02-01T00:00:00Z');
    expect(q4.parts.map((p) => [p.version, p.part])).toEqual([[2, undefined]]);
    const rate = (await listVersions(store, TENANT, ID))[1]?.contract.pricing.base.rate;
    expect(q4.parts[0]?.lines[0]?.label).toContain(`x ${rate}`);
    const q3 = await computeSettlement(store, TENANT, ID, windowIn('2026-Q3'), '2027-02-01T00:00:00Z');
    expect(q3.parts.map((p) => p.version)).toEqual([1]);
  });

  it('moves a late approval to the day after it, and settles the split period in two parts', async () => {
    const split = 'northwind-brightpath-2026-split';
    await apply(SOURCE.replace(`name: ${ID} `, `name: ${split} `));
    const report = await recalibrate(store, TENANT, split, {
      period: '2026-Q3',
      asOf: '2026-10-02T09:00:00Z',
    });
    const id = report.proposal?.id ?? '';
    expect(report.proposal?.effectiveFrom).toBe('2026-10-01');
    await decideProposal(store, TENANT, id, 'client', 'approve', '2026-11-10T10:00:00Z');
    const vendor = await decideProposal(store, TENANT, id, 'vendor', 'approve', '2026-11-14T10:00:00Z');
    expect(vendor.applied).toMatchObject({
      version: 2,
      effectiveFrom: '2026-11-15',
      stated: '2026-10-01',
      moved: true,
    });
    expect((await getProposal(store, TENANT, id)).effectiveFrom).toBe('2026-11-15');

    const q4 = await computeSettlement(store, TENANT, split, windowIn('2026-Q4'), '2027-02-01T00:00:00Z');
    expect(q4.parts.map((p) => [p.version, p.part])).toEqual([
      [1, { from: '2026-10-01', to: '2026-11-14' }],
      [2, { from: '2026-11-15', to: '2026-12-31' }],
    ]);
    const [row] = await store.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM approvals WHERE tenant = ${TENANT} AND proposal_id = ${id}`,
    );
    expect(Number(row?.n)).toBe(2);
  });
});
