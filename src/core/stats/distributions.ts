/**
 * The few distribution functions the stats layer needs, in one place: all come from jstat
 * (no hand-written approximations), and tail probabilities are taken on the negative side
 * so p-values near 0 do not lose precision to `1 - cdf`.
 */
import jStat from 'jstat';

/** Standard normal quantile for a two-sided 95% interval, as metrics.md intervals use. */
export const Z95 = 1.959963984540054;

/** Confidence level of every interval the metrics report. */
export const LEVEL95 = 0.95;

/** Two-sided p-value of a standard normal statistic: 2 P(Z <= -|z|). */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

/** Two-sided p-value of a Student t statistic: 2 P(T_df <= -|t|). */
export function studentTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/** The t quantile that gives a two-sided interval at `level` (e.g. 0.975 quantile for 95%). */
export function studentCritical(df: number, level = LEVEL95): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}
