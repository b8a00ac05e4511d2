/**
 * Who works when. Contacts, schedules, states, coaching and logins must agree on each
 * agent's day, so a day's status and shift come from a stateless hash of (person, day)
 * rather than from any generator's random stream.
 */
import type { Calendar } from './calendar.js';
import { dayOf, weekday } from './clock.js';
import { cumulative, hashUnit } from './prng.js';
import type { Roster, Staff } from './roster.js';
import { SITES, VENDORS } from './setting.js';
import { STORY, VENDOR_STORY } from './story.js';
import { daily } from './timeline.js';

export const OFF = 0;
export const WORK = 1;
export const ABSENT = 2;
/** A new hire's first week: training all day, no contacts. */
export const INDUCTION = 3;
/** The site is down (typhoon): scheduled, but nobody can log in. */
export const DOWN = 4;

export const SHIFT_MINUTES = 510;
const STARTS = [420, 480, 540, 600, 660, 720, 780, 810];
const START_CUM = cumulative([0.14, 0.2, 0.18, 0.12, 0.08, 0.1, 0.1, 0.08]);

export class Shifts {
  private readonly absence: Float64Array[];
  private readonly typhoonSite = SITES.findIndex((s) => s.site === STORY.typhoon.site);
  private readonly typhoonDay = dayOf(STORY.typhoon.date);

  constructor(
    private readonly cal: Calendar,
    private readonly seed: number,
  ) {
    this.absence = VENDORS.map((v) => daily(VENDOR_STORY[v].absence, cal.first, cal.days));
  }

  /** Share of the site's capacity left on a day (typhoon: 0 on the day, half the next). */
  capacity(site: number, day: number): number {
    if (site !== this.typhoonSite) return 1;
    const k = day - this.typhoonDay;
    return k === 0 || k === 1 ? STORY.typhoon.capacity[k]! : 1;
  }

  status(a: Staff, day: number): number {
    if (day < a.hired || day > a.left || day < this.cal.first || day > this.cal.last) return OFF;
    const wd = weekday(day);
    if (wd === a.offA || wd === a.offB) return OFF;
    const cap = this.capacity(a.site, day);
    if (cap < 1 && hashUnit(this.seed, a.key, day, 41) >= cap) return DOWN;
    const v = VENDORS.indexOf(a.vendor);
    if (hashUnit(this.seed, a.key, day, 11) < this.absence[v]![day - this.cal.first]!) return ABSENT;
    if (day < a.hired + 7) return INDUCTION;
    return WORK;
  }

  /** Shift start in local minutes after midnight; the pattern rotates weekly. */
  start(a: Staff, day: number): number {
    const week = Math.floor((day + 3) / 7);
    const u = hashUnit(this.seed, a.key, week, 23) * START_CUM[START_CUM.length - 1]!;
    let i = 0;
    while (u >= START_CUM[i]!) i++;
    return STARTS[i]!;
  }
}

/** A site's agents on one day: who takes contacts at each local hour. */
export class DayRoster {
  readonly byHour: Staff[][] = Array.from({ length: 24 }, () => []);
  readonly working: Staff[] = [];
  private employed: Staff[] = [];

  constructor(
    private readonly shifts: Shifts,
    private readonly roster: Roster,
  ) {}

  build(site: number, day: number): void {
    for (const h of this.byHour) h.length = 0;
    this.working.length = 0;
    this.employed = [];
    for (const a of this.roster.sites[site]!.agents) {
      if (day < a.hired || day > a.left) continue;
      this.employed.push(a);
      if (this.shifts.status(a, day) !== WORK) continue;
      this.working.push(a);
      const s = this.shifts.start(a, day);
      for (let h = Math.floor(s / 60); h < 24 && h * 60 < s + SHIFT_MINUTES; h++) this.byHour[h]!.push(a);
    }
    if (this.employed.length === 0) this.employed = this.roster.sites[site]!.agents.slice(0, 1);
  }

  /** An agent on shift at the hour (-1: any hour), else anyone working that day, else anyone employed. */
  pick(hour: number, u: number): Staff {
    const at = hour >= 0 ? this.byHour[hour]! : this.working;
    const pool = at.length > 0 ? at : this.working.length > 0 ? this.working : this.employed;
    return pool[Math.floor(u * pool.length)]!;
  }
}
