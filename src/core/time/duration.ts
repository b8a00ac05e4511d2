import { fail, ok, type Result, UserError } from '../issues.js';
import { addDays, isDate } from './calendar.js';
import { firstInstantAtOrAfterWall, instantMs, offsetSecondsAt, toInstant, zoneOf } from './zone.js';

/**
 * Contract durations: `20s`, `30m`, `4h`, `7d`, `90d` (a whole number and one unit).
 * `s`, `m`, `h` are elapsed time. `d` is calendar days in the contract's zone: a day
 * that loses an hour to DST still counts as one day, so "7d after Sunday 09:00" is the
 * next Sunday at 09:00 local, and a date plus `90d` is the date 90 days later.
 * `seconds` is the nominal length (d = 86,400 s) for limits and windows of elapsed time.
 */

export type DurationUnit = 's' | 'm' | 'h' | 'd';

export interface Duration {
  /** Canonical text, e.g. `7d`. */
  label: string;
  amount: number;
  unit: DurationUnit;
  /** Nominal seconds (a `d` counts 86,400). */
  seconds: number;
}

const DURATION = /^(\d{1,7})(s|m|h|d)$/;
const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function parseDuration(text: string, path: (string | number)[] = []): Result<Duration> {
  const match = DURATION.exec(text.trim());
  if (!match) {
    return fail([
      {
        code: 'invalid_duration',
        path,
        message: `"${text}" is not a duration: expected a whole number and a unit s, m, h or d (20s, 30m, 4h, 7d, 90d)`,
      },
    ]);
  }
  const amount = Number(match[1]);
  const unit = match[2] as DurationUnit;
  return ok({ label: `${amount}${unit}`, amount, unit, seconds: amount * UNIT_SECONDS[unit] });
}

export function requireDuration(duration: string | Duration): Duration {
  if (typeof duration !== 'string') return duration;
  const parsed = parseDuration(duration);
  if (!parsed.ok) throw new UserError(parsed.issues[0]?.message ?? 'invalid duration', parsed.issues);
  return parsed.value;
}

/**
 * A date (`YYYY-MM-DD`) plus whole days gives a date; an instant plus any duration gives
 * an instant (`...sssZ`). Days keep the local wall time in `zone` (default UTC); if that
 * wall time falls in a DST gap the result is the first instant after the gap, and if it
 * occurs twice, its first occurrence. A date plus hours has no date answer: it throws.
 */
export function addDuration(value: string, duration: string | Duration, zone = 'UTC'): string {
  const { amount, unit, seconds, label } = requireDuration(duration);
  if (isDate(value)) {
    if (unit !== 'd') {
      throw new UserError(`cannot add ${label} to the date ${value}: a date takes whole days (d)`);
    }
    return addDays(value, amount);
  }
  const ms = instantMs(value);
  if (unit !== 'd') return toInstant(ms + seconds * 1000);
  const iana = zoneOf(zone);
  const wall = ms + offsetSecondsAt(ms, iana) * 1000;
  return toInstant(firstInstantAtOrAfterWall(wall + amount * 86_400_000, iana));
}
