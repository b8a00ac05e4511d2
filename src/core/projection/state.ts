/**
 * Projections and alerts (metrics.md): where an outcome of the period in progress is
 * heading, judged on its period-to-date value and 95% interval against its target.
 */
export type ProjectedState = 'on_track' | 'at_risk' | 'likely_miss' | 'insufficient';

export interface StateInput {
  value: number | null;
  low: number | null;
  high: number | null;
  insufficient: boolean;
  target: number;
  direction: 'higher' | 'lower';
}

/**
 * `at_risk` when the value misses the target, `likely_miss` when the whole interval is on
 * the wrong side of it, `on_track` otherwise; insufficient data says so. A value without
 * an interval that misses is at risk, never likely to miss: there is no evidence of more.
 */
export function projectedState(s: StateInput): ProjectedState {
  if (s.insufficient || s.value === null) return 'insufficient';
  const misses = s.direction === 'higher' ? s.value < s.target : s.value > s.target;
  if (!misses) return 'on_track';
  const bound = s.direction === 'higher' ? s.high : s.low;
  if (bound === null) return 'at_risk';
  const wholeMisses = s.direction === 'higher' ? bound < s.target : bound > s.target;
  return wholeMisses ? 'likely_miss' : 'at_risk';
}

const RANK: Record<ProjectedState, number | null> = {
  on_track: 0,
  at_risk: 1,
  likely_miss: 2,
  insufficient: null,
};

export type Change = 'worsened' | 'recovered' | 'changed';

/**
 * Whether a new state is an alert against the last one stored: any change is one, named
 * by its direction (on_track -> at_risk -> likely_miss worsens; back recovers). With
 * nothing stored the outcome is taken to have been on track, so a first on_track is quiet.
 */
export function stateChange(previous: ProjectedState | null, next: ProjectedState): Change | null {
  const from = previous ?? 'on_track';
  if (from === next) return null;
  const a = RANK[from];
  const b = RANK[next];
  if (a === null || b === null) return 'changed';
  return b > a ? 'worsened' : 'recovered';
}
