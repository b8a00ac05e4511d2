/**
 * Coaching plan: per agent, video sessions as a renewal process whose gap (days) comes
 * from the vendor's story. With gaps uniform in [4, 15] nearly every 14-day window holds
 * a session (BrightPath from April, ~97%); with [8, 36] about 60% do (before). Other
 * modes (async, in person) run alongside. Sessions land on days the agent works, so
 * schedules and states can show them.
 */
import type { Calendar } from './calendar.js';
import { Rng } from './prng.js';
import type { Roster, Staff } from './roster.js';
import { type Shifts, WORK } from './shifts.js';
import { VENDOR_STORY } from './story.js';
import { valueAt } from './timeline.js';

export type CoachingMode = 'video' | 'in_person' | 'async';

export interface Session {
  day: number;
  mode: CoachingMode;
  minutes: number;
}

export function planCoaching(
  roster: Roster,
  shifts: Shifts,
  cal: Calendar,
  seed: number,
): Map<number, Session[]> {
  const rng = new Rng(seed, 505);
  const plan = new Map<number, Session[]>();
  for (const a of roster.staff) {
    if (a.role !== 'agent') continue;
    const vs = VENDOR_STORY[a.vendor];
    const end = Math.min(a.left, cal.last);
    const byDay = new Map<number, Session>();
    const workday = (from: number): number => {
      for (let d = from; d < from + 8 && d <= end; d++) if (shifts.status(a, d) === WORK) return d;
      return -1;
    };
    const gap = (day: number): number =>
      Math.round(rng.range(valueAt(vs.videoGapMin, day), valueAt(vs.videoGapMax, day) + 1) - 0.5);
    // Video: start mid-cycle for people already employed, in the first week for new hires.
    let d = a.hired >= cal.first ? a.hired + 7 + rng.int(5) : cal.first + rng.int(gap(cal.first));
    while (d <= end) {
      const w = workday(d);
      if (w < 0) {
        d += 8;
        continue;
      }
      byDay.set(w, { day: w, mode: 'video', minutes: rng.next() < 0.5 ? 30 : 45 });
      d = w + Math.max(1, gap(w));
    }
    if (vs.otherGap > 0) {
      d = Math.max(a.hired + 10, cal.first + rng.int(vs.otherGap));
      while (d <= end) {
        const w = workday(d);
        if (w >= 0 && !byDay.has(w)) {
          byDay.set(w, {
            day: w,
            mode: vs.otherMode,
            minutes: vs.otherMode === 'async' ? 20 : rng.next() < 0.5 ? 30 : 60,
          });
        }
        d += Math.max(2, Math.round(vs.otherGap * rng.range(0.5, 1.5)));
      }
    }
    plan.set(
      a.idx,
      [...byDay.values()].sort((x, y) => x.day - y.day),
    );
  }
  return plan;
}

/** Who coaches: the agent's team lead that day, or the site trainer while the seat is vacant. */
export function coachOf(roster: Roster, a: Staff, day: number): Staff {
  return roster.leadOn(a, day) ?? roster.sites[a.site]!.trainer;
}
