import type {
  Evidence,
  MeasurementPeriod,
  MeasurementRow,
  OutcomePeriodValue,
  OutcomeRow,
  ScorecardData,
  SiteSeries,
  TermPeriod,
} from '../types.js';

/** A small scorecard in memory for the rule and rendering tests: two quarters, numbers set by hand. */

export const QUARTERS: TermPeriod[] = [
  { period: '2026-Q1', display: '2026-Q1', startDate: '2026-01-01', endDate: '2026-03-31', complete: true },
  { period: '2026-Q2', display: '2026-Q2', startDate: '2026-04-01', endDate: '2026-06-30', complete: true },
];

const TERM: TermPeriod = {
  period: '2026-01-01..2026-06-30',
  display: '2026-01-01..2026-06-30',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  complete: false,
};

export function outcome(
  metric: string,
  evidence: Evidence,
  numbers: { value: number; baseline: number; target: number; p: number; direction?: 'higher' | 'lower' },
): OutcomeRow {
  const direction = numbers.direction ?? 'higher';
  const point = (period: TermPeriod): OutcomePeriodValue => ({
    period: period.period,
    display: period.display,
    value: numbers.value,
    n: 1000,
    low: numbers.value - 0.02,
    high: numbers.value + 0.02,
    insufficient: evidence === 'insufficient',
    matured: true,
    difference: numbers.value - numbers.baseline,
    differenceLow: null,
    differenceHigh: null,
    p: numbers.p,
    evidence,
    attainment: (numbers.value - numbers.baseline) / (numbers.target - numbers.baseline),
  });
  return {
    key: `cards/${metric}`,
    portfolio: 'cards',
    portfolioName: 'Card disputes',
    workflows: ['card_dispute'],
    metric,
    label: metric,
    unit: 'share',
    direction,
    weight: 0.25,
    minSample: 100,
    params: {},
    scope: { vendor: 'acme', workflows: ['card_dispute'] },
    baseline: { value: numbers.baseline, written: true, query: String(numbers.baseline) },
    target: numbers.target,
    targetBeyondBaseline: true,
    term: point(TERM),
    trend: QUARTERS.map(point),
    money: { net: '0.00', paid: '0.00', withheld: '0.00', byPeriod: [] },
  };
}

const period = (
  p: TermPeriod,
  value: number | null,
  low: number | null,
  high: number | null,
  n = 100,
): MeasurementPeriod => ({
  period: p.period,
  display: p.display,
  value,
  n,
  low,
  high,
  insufficient: value === null,
  matured: true,
  status: 'met',
  evidentMiss: false,
});

/** A key measurement with the same value in every quarter unless `latest` says otherwise. */
export function measurement(
  metric: string,
  threshold: number | null,
  direction: 'higher' | 'lower',
  values: {
    q1: [number | null, number | null, number | null];
    q2: [number | null, number | null, number | null];
    term?: [number, number, number];
  },
  unit: MeasurementRow['unit'] = 'share',
): MeasurementRow {
  const term = values.term ?? (values.q2 as [number, number, number]);
  return {
    metric,
    label: metric.replaceAll('_', ' '),
    unit,
    direction,
    threshold,
    source: threshold === null ? null : `contract.${metric}`,
    group: metric === 'access_compliance' ? 'security' : 'remote_operations',
    scope: { vendor: 'acme', workflows: null },
    params: {},
    term: period(TERM, ...term),
    periods: [
      period(QUARTERS[0] as TermPeriod, ...values.q1),
      period(QUARTERS[1] as TermPeriod, ...values.q2),
    ],
  };
}

export function siteSeries(site: string, values: [number | null, number][]): SiteSeries {
  return {
    site,
    periods: QUARTERS.map((q, i) => ({
      period: q.period,
      display: q.display,
      days: i === 0 ? 90 : 91,
      value: values[i]?.[0] ?? null,
      n: values[i]?.[1] ?? 0,
      low: null,
      high: null,
      insufficient: false,
      matured: true,
    })),
  };
}

/** A healthy vendor: 3 of 4 outcomes moved, key measurements met, value per contact up. */
export function healthyCard(): ScorecardData {
  return {
    kind: 'RenewalScorecard',
    contract: {
      id: 'acme-2026',
      displayName: 'Client x Acme <support>',
      version: 1,
      client: 'client',
      vendor: 'acme',
      currency: 'EUR',
      term: { start: '2026-01-01', end: '2026-12-31' },
      timezone: 'Europe/Lisbon',
      settlement: 'quarterly',
      workflows: ['card_dispute'],
    },
    asOf: '2026-06-30T23:00:00.000Z',
    termSoFar: TERM,
    quarters: QUARTERS,
    outcomes: [
      outcome('csat', 'moved', { value: 0.84, baseline: 0.78, target: 0.85, p: 0.0001 }),
      outcome('fcr', 'moved', { value: 0.76, baseline: 0.72, target: 0.74, p: 0.003 }),
      outcome('error_rate', 'moved', {
        value: 0.025,
        baseline: 0.031,
        target: 0.025,
        p: 0.04,
        direction: 'lower',
      }),
      outcome('resolution_rate', 'did_not_move', { value: 0.885, baseline: 0.88, target: 0.9, p: 0.4 }),
    ],
    money: {
      currency: 'EUR',
      periods: [],
      term: {
        baseFee: '10000.00',
        atRisk: '1200.00',
        bonuses: '150.00',
        penalties: '-50.00',
        caps: '0.00',
        adjustments: '100.00',
        total: '10100.00',
        withheldShare: 0,
      },
    },
    value: {
      periods: [
        { period: '2026-Q1', display: '2026-Q1', contacts: 1000, costPerContact: 4, valuePerContact: 1.5 },
        { period: '2026-Q2', display: '2026-Q2', contacts: 1000, costPerContact: 3.8, valuePerContact: 2.5 },
      ],
      costChange: -0.05,
      valueChange: 2 / 3,
    },
    operations: [
      measurement('coaching_coverage', 0.95, 'higher', { q1: [0.6, 0.5, 0.7], q2: [0.97, 0.93, 0.99] }),
      measurement(
        'qa_alpha',
        0.8,
        'higher',
        { q1: [0.78, 0.62, 0.86], q2: [0.85, 0.75, 0.92], term: [0.83, 0.8, 0.88] },
        'ratio',
      ),
      measurement('access_compliance', 1, 'higher', { q1: [0.994, 0.99, 0.997], q2: [0.995, 0.991, 0.998] }),
      measurement('backfill_days', 21, 'lower', { q1: [19, null, null], q2: [16, null, null] }, 'days'),
      measurement('attrition', null, 'lower', { q1: [0.2, null, null], q2: [0.25, null, null] }, 'ratio'),
    ],
    attritionBySite: [
      siteSeries('lisbon', [
        [0.2, 20],
        [0.25, 20],
      ]),
    ],
    recalibrations: { versions: [], proposals: [], triggers: [] },
  };
}
