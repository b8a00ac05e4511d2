/**
 * When contacts arrive: per site and local day a volume factor (weekday, month-end peak,
 * season, a little day-to-day noise) and per channel an hour-of-day profile in the site's
 * local time. The factors are normalised so that the whole range gives the target volume.
 */
import { dayOf, daysInMonth, weekday, ymd, ZoneDays } from './clock.js';
import { cumulative, hashUnit } from './prng.js';
import { SITES } from './setting.js';
import { STORY } from './story.js';

const WEEKDAY = [1.2, 1.1, 1.05, 1.0, 0.95, 0.6, 0.45];

// Voice, chat and messaging queues are open 07:00-22:00 local; email arrives around the clock.
const DAYTIME = [
  0, 0, 0, 0, 0, 0, 0, 0.35, 0.8, 1.1, 1.2, 1.15, 1.0, 0.85, 0.95, 1.1, 1.1, 1.0, 0.85, 0.65, 0.5, 0.35, 0, 0,
];
const EVENING = [
  0, 0, 0, 0, 0, 0, 0, 0.3, 0.7, 0.95, 1.0, 1.0, 0.95, 0.85, 0.9, 1.0, 1.0, 1.0, 0.95, 0.85, 0.75, 0.55, 0, 0,
];
const ALLDAY = [
  0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.1, 1.1, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5,
  0.4, 0.3, 0.2,
];
/** Queue waits are longer at the peaks. */
export const HOUR_WAIT = DAYTIME.map((w) => (w >= 1.1 ? 1.25 : w >= 0.95 ? 1.05 : 0.85));

export const HOUR_PROFILE: readonly Float64Array[] = [DAYTIME, DAYTIME, ALLDAY, EVENING].map((w) =>
  cumulative(w),
);

function season(day: number): number {
  const { y, m, d } = ymd(day);
  let f = m === 12 ? 0.92 : m === 1 ? 1.06 : m === 8 ? 0.93 : 1;
  if (m === 12 && d >= 24 && d <= 26) f *= 0.5;
  if ((m === 12 && d === 31) || (m === 1 && d === 1)) f *= 0.5;
  // Statements and salaries: the last two and first two days of a month peak.
  if (d >= daysInMonth(y, m) - 1 || d <= 2) f *= 1.3;
  return f;
}

export class Calendar {
  readonly first = dayOf(STORY.start);
  readonly last = dayOf(STORY.end);
  readonly days = this.last - this.first + 1;
  /** Local days of each site, a few days either side for night shifts and repeats. */
  readonly zones: readonly ZoneDays[];
  /** Expected new episodes per site and day. */
  readonly episodes: readonly Float64Array[];

  constructor(scale: number, seed: number) {
    this.zones = SITES.map((s) => new ZoneDays(s.timezone, this.first - 10, this.last + 10));
    const raw = SITES.map((_, si) => {
      const f = new Float64Array(this.days);
      for (let i = 0; i < this.days; i++) {
        const day = this.first + i;
        const noise =
          (hashUnit(seed, si, day, 1) + hashUnit(seed, si, day, 2) + hashUnit(seed, si, day, 3) - 1.5) * 0.12;
        f[i] = WEEKDAY[weekday(day)]! * season(day) * (1 + noise);
      }
      return f;
    });
    let total = 0;
    SITES.forEach((s, si) => {
      for (const v of raw[si]!) total += v * s.share;
    });
    const episodes = (STORY.contactsPerScale * scale) / STORY.contactsPerEpisode;
    this.episodes = SITES.map((s, si) => raw[si]!.map((v) => (v * s.share * episodes) / total));
  }

  /** Mean expected contacts per day at a site (for staffing). */
  meanContacts(site: number): number {
    let s = 0;
    for (const v of this.episodes[site]!) s += v;
    return (s / this.days) * STORY.contactsPerEpisode;
  }
}
