/** Reading the story's timelines: linear between dated knots, flat outside them. */
import { dayOf } from './clock.js';
import type { Timeline } from './story.js';

const parsed = new WeakMap<Timeline, { days: Float64Array; values: Float64Array }>();

export function valueAt(tl: Timeline, day: number): number {
  let p = parsed.get(tl);
  if (!p) {
    const knots = Object.entries(tl);
    p = { days: Float64Array.from(knots, (k) => dayOf(k[0])), values: Float64Array.from(knots, (k) => k[1]) };
    parsed.set(tl, p);
  }
  const { days, values } = p;
  const n = days.length;
  if (day <= days[0]!) return values[0]!;
  if (day >= days[n - 1]!) return values[n - 1]!;
  let i = 1;
  while (days[i]! < day) i++;
  const d0 = days[i - 1]!;
  const d1 = days[i]!;
  return values[i - 1]! + ((values[i]! - values[i - 1]!) * (day - d0)) / (d1 - d0);
}

/** The timeline sampled once per day, for the hot loops. */
export function daily(tl: Timeline, firstDay: number, days: number): Float64Array {
  const out = new Float64Array(days);
  for (let i = 0; i < days; i++) out[i] = valueAt(tl, firstDay + i);
  return out;
}
