import { Decimal } from 'decimal.js';

/**
 * Four quarters of a contract that uses every mechanic, settled by the code, against an
 * INDEPENDENT calculation below: plain decimal.js arithmetic from contract-format.md's
 * rules on the hand-given measured values (no settlement code is called by it).
 */
export const SOURCE = `apiVersion: covenant/v1
kind: Contract
metadata: { name: every-mechanic }
spec:
  client: acme
  vendor: vend
  currency: EUR
  term: { start: 2026-01-01, end: 2027-12-31 }
  timezone: Europe/Lisbon
  settlement: quarterly
  pricing:
    base: { unit: handled_contact, rate: "4.37" }
    atRisk: 10%
    bonusCap: 2%
    allocationPool: 150%
  earnBack: { periods: 2, share: 50% }
  continuousImprovement: { share: 25% }
  chronicFailure: { misses: 2, within: 3 }
  portfolios:
    - id: cards
      workflows: [card_dispute]
      weight: 100%
      outcomes:
        - { metric: csat, weight: 60%, baseline: 0.80, target: 0.85,
            payout: { interpolate: linear, points: [ { at: 0.75, pay: -100% }, { at: 0.85, pay: 0% }, { at: 0.90, pay: 20% } ] } }
        - { metric: error_rate, weight: 40%, baseline: 0.03, target: 0.02,
            payout: { interpolate: linear, points: [ { at: 0.04, pay: -100% }, { at: 0.02, pay: 0% }, { at: 0.01, pay: 10% } ] } }
    - id: simple
      workflows: [password_reset]
      weight: 50%
      outcomes:
        - { metric: resolution_rate, weight: 100%, baseline: 0.88, target: 0.90,
            payout: { interpolate: step, points: [ { at: 0.80, pay: -100% }, { at: 0.85, pay: -50% }, { at: 0.90, pay: 0% }, { at: 0.95, pay: 10% } ] } }
`;

/** Hand-given: handled contacts and each outcome's measured value per quarter (n 1000 each). */
export const QUARTERS = [
  { period: '2026-Q1', units: '10000', csat: 0.7, error_rate: 0.05, resolution_rate: 0.79 },
  { period: '2026-Q2', units: '12000', csat: 0.86, error_rate: 0.018, resolution_rate: 0.84 },
  { period: '2026-Q3', units: '9000', csat: 0.88, error_rate: 0.021, resolution_rate: 0.91 },
  { period: '2026-Q4', units: '11000', csat: 0.87, error_rate: 0.019, resolution_rate: 0.86 },
] as const;
export const NEXT = {
  period: '2027-Q1',
  units: '10500',
  csat: 0.86,
  error_rate: 0.0192,
  resolution_rate: 0.9,
};
export type Values = (typeof QUARTERS)[number] | typeof NEXT;

export const KEYS = [
  ['cards', 'csat'],
  ['cards', 'error_rate'],
  ['simple', 'resolution_rate'],
] as const;

// ---- The independent calculation (decimal.js only) ----
export const D = (x: Decimal.Value) => new Decimal(x);
export const cents = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
interface Curve {
  step: boolean;
  higher: boolean;
  points: [number, number][];
}
const CURVES: Record<string, Curve> = {
  csat: {
    step: false,
    higher: true,
    points: [
      [0.75, -1],
      [0.85, 0],
      [0.9, 0.2],
    ],
  },
  error_rate: {
    step: false,
    higher: false,
    points: [
      [0.04, -1],
      [0.02, 0],
      [0.01, 0.1],
    ],
  },
  resolution_rate: {
    step: true,
    higher: true,
    points: [
      [0.8, -1],
      [0.85, -0.5],
      [0.9, 0],
      [0.95, 0.1],
    ],
  },
};
const WEIGHT = { csat: D(1).times(0.6), error_rate: D(1).times(0.4), resolution_rate: D(0.5).times(1) };
export const TARGET = { csat: 0.85, error_rate: 0.02, resolution_rate: 0.9 };

function pay(curve: Curve, shift: number, value: number): Decimal {
  const pts = curve.points.map(([at, p]) => [D(at).plus(shift), D(p)] as const);
  const reaches = (v: Decimal, at: Decimal) => (curve.higher ? v.gte(at) : v.lte(at));
  const v = D(value);
  const first = pts[0] as (typeof pts)[number];
  if (!reaches(v, first[0])) return first[1];
  if (curve.step) return [...pts].reverse().find(([at]) => reaches(v, at))?.[1] ?? first[1];
  for (let i = 1; i < pts.length; i++) {
    const [a0, p0] = pts[i - 1] as (typeof pts)[number];
    const [a1, p1] = pts[i] as (typeof pts)[number];
    if (!reaches(v, a1)) return p0.plus(p1.minus(p0).times(v.minus(a0)).div(a1.minus(a0)));
  }
  return (pts.at(-1) as (typeof pts)[number])[1];
}

export interface Expected {
  total: Decimal;
  lines: Record<string, Decimal>;
  penaltyCap: Decimal;
  charged: Record<string, Decimal>;
  met: Record<string, boolean>;
  defaulted: Record<string, boolean>;
}

export function expectedQuarter(
  q: Values,
  targets = TARGET,
  shifts = { csat: 0, error_rate: 0, resolution_rate: 0 },
): Expected {
  const base = cents(D('4.37').times(q.units));
  const atRisk = base.times('0.10');
  const lines: Record<string, Decimal> = {};
  for (const [, metric] of KEYS)
    lines[metric] = cents(
      atRisk.times(WEIGHT[metric]).times(pay(CURVES[metric] as Curve, shifts[metric], q[metric])),
    );
  const amounts = Object.values(lines);
  const penalties = amounts.filter((a) => a.isNeg()).reduce((s, a) => s.plus(a), D(0));
  const bonuses = amounts.filter((a) => a.isPos()).reduce((s, a) => s.plus(a), D(0));
  const limit = cents(atRisk);
  const penaltyCap = penalties.neg().gt(limit) ? penalties.neg().minus(limit) : D(0);
  const bonusLimit = cents(base.times('0.02'));
  const bonusCap = bonuses.gt(bonusLimit) ? bonusLimit.minus(bonuses) : D(0);
  const charged: Record<string, Decimal> = {};
  for (const [metric, a] of Object.entries(lines))
    charged[metric] = !a.isNeg()
      ? D(0)
      : penaltyCap.isZero()
        ? a
        : cents(a.times(limit.neg()).div(penalties));
  const met: Record<string, boolean> = {};
  const defaulted: Record<string, boolean> = {};
  for (const [, metric] of KEYS) {
    const c = CURVES[metric] as Curve;
    met[metric] = c.higher ? q[metric] >= targets[metric] : q[metric] <= targets[metric];
    defaulted[metric] = pay(c, shifts[metric], q[metric]).isNeg();
  }
  return {
    total: base
      .plus(amounts.reduce((s, a) => s.plus(a), D(0)))
      .plus(penaltyCap)
      .plus(bonusCap),
    lines,
    penaltyCap,
    charged,
    met,
    defaulted,
  };
}
