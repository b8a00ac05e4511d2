import { describe, expect, it } from 'vitest';
import type { Settlement } from '../settlement/types.js';
import { fill, formatDifference, formatMoney, formatP, formatValue } from './format.js';
import {
  attainment,
  attritionSpike,
  evidenceOf,
  evidentMiss,
  leaversOf,
  measurementStatus,
  moneyPeriod,
  moneySummary,
  outcomeMoney,
  periodsOf,
  poissonUpperTail,
  relativeChange,
  targetBeyondBaseline,
  termSoFar,
} from './model.js';

describe('the term so far', () => {
  it('runs from the term start to the day before the as-of date, at most to the term end', () => {
    const term = { start: '2026-01-01', end: '2026-12-31' };
    expect(termSoFar(term, '2026-11-27')).toMatchObject({
      period: '2026-01-01..2026-11-26',
      complete: false,
    });
    expect(termSoFar(term, '2027-01-01')).toMatchObject({ period: '2026-01-01..2026-12-31', complete: true });
    expect(termSoFar(term, '2030-01-01')?.endDate).toBe('2026-12-31');
    expect(termSoFar(term, '2026-01-01')).toBeNull();
  });

  it('cuts it into quarters, a clipped quarter as a range of days', () => {
    const quarters = periodsOf({ startDate: '2026-01-01', endDate: '2026-11-26' }, 'quarter');
    expect(quarters.map((q) => [q.period, q.display, q.complete])).toEqual([
      ['2026-Q1', '2026-Q1', true],
      ['2026-Q2', '2026-Q2', true],
      ['2026-Q3', '2026-Q3', true],
      ['2026-10-01..2026-11-26', '2026-Q4 to date', false],
    ]);
    // A term that starts mid-quarter: its first quarter is clipped at the start.
    const mid = periodsOf({ startDate: '2026-02-15', endDate: '2026-06-30' }, 'quarter');
    expect(mid.map((q) => q.display)).toEqual(['2026-02-15..2026-03-31', '2026-Q2']);
    expect(
      periodsOf({ startDate: '2026-01-01', endDate: '2026-02-10' }, 'month').map((m) => m.period),
    ).toEqual(['2026-01', '2026-02-01..2026-02-10']);
  });
});

describe('evidence and attainment', () => {
  it('says moved only for the better direction with p < 0.05', () => {
    expect(evidenceOf('higher', 0.05, 0.01, false)).toBe('moved');
    expect(evidenceOf('lower', -0.005, 0.01, false)).toBe('moved');
    expect(evidenceOf('higher', -0.05, 0.01, false)).toBe('worse');
    expect(evidenceOf('higher', 0.05, 0.05, false)).toBe('did_not_move');
    expect(evidenceOf('higher', 0.05, null, false)).toBe('did_not_move');
    expect(evidenceOf('higher', 0.05, 0.001, true)).toBe('insufficient');
  });

  it('computes attainment as settlement does, and flags a target that is not beyond the baseline', () => {
    expect(attainment(0.84, 0.78, 0.85, 'higher')).toBeCloseTo(6 / 7, 12);
    expect(attainment(0.025, 0.031, 0.025, 'lower')).toBeCloseTo(1, 12);
    expect(attainment(null, 0.78, 0.85, 'higher')).toBeNull();
    expect(attainment(0.74, 0.734, 0.71, 'higher')).toBeNull();
    expect(targetBeyondBaseline('higher', 0.734, 0.71)).toBe(false);
    expect(targetBeyondBaseline('lower', 0.031, 0.025)).toBe(true);
  });

  it('reads a miss with evidence only when the whole interval is on the wrong side', () => {
    expect(evidentMiss({ value: 0.76, low: 0.62, high: 0.84 }, 0.8, 'higher')).toBe(false);
    expect(evidentMiss({ value: 0.54, low: 0.41, high: 0.63 }, 0.8, 'higher')).toBe(true);
    expect(evidentMiss({ value: 41, low: null, high: null }, 21, 'lower')).toBe(true);
    expect(measurementStatus({ value: 0.76, low: 0.62, high: 0.84 }, 0.8, 'higher')).toEqual({
      status: 'missed',
      evidentMiss: false,
    });
    expect(measurementStatus({ value: null, low: null, high: null }, 0.8, 'higher').status).toBe('no_data');
    expect(measurementStatus({ value: 0.3, low: null, high: null }, null, 'lower').status).toBe(
      'no_threshold',
    );
  });
});

describe('attrition spikes', () => {
  it('recovers the leavers from the annualised rate and the rounded headcount', () => {
    // 4 leavers, headcount (8 + 7) / 2 = 7.5 (reported as n = 8), 91 days.
    expect(leaversOf((4 / 7.5) * (365 / 91), 8, 91)).toEqual({ leavers: 4, headcount: 7.5 });
    expect(leaversOf((3 / 6) * (365 / 92), 6, 92)).toEqual({ leavers: 3, headcount: 6 });
    expect(leaversOf(0, 8, 90)).toEqual({ leavers: 0, headcount: 8 });
  });

  it('tests them against a reference rate with the Poisson upper tail', () => {
    // P(X >= 2 | 1) = 1 - e^-1 (1 + 1) = 0.26424.
    expect(poissonUpperTail(2, 1)).toBeCloseTo(1 - 2 * Math.exp(-1), 12);
    expect(poissonUpperTail(0, 3)).toBe(1);
    const spike = attritionSpike((4 / 7.5) * (365 / 91), 8, 91, 0.5);
    expect(spike.expected).toBeCloseTo((0.5 * 7.5 * 91) / 365, 12);
    // lambda = 0.5 x 7.5 x 91 / 365 = 0.93493; P(X >= 4) = 1 - e^-lambda (1 + lambda + lambda^2/2 + lambda^3/6) = 0.015255.
    const l = spike.expected;
    expect(spike.p).toBeCloseTo(1 - Math.exp(-l) * (1 + l + l ** 2 / 2 + l ** 3 / 6), 12);
    expect(spike.p).toBeCloseTo(0.015255, 6);
  });
});

const part = (over: Partial<Settlement>, amounts: Record<string, string>): Settlement =>
  ({
    contract: 'c',
    version: 1,
    period: '2026-Q3',
    currency: 'EUR',
    rounding: 'half_up',
    provisional: false,
    maturesOn: null,
    baseFee: '1000.00',
    atRisk: '120.00',
    bonusLimit: '30.00',
    penaltyLimit: '120.00',
    total: '0',
    ...over,
    lines: Object.entries(amounts).map(([id, amount]) => ({
      id,
      label: id,
      amount,
      exact: amount,
      kind: id.startsWith('outcome:') ? 'outcome' : id === 'bonus-cap' ? 'bonus_cap' : 'base_fee',
    })) as Settlement['lines'],
  }) as Settlement;

describe('money', () => {
  it('adds up the parts of a period a version change split, and each outcome over the periods', () => {
    const a = part(
      { version: 1, total: '990.00' },
      { 'base-fee': '1000.00', 'outcome:cards/csat': '-20.00', 'outcome:cards/fcr': '10.00' },
    );
    const b = part(
      { version: 2, total: '535.00', baseFee: '500.00', atRisk: '60.00' },
      {
        'base-fee': '500.00',
        'outcome:cards/csat': '40.00',
        'bonus-cap': '-5.00',
      },
    );
    const q3 = moneyPeriod({ period: '2026-Q3', display: '2026-Q3' }, 'final', [a, b]);
    expect(q3).toMatchObject({
      versions: [1, 2],
      baseFee: '1500.00',
      atRisk: '180',
      bonuses: '50.00',
      penalties: '-20.00',
      caps: '-5.00',
      adjustments: '25.00',
      total: '1525.00',
    });
    const q4 = moneyPeriod({ period: '2026-Q4', display: '2026-Q4' }, 'provisional', [
      part({ total: '910.00' }, { 'base-fee': '1000.00', 'outcome:cards/csat': '-90.00' }),
    ]);
    const summary = moneySummary('EUR', [q3, q4]);
    expect(summary.term).toMatchObject({ adjustments: '-65.00', atRisk: '300', total: '2435.00' });
    expect(summary.term.withheldShare).toBeCloseTo(65 / 300, 12);
    expect(
      outcomeMoney('cards/csat', [
        { period: '2026-Q3', parts: [a, b] },
        { period: '2026-Q4', parts: [part({}, { 'outcome:cards/csat': '-90.00' })] },
      ]),
    ).toEqual({
      net: '-70.00',
      paid: '20.00',
      withheld: '-90.00',
      byPeriod: [
        { period: '2026-Q3', amount: '20.00' },
        { period: '2026-Q4', amount: '-90.00' },
      ],
    });
    expect(relativeChange(1.58, 0.58)).toBeCloseTo(-1 / 1.58, 12);
    expect(relativeChange(0, 1)).toBeNull();
  });
});

describe('number formats', () => {
  it('writes values, differences, p and money as the scorecard quotes them', () => {
    expect(formatValue(0.7574, 'share')).toBe('75.7%');
    expect(formatValue(0.0363, 'share')).toBe('3.63%');
    expect(formatValue(0.54, 'ratio')).toBe('0.54');
    expect(formatValue(2.139, 'ratio', 'attrition')).toBe('213.9%');
    expect(formatValue(41, 'days')).toBe('41.0 days');
    expect(formatValue(3.4249, 'money', '', 'EUR')).toBe('€3.42');
    expect(formatValue(null, 'share')).toBe('–');
    expect(formatDifference(-0.0504, 'share')).toBe('−5.0 pp');
    expect(formatDifference(0.0063, 'share')).toBe('+0.63 pp');
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.0181)).toBe('p = 0.018');
    expect(formatMoney('-3374.31', 'EUR')).toBe('−€3,374.31');
    expect(formatMoney('1234567.5', 'EUR')).toBe('€1,234,567.50');
    expect(formatMoney('-0.00', 'EUR')).toBe('€0.00');
    expect(formatMoney('-1234.4', 'JPY')).toBe('−¥1,234');
    expect(fill('{a} and {b} but not {c}', { a: 1, b: 'two' })).toBe('1 and two but not {c}');
  });
});
