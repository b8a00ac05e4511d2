import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { specExample } from '../contract/test-support/spec-example.js';
import type { Contract } from '../contract/types.js';
import { settle } from './settle.js';
import type { Measurement, OutcomeLine, OutcomeMeasurement, Settlement } from './types.js';

function contractOf(text: string): Contract {
  const result = parseContract(text, 'test.yaml');
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

const measured = (value: number | null, n: number, extra: Partial<Measurement> = {}): Measurement => ({
  value,
  n,
  low: value === null ? null : value - 0.01,
  high: value === null ? null : value + 0.01,
  matured: true,
  maturesOn: null,
  ...extra,
});

type Values = Record<string, Measurement>;
const measurements = (values: Values): OutcomeMeasurement[] =>
  Object.entries(values).map(([key, result]) => {
    const [portfolio = '', metric = ''] = key.split('/');
    return { portfolio, metric, result };
  });

const amounts = (settlement: Settlement) =>
  Object.fromEntries(settlement.lines.map((line) => [line.id, line.amount]));
const outcome = (settlement: Settlement, id: string) =>
  settlement.lines.find((line): line is OutcomeLine => line.id === `outcome:${id}`);

const spec = contractOf(specExample());
const cap3 = contractOf(specExample().replace('bonusCap: 8%', 'bonusCap: 3%'));

/** 100,000 handled contacts at 4.20: base fee 420,000.00, at risk 12% = 50,400.00. */
const ordinary: Values = {
  'card-disputes/csat': measured(0.88, 900),
  'card-disputes/fcr': measured(0.73, 800, { matured: true, maturesOn: '2026-04-07' }),
  'card-disputes/error_rate': measured(0.03, 5000),
  'onboarding/retention_90d': measured(0.94, 600, { matured: false, maturesOn: '2026-06-29' }),
  'onboarding/csat': measured(0.82, 150),
  'simple-requests/resolution_rate': measured(0.92, 4000),
};

describe('settle', () => {
  it('settles the spec example by hand-computed numbers', () => {
    const s = settle({
      contract: spec,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: measurements(ordinary),
    });
    expect(s.baseFee).toBe('420000.00');
    expect(s.atRisk).toBe('50400.00'); // exact: 12% of the base fee
    expect(amounts(s)).toEqual({
      'base-fee': '420000.00',
      'outcome:card-disputes/csat': '3628.80', // 50,400 x 60% x 40% = 12,096 x 30% (between 0.85 and 0.90)
      'outcome:card-disputes/fcr': '0.00', // step: 0.73 reaches 0.72 -> 0%
      'outcome:card-disputes/error_rate': '-3780.00', // 7,560 x -50% (0.030 half-way from 0.035 to 0.025)
      'outcome:onboarding/retention_90d': '2721.60', // 9,072 x 30%
      'outcome:onboarding/csat': '-2016.00', // 6,048 x -1/3 (0.82 two thirds of the way from 0.78 to 0.84)
      'outcome:simple-requests/resolution_rate': '1260.00', // 5,040 x 25%
    });
    expect(s.total).toBe('421814.40');
    expect(s.provisional).toBe(true); // retention_90d has not matured
    expect(s.maturesOn).toBe('2026-06-29');
  });

  it('traces every outcome line: metric, scope, value, n, interval, points, rule', () => {
    const s = settle({
      contract: spec,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: measurements(ordinary),
    });
    const csat = outcome(s, 'card-disputes/csat');
    expect(csat?.label).toBe('Card disputes: CSAT (top-2-box)');
    expect(csat?.exact).toBe('3628.80');
    expect(csat?.trace).toMatchObject({
      metric: 'csat',
      scope: {
        vendor: 'brightpath',
        portfolio: 'card-disputes',
        workflows: ['card_dispute', 'chargeback'],
        period: '2026-Q1',
      },
      value: 0.88,
      n: 900,
      low: 0.87,
      high: 0.89,
      allocation: '12096.00',
      points: [
        { at: 0.85, pay: 0 },
        { at: 0.9, pay: 0.5 },
      ],
      pay: 0.3,
      baseline: 0.78,
      target: 0.85,
    });
    expect(csat?.trace.attainment).toBeCloseTo(10 / 7, 12);
    expect(csat?.trace.rule).toBe(
      'adjustment = allocation x pay = 12096.00 x 30%, rounded half_up; allocation = at-risk 12% of the base fee x portfolio 60% x outcome 40% = 12096.00; pay: linear between (0.85, 0%) and (0.9, 50%)',
    );
    const fcr = outcome(s, 'card-disputes/fcr');
    expect(fcr?.trace.points).toEqual([{ at: 0.72, pay: 0 }]);
    expect(fcr?.trace.rule).toContain('step: the best point reached (value >= 0.72)');
    const base = s.lines[0];
    expect(base?.kind === 'base_fee' && base.trace).toMatchObject({
      unit: 'handled_contact',
      units: '100000',
      rate: '4.20',
      scope: { vendor: 'brightpath', workflows: spec.workflows, period: '2026-Q1' },
    });
  });

  it('pays 0 for insufficient data and says so', () => {
    const values = { ...ordinary, 'card-disputes/csat': measured(0.95, 150) }; // minSample 200
    const s = settle({
      contract: spec,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: measurements(values),
    });
    const csat = outcome(s, 'card-disputes/csat');
    expect(csat?.amount).toBe('0.00');
    expect(csat?.label).toBe('Card disputes: CSAT (top-2-box) (insufficient data)');
    expect(csat?.trace).toMatchObject({ insufficient: true, pay: 0, points: [], n: 150, minSample: 200 });
    expect(csat?.trace.rule).toMatch(/^insufficient data: n = 150 is below minSample 200, pays 0/);
    const none = settle({
      contract: spec,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: measurements({ ...ordinary, 'card-disputes/csat': measured(null, 0) }),
    });
    expect(outcome(none, 'card-disputes/csat')?.trace.rule).toMatch(/^insufficient data: no value, pays 0/);
  });

  it('cuts bonuses above bonusCap x base fee on their own line, without rescaling outcomes', () => {
    const best: Values = {
      'card-disputes/csat': measured(0.95, 900), // 12,096 x 50% = 6,048.00
      'card-disputes/fcr': measured(0.8, 800), // step 40%: 10,584 x 40% = 4,233.60
      'card-disputes/error_rate': measured(0.01, 5000), // 7,560 x 30% = 2,268.00
      'onboarding/retention_90d': measured(0.96, 600), // 9,072 x 60% = 5,443.20
      'onboarding/csat': measured(0.9, 300), // 6,048 x 40% = 2,419.20
      'simple-requests/resolution_rate': measured(0.95, 4000), // 5,040 x 50% = 2,520.00
    };
    const s = settle({
      contract: cap3,
      period: '2026-Q4',
      baseUnits: '100000',
      measurements: measurements(best),
    });
    expect(outcome(s, 'card-disputes/csat')?.amount).toBe('6048.00');
    expect(s.bonusLimit).toBe('12600.00'); // 3% of 420,000
    const cap = s.lines.at(-1);
    expect(cap).toMatchObject({ kind: 'bonus_cap', id: 'bonus-cap', amount: '-10332.00' }); // 22,932.00 - 12,600.00
    expect(cap?.kind === 'bonus_cap' && cap.trace.rule).toBe(
      'bonuses 22932.00 exceed the cap 3% of the base fee (12600.00): -10332.00 is cut',
    );
    expect(s.total).toBe('432600.00');
    expect(s.provisional).toBe(false);
  });

  const small = (rounding: string, curve: string, outcomes = '') => `apiVersion: covenant/v1
kind: Contract
metadata: { name: small }
spec:
  client: c
  vendor: v
  currency: EUR
  term: { start: 2026-01-01, end: 2026-12-31 }
  timezone: Europe/Lisbon
  settlement: monthly
  pricing: { base: { unit: handled_contact, rate: "2.00" }, atRisk: 10%, bonusCap: 5%, rounding: ${rounding} }
  portfolios:
    - id: p
      workflows: [w]
      weight: 100%
      outcomes:
${
  outcomes ||
  `        - { metric: csat, weight: 50%, baseline: 0.75, target: 0.8, payout: ${curve} }
        - { metric: error_rate, weight: 50%, baseline: 0.04, target: 0.03,
            payout: { interpolate: linear, points: [ { at: 0.05, pay: -200% }, { at: 0.03, pay: 0% }, { at: 0.02, pay: 20% } ] } }`
}
`;

  it('cuts penalties beyond the at-risk amount on their own line', () => {
    const curve =
      '{ interpolate: linear, points: [ { at: 0.7, pay: -200% }, { at: 0.8, pay: 0% }, { at: 0.9, pay: 20% } ] }';
    const s = settle({
      contract: contractOf(small('half_up', curve)),
      period: '2026-03',
      baseUnits: '10000', // base fee 20,000.00, at risk 2,000.00, each outcome 1,000.00
      measurements: measurements({
        'p/csat': measured(0.6, 500), // worse than the first point: -200% -> -2,000.00
        'p/error_rate': measured(0.04, 500), // half-way from -200% to 0% -> -100% -> -1,000.00
      }),
    });
    expect(amounts(s)).toEqual({
      'base-fee': '20000.00',
      'outcome:p/csat': '-2000.00',
      'outcome:p/error_rate': '-1000.00',
      'penalty-cap': '1000.00',
    });
    const cap = s.lines.at(-1);
    expect(cap?.kind === 'penalty_cap' && cap.trace).toMatchObject({ total: '-3000.00', limit: '-2000.00' });
    expect(s.total).toBe('18000.00'); // the base fee less exactly the at-risk amount
  });

  it('rounds each line half_up or half_even at the minor unit', () => {
    // 0.812345 is 12.345% of the way from 0.80 to 0.90: pay 1.2345% of 1,000.00 = 12.345 exactly
    const curve = '{ interpolate: linear, points: [ { at: 0.8, pay: 0% }, { at: 0.9, pay: 10% } ] }';
    const run = (rounding: string, baseUnits: string) =>
      settle({
        contract: contractOf(small(rounding, curve)),
        period: '2026-03',
        baseUnits,
        measurements: measurements({
          'p/csat': measured(0.812345, 500),
          'p/error_rate': measured(0.03, 500),
        }),
      });
    const up = run('half_up', '10000');
    const even = run('half_even', '10000');
    expect(outcome(up, 'p/csat')?.exact).toBe('12.345');
    expect(outcome(up, 'p/csat')?.amount).toBe('12.35');
    expect(outcome(even, 'p/csat')?.amount).toBe('12.34');
    expect([up.total, even.total]).toEqual(['20012.35', '20012.34']);
    // the base fee line too: 2.00 x 10000.0025 = 20000.005
    expect(run('half_up', '10000.0025').baseFee).toBe('20000.01');
    expect(run('half_even', '10000.0025').baseFee).toBe('20000.00');
  });

  it('scopes metrics that do not read interactions to the vendor only', () => {
    const adherence =
      '        - { metric: adherence, weight: 100%, baseline: 0.85, target: 0.9, payout: { interpolate: step, points: [ { at: 0.8, pay: -10% }, { at: 0.9, pay: 0% } ] } }';
    const s = settle({
      contract: contractOf(small('half_up', '', adherence)),
      period: '2026-03',
      baseUnits: '10000',
      measurements: measurements({ 'p/adherence': measured(0.85, 100_000) }),
    });
    expect(outcome(s, 'p/adherence')?.trace.scope).toEqual({
      vendor: 'v',
      portfolio: 'p',
      workflows: null,
      period: '2026-03',
    });
    expect(outcome(s, 'p/adherence')?.amount).toBe('-200.00');
  });

  it('refuses a missing measurement and negative units', () => {
    expect(() => settle({ contract: spec, period: '2026-Q1', baseUnits: '1', measurements: [] })).toThrow(
      /no measurement of csat for portfolio card-disputes in 2026-Q1/,
    );
    expect(() =>
      settle({ contract: spec, period: '2026-Q1', baseUnits: '-1', measurements: measurements(ordinary) }),
    ).toThrow(/negative/);
  });
});
