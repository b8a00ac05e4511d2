import { bootstrapIntervalAlpha, intervalAlpha, intervalUnit } from '../stats/krippendorff.js';
import { tInterval } from '../stats/mean.js';

/**
 * Scoring by several evaluators (docs/rfp.md): per-evaluator normalisation, agreement
 * between evaluators (Krippendorff's alpha, the metric engine's), weighted totals with an
 * interval over evaluators, and how far each weight must move to change the winner.
 * Pure: scores and weights in, numbers out.
 */

export interface RawScore {
  evaluator: string;
  vendor: string;
  question: string;
  score: number;
}

export interface EvaluatorNorm {
  evaluator: string;
  n: number;
  mean: number;
  /** Population standard deviation of the evaluator's scores. */
  sd: number;
  /** Every score the same: the evaluator's scores carry no ranking information (all normalise to the pooled mean). */
  degenerate: boolean;
}

export interface Normalisation {
  method: 'z-score';
  pooledMean: number;
  pooledSd: number;
  evaluators: EvaluatorNorm[];
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const popSd = (xs: readonly number[]) => {
  const m = meanOf(xs);
  return Math.sqrt(meanOf(xs.map((x) => (x - m) ** 2)));
};

/**
 * z-scores per evaluator, over all of that evaluator's scores (every vendor and question):
 * z = (score - evaluator mean) / evaluator sd (population), which removes an evaluator's
 * leniency and use of the scale; then put back on the RFP's scale with the pooled mean and
 * sd of all scores, normalised = pooled mean + pooled sd x z, so totals read like scores.
 */
export function normaliseScores(scores: readonly RawScore[]): {
  normalised: RawScore[];
  normalisation: Normalisation;
} {
  const all = scores.map((s) => s.score);
  const pooledMean = meanOf(all);
  const pooledSd = popSd(all);
  const evaluators = [...new Set(scores.map((s) => s.evaluator))].map((evaluator): EvaluatorNorm => {
    const mine = scores.filter((s) => s.evaluator === evaluator).map((s) => s.score);
    const sd = popSd(mine);
    return { evaluator, n: mine.length, mean: meanOf(mine), sd, degenerate: sd === 0 };
  });
  const byId = new Map(evaluators.map((e) => [e.evaluator, e]));
  const normalised = scores.map((s) => {
    const e = byId.get(s.evaluator) as EvaluatorNorm;
    const z = e.degenerate ? 0 : (s.score - e.mean) / e.sd;
    return { ...s, score: pooledMean + pooledSd * z };
  });
  return { normalised, normalisation: { method: 'z-score', pooledMean, pooledSd, evaluators } };
}

export interface Agreement {
  /** Krippendorff's alpha, interval metric; null when undefined (no pairable values or no spread). */
  alpha: number | null;
  low: number | null;
  high: number | null;
  /** Units (vendor x question) scored by at least two evaluators. */
  units: number;
}

/**
 * Agreement between evaluators: units = (vendor, question), coders = evaluators, values =
 * scores; interval alpha with its percentile bootstrap over units (2000 resamples, seed 1).
 */
export function agreement(
  scores: readonly RawScore[],
  filter: (s: RawScore) => boolean = () => true,
): Agreement {
  const units = new Map<string, number[]>();
  for (const s of scores) {
    if (!filter(s)) continue;
    const key = `${s.vendor}\u0000${s.question}`;
    units.set(key, [...(units.get(key) ?? []), s.score]);
  }
  const stats = [...units.values()].filter((v) => v.length >= 2).map(intervalUnit);
  const alpha = intervalAlpha(stats);
  const bounds = alpha === null ? { low: null, high: null } : bootstrapIntervalAlpha(stats);
  return { alpha, low: bounds.low, high: bounds.high, units: stats.length };
}

export interface WeightedTotal {
  vendor: string;
  /** Σ weight x (mean over evaluators of the normalised score). */
  total: number;
  /** Student t interval over the evaluators' own totals (n = evaluators, df = n - 1); null with fewer than 2. */
  low: number | null;
  high: number | null;
  byEvaluator: { evaluator: string; total: number }[];
}

/**
 * Weighted totals: each evaluator's total is Σ_q weight_q x score; the vendor's total is
 * their mean (= Σ_q weight_q x the evaluators' mean score), with a t interval over evaluators.
 */
export function weightedTotals(
  scores: readonly RawScore[],
  weights: ReadonlyMap<string, number>,
  vendors: readonly string[],
): WeightedTotal[] {
  const evaluators = [...new Set(scores.map((s) => s.evaluator))];
  return vendors.map((vendor) => {
    const byEvaluator = evaluators.map((evaluator) => ({
      evaluator,
      total: scores
        .filter((s) => s.vendor === vendor && s.evaluator === evaluator)
        .reduce((sum, s) => sum + (weights.get(s.question) ?? 0) * s.score, 0),
    }));
    const totals = byEvaluator.map((e) => e.total);
    const total = meanOf(totals);
    const sd =
      totals.length > 1
        ? Math.sqrt(totals.reduce((a, t) => a + (t - total) ** 2, 0) / (totals.length - 1))
        : 0;
    const interval =
      totals.length > 1 ? tInterval({ n: totals.length, mean: total, sd }) : { low: null, high: null };
    // Evaluators who agree exactly give sd 0 and no t interval: the interval is the point.
    const bounds = totals.length > 1 && sd === 0 ? { low: total, high: total } : interval;
    return { vendor, total, low: bounds.low, high: bounds.high, byEvaluator };
  });
}

export interface WeightSensitivity {
  id: string;
  weight: number;
  /**
   * The smallest change of this weight (a signed fraction: +0.067 = +6.7 percentage points),
   * the others rescaled proportionally so all still sum to 100%, at which a challenger ties
   * the winner (any further change makes it win); null when no weight in 0..100% does.
   */
  change: number | null;
  newWeight: number | null;
  /** The challenger that takes the lead past that change. */
  newWinner: string | null;
}

/**
 * For each weight w_k, with scores s_vk of vendor v on item k and totals T_v = Σ_k w_k s_vk:
 * moving w_k by δ and rescaling every other weight by (1 - w_k - δ) / (1 - w_k) gives
 *   T_v(δ) = (w_k + δ) s_vk + (1 - w_k - δ) / (1 - w_k) R_v,   R_v = T_v - w_k s_vk,
 * a line in δ. The winner a and a challenger b tie where
 *   T_a(0) - T_b(0) + δ [ (s_ak - s_bk) - (R_a - R_b) / (1 - w_k) ] = 0,
 * and the answer is the smallest |δ| over challengers with w_k + δ in [0, 1].
 */
export function weightSensitivity(
  items: readonly { id: string; weight: number }[],
  /** vendor -> item id -> score */
  scores: ReadonlyMap<string, ReadonlyMap<string, number>>,
): { winner: string | null; items: WeightSensitivity[] } {
  const vendors = [...scores.keys()];
  const score = (v: string, k: string) => scores.get(v)?.get(k) ?? 0;
  const total = (v: string) => items.reduce((sum, item) => sum + item.weight * score(v, item.id), 0);
  const totals = new Map(vendors.map((v) => [v, total(v)]));
  const ranked = [...vendors].sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b),
  );
  const winner = ranked[0] ?? null;
  if (!winner) return { winner, items: [] };
  const out = items.map((item): WeightSensitivity => {
    const w = item.weight;
    let best: { change: number; newWinner: string } | null = null;
    if (w < 1) {
      for (const challenger of ranked.slice(1)) {
        const d0 = (totals.get(winner) ?? 0) - (totals.get(challenger) ?? 0);
        const ra = (totals.get(winner) ?? 0) - w * score(winner, item.id);
        const rb = (totals.get(challenger) ?? 0) - w * score(challenger, item.id);
        const slope = score(winner, item.id) - score(challenger, item.id) - (ra - rb) / (1 - w);
        if (Math.abs(slope) < 1e-12) continue;
        const delta = -d0 / slope;
        if (w + delta < -1e-12 || w + delta > 1 + 1e-12) continue;
        if (!best || Math.abs(delta) < Math.abs(best.change)) best = { change: delta, newWinner: challenger };
      }
    }
    return {
      id: item.id,
      weight: w,
      change: best?.change ?? null,
      newWeight: best ? w + best.change : null,
      newWinner: best?.newWinner ?? null,
    };
  });
  return { winner, items: out };
}
