import { describe, expect, it } from 'vitest';
import type { StaffingTerms } from '../contract/types.js';
import { type PeriodWorkload, proposeUnitRate, staffPeriod } from './unit-rate.js';

const terms: StaffingTerms = {
  target: { serviceLevel: 0.8, answerWithin: 20 },
  interval: 1800,
  shrinkage: 0.3,
  model: 'erlang_c',
};

const workload = (
  period: string,
  slots: [number, number, number | null][],
  handled: number,
): PeriodWorkload => ({
  period,
  startMs: Date.parse('2026-01-01T00:00:00Z'),
  zone: 'Europe/Lisbon',
  intervals: slots.map(([slot, offered, ahtSeconds]) => ({ slot, offered, ahtSeconds })),
  offered: slots.reduce((sum, [, offered]) => sum + offered, 0),
  handled,
  resolved: handled,
  days: 90,
  meanAhtSeconds: 180,
});

const pricing = {
  rate: '4.20',
  rounding: 'half_up' as const,
  unit: 'handled_contact' as const,
  fteHourRate: '18.50',
};

/*
 * The Erlang C worked example (100 contacts per 30 minutes, AHT 180 s, 80/20) needs 14 agents,
 * 20 scheduled with 30% shrinkage (docs/contracts.md).
 *   reference: two such intervals -> 40 agent-intervals = 20 agent-hours -> 20 x 18.50 = 370.00;
 *              200 handled -> 1.85 per contact
 *   current:   one such interval  -> 20 agent-intervals = 10 agent-hours -> 185.00;
 *              90 handled -> 2.0555... per contact
 *   ratio = 185 x 200 / (370 x 90) = 1.1111...; rate 4.20 x 1.1111... = 4.6666... -> 4.67 (half up)
 */
describe('staffing-model unit rate', () => {
  const reference = staffPeriod(
    workload(
      '2026-Q1',
      [
        [18, 100, 180],
        [19, 100, 180],
      ],
      200,
    ),
    terms,
    '18.50',
    'EUR',
    'handled_contact',
  );

  it('staffs each interval by Erlang C and prices the agent-hours exactly', () => {
    expect(reference.histogram).toEqual([{ scheduled: 20, intervals: 2 }]);
    expect(reference.agentIntervals).toBe(40);
    expect(reference.agentHours).toBe('20');
    expect(reference.cost).toBe('370.00');
    expect(reference.costPerUnit).toBe('1.850000');
    expect(reference.busiest[0]).toMatchObject({
      start: '2026-01-01 09:00',
      agents: 14,
      scheduled: 20,
      traffic: 10,
    });
    expect(reference.arithmetic).toContain('agent-intervals = Σ scheduled = 20x2 = 40');
  });

  it('uses the period mean handle time for an interval with none handled', () => {
    const period = staffPeriod(workload('p', [[0, 100, null]], 0), terms, '18.50', 'EUR', 'handled_contact');
    expect(period.busiest[0]?.ahtSeconds).toBe(180);
    expect(period.agentIntervals).toBe(20);
  });

  it('scales the rate by the change of cost per handled contact, rounded to the cent', () => {
    const current = staffPeriod(
      workload('2026-Q3', [[5, 100, 180]], 90),
      terms,
      '18.50',
      'EUR',
      'handled_contact',
    );
    expect(current.cost).toBe('185.00');
    const proposal = proposeUnitRate(pricing, 'EUR', terms, reference, current);
    expect(proposal.ratio).toBe('1.11111111');
    expect(proposal.exactRate).toBe('4.66666667');
    expect(proposal.proposedRate).toBe('4.67');
    expect(proposal.changed).toBe(true);
    expect(proposal.arithmetic[1]).toContain('rounded half_up to the EUR minor unit: 4.67');
  });

  it('keeps the rate when the cost per contact did not move, and for FTE-month pricing', () => {
    const same = proposeUnitRate(pricing, 'EUR', terms, reference, reference);
    expect(same.proposedRate).toBe('4.20');
    expect(same.changed).toBe(false);
    const fte = proposeUnitRate({ ...pricing, unit: 'fte_month' }, 'EUR', terms, reference, reference);
    expect(fte.ratio).toBeNull();
    expect(fte.proposedRate).toBe('4.20');
  });

  it('refuses to divide by a reference without contacts', () => {
    const empty = staffPeriod(workload('r', [], 0), terms, '18.50', 'EUR', 'handled_contact');
    expect(empty.cost).toBe('0.00');
    const proposal = proposeUnitRate(pricing, 'EUR', terms, empty, reference);
    expect(proposal.proposedRate).toBe('4.20');
    expect(proposal.arithmetic[0]).toContain('no reference cost per unit');
  });
});
