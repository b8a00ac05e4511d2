import type { IANAZone } from 'luxon';
import { addDays, wallMsOfDate } from './calendar.js';
import { type Duration, requireDuration } from './duration.js';
import { firstInstantAtOrAfterWall, instantMs, localDateOf, toInstant, zoneOf } from './zone.js';

/**
 * Period boundaries as UTC instants, computed once in JS so SQL compares stored UTC
 * timestamps with them instead of converting every row to local time (~4x slower,
 * measured). Ranges are half-open: start <= ts < end, so consecutive periods share a
 * boundary and no contact is counted twice or lost.
 */

/** [start, end) as `YYYY-MM-DDTHH:mm:ss.sssZ` instants. */
export interface InstantRange {
  start: string;
  end: string;
}

/** Epoch ms of the first instant of a local date (see localMidnight). */
export const midnightMs = (date: string, zone: IANAZone): number =>
  firstInstantAtOrAfterWall(wallMsOfDate(date), zone);

/**
 * The first instant of local date `date` in `zone`: its 00:00, or, where clocks jump
 * over midnight (e.g. America/Havana, Asia/Beirut), the instant the day begins after
 * the jump; where midnight occurs twice, the first one. Throws a UserError for an
 * unknown zone.
 */
export const localMidnight = (date: string, zone: string): string =>
  toInstant(midnightMs(date, zoneOf(zone)));

/** [local midnight starting startDate, local midnight after endDate). */
export function periodBounds(period: { startDate: string; endDate: string }, zone: string): InstantRange {
  const iana = zoneOf(zone);
  return {
    start: toInstant(midnightMs(period.startDate, iana)),
    end: toInstant(midnightMs(addDays(period.endDate, 1), iana)),
  };
}

/**
 * The instant a metric over `period` becomes final: the period's end plus the
 * duration (none: the end itself). `d` durations are local calendar days, so a quarter
 * ending 31 March with `7d` matures at local midnight starting 8 April.
 */
export function maturesAt(
  period: { startDate: string; endDate: string },
  zone: string,
  duration?: string | Duration,
): string {
  const { end } = periodBounds(period, zone);
  if (duration === undefined) return end;
  const { amount, unit, seconds } = requireDuration(duration);
  if (unit === 'd') return localMidnight(addDays(period.endDate, 1 + amount), zone);
  return toInstant(instantMs(end) + seconds * 1000);
}

/**
 * The local date on which the metric matures: the date of maturesAt. With no duration
 * or whole days it is final from that date's first instant; with hours or minutes, from
 * that time of day (maturesAt gives the instant).
 */
export const maturesOn = (
  period: { startDate: string; endDate: string },
  zone: string,
  duration?: string | Duration,
): string => localDateOf(maturesAt(period, zone, duration), zone);
