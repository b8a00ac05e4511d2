import { attainment as contractAttainment } from '../contract/payout.js';
import { Dec } from '../money/money.js';
import type { Settlement } from '../settlement/types.js';
import { addDays } from '../time/calendar.js';
import { type Period, periodOf } from '../time/period.js';
import type { Evidence, MeasurementStatus, MoneyPeriod, MoneySummary, TermPeriod } from './types.js';

/** Pure pieces of the scorecard the application layer (src/renewal) assembles from the data. */

// `YYYY-MM-DD` strings order as dates.
const earliest = (a: string, b: string) => [a, b].sort()[0] as string;
const latest = (a: string, b: string) => [a, b].sort()[1] as string;

/**
 * The days of the term the scorecard covers as of a local date: the term start to the day
 * before `asOfDate`, at most the term end; null when the term has not started.
 */
export function termSoFar(term: { start: string; end: string }, asOfDate: string): TermPeriod | null {
  const last = addDays(asOfDate, -1);
  const endDate = earliest(last, term.end);
  if (endDate < term.start) return null;
  const label = `${term.start}..${endDate}`;
  return { period: label, display: label, startDate: term.start, endDate, complete: endDate === term.end };
}

/**
 * The quarters (or months) that overlap the term so far, each clipped to it: a whole
 * period is its label (`2026-Q1`), a clipped one a range of days (`2026-10-01..2026-11-26`,
 * shown as `2026-Q4 to date` when only its end is cut).
 */
export function periodsOf(
  span: { startDate: string; endDate: string },
  kind: 'quarter' | 'month',
): TermPeriod[] {
  const out: TermPeriod[] = [];
  for (let date = span.startDate; date <= span.endDate; ) {
    const whole: Period = periodOf(date, kind);
    const startDate = latest(whole.startDate, span.startDate);
    const endDate = earliest(whole.endDate, span.endDate);
    const clipped = startDate !== whole.startDate || endDate !== whole.endDate;
    const range = `${startDate}..${endDate}`;
    out.push({
      period: clipped ? range : whole.label,
      display: !clipped ? whole.label : startDate === whole.startDate ? `${whole.label} to date` : range,
      startDate,
      endDate,
      complete: !clipped,
    });
    date = addDays(whole.endDate, 1);
  }
  return out;
}

/** contract-format.md, Evidence: moved = better direction with p < significance. */
export function evidenceOf(
  direction: 'higher' | 'lower',
  difference: number | null,
  p: number | null,
  insufficient: boolean,
  significance = 0.05,
): Evidence {
  if (insufficient) return 'insufficient';
  if (difference === null || p === null || p >= significance || difference === 0) return 'did_not_move';
  const better = direction === 'higher' ? difference > 0 : difference < 0;
  return better ? 'moved' : 'worse';
}

/** contract-format.md: (value - baseline) / (target - baseline); 1 = the target met (as settlement traces it). */
export function attainment(
  value: number | null,
  baseline: number | null,
  target: number,
  direction: 'higher' | 'lower',
): number | null {
  if (value === null || baseline === null) return null;
  return contractAttainment(value, baseline, target, direction);
}

/** False when the target is not on the better side of the baseline: attainment then reads backwards. */
export const targetBeyondBaseline = (
  direction: 'higher' | 'lower',
  baseline: number | null,
  target: number,
): boolean => baseline === null || (direction === 'higher' ? target > baseline : target < baseline);

/**
 * A miss "with evidence": the value is on the wrong side of `threshold`, and so is the whole
 * 95% interval when there is one (a shortfall sampling noise cannot explain).
 */
export function evidentMiss(
  estimate: { value: number | null; low: number | null; high: number | null },
  threshold: number,
  direction: 'higher' | 'lower' | 'neutral',
): boolean {
  const { value, low, high } = estimate;
  if (value === null || direction === 'neutral') return false;
  if (direction === 'higher') return value < threshold && (high === null || high < threshold);
  return value > threshold && (low === null || low > threshold);
}

/** A key measurement against its threshold: at least it (higher) or at most it (lower). */
export function measurementStatus(
  estimate: { value: number | null; low: number | null; high: number | null },
  threshold: number | null,
  direction: 'higher' | 'lower' | 'neutral',
): { status: MeasurementStatus; evidentMiss: boolean } {
  if (threshold === null) return { status: 'no_threshold', evidentMiss: false };
  if (estimate.value === null) return { status: 'no_data', evidentMiss: false };
  const met = direction === 'lower' ? estimate.value <= threshold : estimate.value >= threshold;
  return { status: met ? 'met' : 'missed', evidentMiss: evidentMiss(estimate, threshold, direction) };
}

const sum = (amounts: readonly string[]) => amounts.reduce((a, b) => a.plus(b), new Dec(0));

/** One settlement period's money from its parts (one part, or two when a version change split it). */
export function moneyPeriod(
  period: { period: string; display: string },
  kind: 'provisional' | 'final',
  parts: readonly Settlement[],
): MoneyPeriod {
  const lines = parts.flatMap((p) => p.lines);
  const outcome = lines.filter((l) => l.kind === 'outcome').map((l) => l.amount);
  const bonuses = sum(outcome.filter((a) => new Dec(a).isPositive() && !new Dec(a).isZero()));
  const penalties = sum(outcome.filter((a) => new Dec(a).isNegative()));
  const caps = sum(
    lines.filter((l) => l.kind === 'bonus_cap' || l.kind === 'penalty_cap').map((l) => l.amount),
  );
  // Penalties given back (earn-back) are outcome money too: the adjustments still add up to the total.
  const earnBack = sum(lines.filter((l) => l.kind === 'earn_back').map((l) => l.amount));
  return {
    period: period.period,
    display: period.display,
    kind,
    versions: [...new Set(parts.map((p) => p.version))],
    baseFee: sum(parts.map((p) => p.baseFee)).toFixed(2),
    // Exact: settlement does not round the at-risk amount (contract-format.md).
    atRisk: sum(parts.map((p) => p.atRisk)).toString(),
    bonuses: bonuses.toFixed(2),
    penalties: penalties.toFixed(2),
    caps: caps.toFixed(2),
    adjustments: bonuses.plus(penalties).plus(caps).plus(earnBack).toFixed(2),
    ...(earnBack.isZero() ? {} : { earnBack: earnBack.toFixed(2) }),
    total: sum(parts.map((p) => p.total)).toFixed(2),
  };
}

export function moneySummary(currency: string, periods: MoneyPeriod[]): MoneySummary {
  const field = (key: 'baseFee' | 'bonuses' | 'penalties' | 'caps' | 'adjustments' | 'total') =>
    sum(periods.map((p) => p[key])).toFixed(2);
  const atRisk = sum(periods.map((p) => p.atRisk));
  const adjustments = new Dec(field('adjustments'));
  const withheld = adjustments.isNegative() ? adjustments.neg() : new Dec(0);
  return {
    currency,
    periods,
    term: {
      baseFee: field('baseFee'),
      atRisk: atRisk.toString(),
      bonuses: field('bonuses'),
      penalties: field('penalties'),
      caps: field('caps'),
      adjustments: adjustments.toFixed(2),
      total: field('total'),
      withheldShare: atRisk.isZero() ? null : withheld.div(atRisk).toNumber(),
    },
  };
}

/** An outcome's invoice lines (`outcome:portfolio/metric`) over the settlement periods. */
export function outcomeMoney(
  key: string,
  periods: readonly { period: string; parts: readonly Settlement[] }[],
): { net: string; paid: string; withheld: string; byPeriod: { period: string; amount: string }[] } {
  const id = `outcome:${key}`;
  const byPeriod = periods.map(({ period, parts }) => ({
    period,
    amount: sum(parts.flatMap((p) => p.lines.filter((l) => l.id === id).map((l) => l.amount))).toFixed(2),
  }));
  const amounts = byPeriod.map((p) => p.amount);
  const paid = sum(amounts.filter((a) => !new Dec(a).isNegative()));
  const withheld = sum(amounts.filter((a) => new Dec(a).isNegative()));
  return {
    net: paid.plus(withheld).toFixed(2),
    paid: paid.toFixed(2),
    withheld: withheld.toFixed(2),
    byPeriod,
  };
}

/** Relative change from a to b; null when a is 0 or either is missing. */
export function relativeChange(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || a === 0) return null;
  return (b - a) / Math.abs(a);
}

/**
 * Agent leavers behind an annualised attrition (metrics.md: leavers / mean headcount x 365 /
 * days). The engine reports the mean headcount rounded (n), and the mean of two headcounts is
 * a multiple of 0.5, so the headcount is n - 0.5, n or n + 0.5: the one that gives a whole
 * number of leavers is taken.
 */
export function leaversOf(
  attrition: number,
  n: number,
  days: number,
): { leavers: number; headcount: number } {
  let best = { leavers: 0, headcount: n, miss: Number.POSITIVE_INFINITY };
  for (const headcount of [n, n - 0.5, n + 0.5]) {
    if (headcount <= 0) continue;
    const k = (attrition * headcount * days) / 365;
    const miss = Math.abs(k - Math.round(k));
    if (miss < best.miss - 1e-9) best = { leavers: Math.round(k), headcount, miss };
  }
  return { leavers: best.leavers, headcount: best.headcount };
}

/** P(X >= k) for X ~ Poisson(lambda): how surprising k leavers are when lambda are expected. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

/**
 * A quarter's attrition at a site against a reference annual rate: the leavers, the number a
 * rate of `reference` a year would give the same headcount over the same days, and the
 * one-sided Poisson p of seeing that many leavers or more.
 */
export function attritionSpike(
  attrition: number,
  n: number,
  days: number,
  reference: number,
): { leavers: number; headcount: number; expected: number; p: number } {
  const { leavers, headcount } = leaversOf(attrition, n, days);
  const expected = (reference * headcount * days) / 365;
  return { leavers, headcount, expected, p: poissonUpperTail(leavers, expected) };
}
