import type { MetricInfo } from '../core/metric/types.js';
import { bootstrapDifference } from '../core/stats/bootstrap-compare.js';
import { oneSampleT, welch } from '../core/stats/mean.js';
import { differenceFromShare, newcombe, scoreTest, twoProportionZTest } from '../core/stats/proportion.js';
import type { Comparison } from '../core/stats/types.js';
import type { Measured } from './run-metrics.js';

const NONE = { baseline: null, difference: null, differenceLow: null, differenceHigh: null, p: null };

/**
 * The comparison metrics.md prescribes, by the metric's kind of statistic: shares by
 * Newcombe's interval and the pooled z-test (against a number: the score test), means by
 * Welch (against a number: one-sample t), bootstrap metrics by the bootstrap.
 */
export function compareWithBaseline(
  _info: MetricInfo,
  current: Measured,
  reference: Measured | number | null,
): Comparison & { baseline: number | null } {
  if (reference === null || current.value === null) return NONE;
  const baseline = typeof reference === 'number' ? reference : reference.value;
  if (baseline === null) return NONE;
  const stats = current.stats;
  if (stats.kind === 'share') {
    if (typeof reference === 'number') {
      const d = differenceFromShare(stats.k, stats.n, reference);
      return {
        baseline,
        difference: d.difference,
        differenceLow: d.low,
        differenceHigh: d.high,
        p: scoreTest(stats.k, stats.n, reference).p,
      };
    }
    if (reference.stats.kind !== 'share') return NONE;
    const b = reference.stats;
    const d = newcombe(stats.k, stats.n, b.k, b.n);
    return {
      baseline,
      difference: d.difference,
      differenceLow: d.low,
      differenceHigh: d.high,
      p: twoProportionZTest(stats.k, stats.n, b.k, b.n).p,
    };
  }
  if (stats.kind === 'mean' && stats.mean !== null) {
    const a = { n: stats.n, mean: stats.mean, sd: stats.sd ?? 0 };
    const t =
      typeof reference === 'number'
        ? oneSampleT(a, reference)
        : reference.stats.kind === 'mean' && reference.stats.mean !== null
          ? welch(a, { n: reference.stats.n, mean: reference.stats.mean, sd: reference.stats.sd ?? 0 })
          : null;
    if (!t) return NONE;
    return { baseline, difference: t.difference, differenceLow: t.low, differenceHigh: t.high, p: t.p };
  }
  if (stats.kind === 'bootstrapped' && current.sample) {
    const other = typeof reference === 'number' ? reference : reference.sample;
    if (other === undefined) return NONE;
    return { baseline, ...bootstrapDifference(current.sample, other) };
  }
  // Counts and plain ratios have no sampling model: the difference alone.
  return { ...NONE, baseline, difference: current.value - baseline };
}
