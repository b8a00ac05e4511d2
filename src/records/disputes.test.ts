import { beforeAll, describe, expect, it } from 'vitest';
import { computeSettlement, settleContract } from '../contracts/settle-contract.js';
import { findSettlement } from '../contracts/settlement-store.js';
import { Money } from '../core/money/money.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { windowIn } from '../test-support/text-query.js';
import { withActor } from './audit.js';
import { commentDispute, getDispute, listDisputes, openDispute, resolveDispute } from './disputes.js';

const TENANT = 'demo';
const CONTRACT = 'northwind-brightpath-2026';
const FINAL = '2027-06-01T00:00:00Z';
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 1, tenant: TENANT, decisions: false });
});

describe('a dispute opened by the vendor and accepted by the client', () => {
  it('appears as an adjustment line on the next settlement, traced to the dispute; the original stays', async () => {
    const q1 = await settleContract(store, TENANT, CONTRACT, windowIn('2026-Q1'), FINAL);
    const line = q1.invoice.lines.find((l) => l.id === 'base-fee');
    if (!line) throw new Error('the demo invoice has a base fee');
    const currency = q1.invoice.currency;
    const agreed = Money.parse(line.amount, currency).plus(Money.parse('1250.00', currency)).toFixed();
    const opened = await withActor('ops@brightpath.example', () =>
      openDispute(store, TENANT, {
        settlement: q1.settlementId,
        line: 'base-fee',
        claimed: Money.parse(line.amount, currency).plus(Money.parse('2000', currency)).toFixed(),
        reason: 'January bank-holiday contacts were not counted',
        party: 'vendor',
        evidence: [
          {
            name: 'holiday-log.csv',
            content: Buffer.from('date,contacts\n2026-01-01,812\n').toString('base64'),
          },
        ],
      }),
    );
    expect(opened).toMatchObject({ id: 'D-1', status: 'open', vendor: 'brightpath', openedParty: 'vendor' });
    expect(opened.messages?.[0]?.evidence[0]).toMatchObject({ name: 'holiday-log.csv', bytes: 29 });
    await commentDispute(store, TENANT, 'D-1', {
      party: 'client',
      body: 'We count 600 of them; can you share the queue log?',
    });
    // The opener cannot accept its own dispute, and an acceptance needs the agreed amount.
    await expect(
      resolveDispute(store, TENANT, 'D-1', { party: 'vendor', outcome: 'accepted', agreed }),
    ).rejects.toThrow(/other party/);
    await expect(
      resolveDispute(store, TENANT, 'D-1', { party: 'client', outcome: 'accepted' }),
    ).rejects.toThrow(/--agreed/);
    const accepted = await resolveDispute(store, TENANT, 'D-1', {
      party: 'client',
      outcome: 'accepted',
      agreed,
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.messages?.map((m) => m.kind)).toEqual(['opened', 'comment', 'accepted']);

    const plain = await computeSettlement(store, TENANT, CONTRACT, windowIn('2026-Q2'), FINAL);
    const q2 = await settleContract(store, TENANT, CONTRACT, windowIn('2026-Q2'), FINAL);
    const adjustment = q2.invoice.lines.find((l) => l.id === 'dispute:D-1');
    expect(adjustment).toMatchObject({
      kind: 'adjustment',
      amount: '1250.00',
      trace: { dispute: 'D-1', settlement: q1.settlementId, line: 'base-fee', period: '2026-Q1', agreed },
    });
    expect(adjustment?.label).toMatch(/^dispute D-1: /);
    expect(q2.invoice.total).toBe(
      Money.parse(plain.invoice.total, currency).plus(Money.parse('1250', currency)).toFixed(),
    );
    // The disputed settlement is as stored; the dispute names the settlement that carries it.
    const stored = await findSettlement(store, TENANT, CONTRACT, '2026-Q1', 'final');
    expect(stored?.id).toBe(q1.settlementId);
    expect(stored?.invoice).toEqual(JSON.parse(JSON.stringify(q1.invoice)));
    expect((await getDispute(store, TENANT, 'D-1')).appliedSettlement).toBe(q2.settlementId);
    // A re-run of Q2 reproduces it; Q3 does not carry the adjustment again.
    expect((await settleContract(store, TENANT, CONTRACT, windowIn('2026-Q2'), FINAL)).reproduced).toBe(true);
    const q3 = await settleContract(store, TENANT, CONTRACT, windowIn('2026-Q3'), FINAL);
    expect(q3.invoice.lines.some((l) => l.id === 'dispute:D-1')).toBe(false);
  });

  it('rejects a line the settlement does not have, and shows a vendor only its own disputes', async () => {
    const q1 = await settleContract(store, TENANT, 'northwind-coastline-2026', windowIn('2026-Q1'), FINAL);
    await expect(
      openDispute(store, TENANT, {
        settlement: q1.settlementId,
        line: 'nope',
        claimed: '1',
        reason: 'x',
        party: 'vendor',
      }),
    ).rejects.toThrow(/not a line of/);
    const d = await openDispute(store, TENANT, {
      settlement: q1.settlementId,
      line: 'base-fee',
      claimed: '10.00',
      reason: 'rate',
      party: 'client',
    });
    expect(d.vendor).toBe('coastline');
    expect((await listDisputes(store, TENANT, { vendor: 'brightpath' })).map((x) => x.id)).toEqual(['D-1']);
    await expect(getDispute(store, TENANT, d.id, 'brightpath')).rejects.toThrow(/no dispute/);
    await expect(
      resolveDispute(store, TENANT, d.id, { party: 'vendor', outcome: 'withdrawn' }),
    ).rejects.toThrow(/only the client/);
    expect(
      (await resolveDispute(store, TENANT, d.id, { party: 'client', outcome: 'withdrawn' })).status,
    ).toBe('withdrawn');
  });
});
