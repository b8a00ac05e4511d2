import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContract } from '../core/contract/parse-contract.js';
import type { EarnBackLine } from '../core/settlement/mechanics/types.js';
import type { OutcomeLine, Settlement } from '../core/settlement/types.js';
import { loadDemo } from '../demo/load-demo.js';
import { listAlerts } from '../evidence/alerts.js';
import { listAudit } from '../records/audit.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { storeVersion } from './contract-store.js';
import { computeSettlement, settleContract } from './settle-contract.js';

/**
 * The mechanics on stored contracts and the demo's data: earlier periods read from the
 * stored settlements (else settled again), earn-back lines traced to the stored penalty,
 * the continuous-improvement version made at the anniversary, and the chronic-failure
 * alert through the outcome alerts.
 */
const TENANT = 'demo';
const FINAL = '2027-06-01T00:00:00Z';
let store: Store;

/** BrightPath's 2026 terms under another name, over 18 months, with earn-back and continuous improvement. */
function variant(name: string): string {
  const source = readFileSync('contracts/northwind-brightpath-2026.yaml', 'utf8')
    .replace('name: northwind-brightpath-2026', `name: ${name}`)
    .replace('term: { start: 2026-01-01, end: 2026-12-31 }', 'term: { start: 2026-01-01, end: 2027-06-30 }')
    .replace(
      '  recalibration:\n',
      '  earnBack: { periods: 2, share: 100% }\n  continuousImprovement: { share: 10% }\n  recalibration:\n',
    );
  return source;
}

async function apply(name: string) {
  const source = variant(name);
  const parsed = parseContract(source, `${name}.yaml`);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  await store.transaction((tx) =>
    storeVersion(tx, TENANT, { contract: parsed.value, source, origin: 'test' }),
  );
}

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  await apply('brightpath-earn-back');
  await apply('brightpath-unsettled');
}, 120_000);

const earnBacks = (parts: readonly Settlement[]) =>
  parts.flatMap((p) => p.lines).filter((l): l is EarnBackLine => l.kind === 'earn_back');

describe('earn-back on stored settlements', () => {
  it('credits, on Q3, the Q1 penalties of outcomes that met their targets in Q2 and Q3, traced to the stored Q1', async () => {
    const q1 = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2026-Q1'), FINAL);
    const q2 = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2026-Q2'), FINAL);
    const q3 = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2026-Q3'), FINAL);
    expect(earnBacks(q1.parts)).toEqual([]);
    expect(earnBacks(q2.parts)).toEqual([]);
    const outcome = (r: typeof q1, id: string) =>
      r.parts[0]?.lines.find((l): l is OutcomeLine => l.id === id && l.kind === 'outcome');
    const met = (r: typeof q1, id: string) => {
      const t = outcome(r, id)?.trace;
      return (
        !!t &&
        t.value !== null &&
        !t.insufficient &&
        (t.direction === 'higher' ? t.value >= t.target : t.value <= t.target)
      );
    };
    // Expected from the invoices: a Q1 penalty (no penalty cap in Q1) whose outcome met its target in Q2 and Q3.
    expect(q1.parts[0]?.lines.some((l) => l.kind === 'penalty_cap')).toBe(false);
    const expected = (q1.parts[0]?.lines ?? [])
      .filter((l): l is OutcomeLine => l.kind === 'outcome' && Number(l.amount) < 0)
      .filter((l) => met(q2, l.id) && met(q3, l.id))
      .map((l) => ({
        id: `earn-back:${l.portfolio}/${l.metric}@2026-Q1`,
        amount: l.amount.replace('-', ''),
      }));
    expect(expected.length).toBeGreaterThan(0);
    const lines = earnBacks(q3.parts);
    expect(lines.map((l) => ({ id: l.id, amount: l.amount }))).toEqual(expected);
    expect(lines[0]?.trace.penalty.settlement).toBe(q1.settlementId);
    expect(lines[0]?.trace.held.map((h) => h.period)).toEqual(['2026-Q2', '2026-Q3']);
    // The credit is on the invoice: its total is the lines' sum.
    const sum = (q3.parts[0]?.lines ?? []).reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect(Math.round(Number(q3.invoice.total) * 100)).toBe(sum);
    // Settling Q3 again reproduces the invoice, earn-back included.
    const again = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2026-Q3'), FINAL);
    expect(again).toMatchObject({ reproduced: true, settlementId: q3.settlementId });
  });

  it('settles unstored earlier periods again, deterministically, to the same credits', async () => {
    const stored = await computeSettlement(
      store,
      TENANT,
      'brightpath-earn-back',
      windowIn('2026-Q3'),
      FINAL,
      {
        mechanics: true,
      },
    );
    const fresh = await computeSettlement(store, TENANT, 'brightpath-unsettled', windowIn('2026-Q3'), FINAL, {
      mechanics: true,
    });
    const pick = (parts: Settlement[]) => earnBacks(parts).map((l) => [l.id, l.amount]);
    expect(pick(fresh.parts)).toEqual(pick(stored.parts));
    expect(earnBacks(fresh.parts)[0]?.trace.penalty.settlement).toBeNull();
    // Without the mechanics option (value metrics, overview) nothing is read or added.
    const plain = await computeSettlement(store, TENANT, 'brightpath-unsettled', windowIn('2026-Q3'), FINAL);
    expect(earnBacks(plain.parts)).toEqual([]);
  });
});

describe('continuous improvement at the anniversary', () => {
  it('makes version 2 effective 2027-01-01 from the past year, audited, and settles 2027-Q1 on it', async () => {
    const q4 = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2026-Q4'), FINAL);
    expect(q4.improved).toBeUndefined();
    const next = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2027-Q1'), FINAL);
    expect(next.improved).toEqual([{ version: 2, effectiveFrom: '2027-01-01' }]);
    const part = next.parts[0] as Settlement;
    expect(part.version).toBe(2);
    const improvement = part.mechanics?.improvement;
    expect(improvement?.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const csat = improvement?.targets.find((t) => t.portfolio === 'card-disputes' && t.metric === 'csat');
    // The best card-disputes CSAT of the four stored quarters, 10% of the gap to it.
    const values = [];
    for (const q of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
      const s = await computeSettlement(store, TENANT, 'brightpath-earn-back', windowIn(q), FINAL);
      const line = s.parts[0]?.lines.find((l): l is OutcomeLine => l.id === 'outcome:card-disputes/csat');
      if (line && !line.trace.insufficient && line.trace.value !== null) values.push(line.trace.value);
    }
    const best = Math.max(...values);
    expect(csat?.best).toBe(best);
    expect(csat?.newTarget).toBe(Math.floor((0.85 + (best - 0.85) * 0.1) * 1e6) / 1e6);
    const line = part.lines.find((l): l is OutcomeLine => l.id === 'outcome:card-disputes/csat');
    expect(line?.trace.target).toBe(csat?.newTarget);
    const audit = await listAudit(store, TENANT);
    expect(
      audit.some((e) => e.action === 'contract.improvement' && e.subject === 'brightpath-earn-back'),
    ).toBe(true);
    // Settling again makes no second version.
    const again = await settleContract(store, TENANT, 'brightpath-earn-back', windowIn('2027-Q1'), FINAL);
    expect(again.improved).toBeUndefined();
  });
});

describe('the chronic-failure alert', () => {
  it("fires once when Coastline's outcomes reach one default short (Q2 of misses 3 within 4)", async () => {
    const coastline = 'northwind-coastline-2026';
    await settleContract(store, TENANT, coastline, windowIn('2026-Q1'), FINAL);
    expect((await listAlerts(store, TENANT, coastline)).filter((a) => a.kind === 'chronic_failure')).toEqual(
      [],
    );
    const q2 = await settleContract(store, TENANT, coastline, windowIn('2026-Q2'), FINAL);
    const short = q2.parts[0]?.mechanics?.chronicFailure?.outcomes.filter((o) => o.oneShort) ?? [];
    expect(short.map((o) => o.metric)).toContain('fcr');
    const alerts = (await listAlerts(store, TENANT, coastline)).filter((a) => a.kind === 'chronic_failure');
    expect(alerts.map((a) => `${a.portfolio}/${a.metric}`).sort()).toEqual(
      short.map((o) => `${o.portfolio}/${o.metric}`).sort(),
    );
    expect(alerts[0]).toMatchObject({ state: 'one_short_of_chronic_failure', period: '2026-Q2' });
    await settleContract(store, TENANT, coastline, windowIn('2026-Q2'), FINAL);
    expect(
      (await listAlerts(store, TENANT, coastline)).filter((a) => a.kind === 'chronic_failure'),
    ).toHaveLength(alerts.length);
  });
});
