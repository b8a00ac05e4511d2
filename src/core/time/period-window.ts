import { UserError } from '../issues.js';
import type { PeriodWindow } from '../metric/scope.js';
import { periodBounds } from './boundaries.js';
import { type Period, parsePeriods } from './period.js';

/**
 * A period is parsed once, at the edge (a CLI flag or an HTTP field), into windows with
 * their UTC bounds in the zone that applies; everything below takes windows, not text.
 * `field` is how the caller named it (`--period`, `period`), so errors name the caller's own.
 */
export function parseWindows(text: string, zone: string, field: string): PeriodWindow[] {
  const parsed = parsePeriods(text);
  if (!parsed.ok) throw new UserError(`${field} ${text}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.value.map((period) => windowOf(period, zone));
}

/** Exactly one window (settlement, a baseline, an overview). */
export function parseWindow(text: string, zone: string, field: string): PeriodWindow {
  const windows = parseWindows(text, zone, field);
  const [window] = windows;
  if (!window || windows.length > 1)
    throw new UserError(`${field} ${text}: expected one period, not a range of ${windows.length}`);
  return window;
}

export const windowOf = (period: Period, zone: string): PeriodWindow => ({
  ...period,
  ...periodBounds(period, zone),
});
