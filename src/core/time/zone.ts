import { DateTime, IANAZone } from 'luxon';
import { fail, type Issue, ok, type Result, UserError } from '../issues.js';
import { dateOfDayNumber } from './calendar.js';

/**
 * Zone and instant primitives. Instants travel as strings in one form,
 * `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date.prototype.toISOString` writes; DuckDB and
 * PostgreSQL both read it as a TIMESTAMPTZ), and as epoch ms inside this module.
 */

const MS_PER_HOUR = 3_600_000;
/** Real offsets lie in -12h..+14h, so a local wall time is within 15h of its instant. */
const REACH_MS = 15 * MS_PER_HOUR;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

export const toInstant = (ms: number): string => new Date(ms).toISOString();

/** Epoch ms of an ISO instant; the offset (or Z) is required, as for imported timestamps. */
export function instantMs(text: string): number {
  // Fast path for the form this module writes (hot in localDayNumberAt and SQL results).
  if (CANONICAL.test(text)) return Date.parse(text);
  const parsed = INSTANT.test(text) ? DateTime.fromISO(text.replace(' ', 'T'), { setZone: true }) : undefined;
  if (!parsed?.isValid) {
    throw new UserError(
      `"${text}" is not an instant: expected ISO 8601 with an offset, e.g. 2026-03-02T09:15:00Z`,
    );
  }
  return parsed.toMillis();
}

const zoneIssue = (zone: string, path: (string | number)[]): Issue => ({
  code: 'invalid_timezone',
  path,
  message: `unknown time zone "${zone}": expected an IANA time zone name such as Europe/Lisbon or America/New_York`,
});

/** Validates an IANA zone name (as the contract schema should, once); returns it unchanged. */
export function checkZone(zone: string, path: (string | number)[] = []): Result<string> {
  if (validZones.has(zone)) return ok(zone);
  if (!(ZONE_NAME.test(zone) && IANAZone.isValidZone(zone))) return fail([zoneIssue(zone, path)]);
  validZones.add(zone);
  return ok(zone);
}

/** Names found valid: a contract names its zone in several fields, each parse checked each. */
const validZones = new Set<string>();

/** isValidZone builds an Intl formatter per call (~80 us, measured): validate each name once. */
const zones = new Map<string, IANAZone>();

/** The luxon zone, or a UserError naming the bad zone (for callers that skipped checkZone). */
export function zoneOf(zone: string): IANAZone {
  const cached = zones.get(zone);
  if (cached) return cached;
  const checked = checkZone(zone);
  if (!checked.ok) throw new UserError(checked.issues[0]?.message ?? 'invalid time zone', checked.issues);
  const created = IANAZone.create(zone);
  zones.set(zone, created);
  return created;
}

/** UTC offset in seconds at an instant (luxon gives minutes, fractional for old LMT offsets). */
export const offsetSecondsAt = (ms: number, zone: IANAZone): number => Math.round(zone.offset(ms) * 60);

/** Local calendar date of an instant, by the same arithmetic SQL uses on day numbers. */
export function localDateOf(instant: string | number, zone: string): string {
  const ms = typeof instant === 'number' ? instant : instantMs(instant);
  const seconds = Math.floor(ms / 1000) + offsetSecondsAt(ms, zoneOf(zone));
  return dateOfDayNumber(Math.floor(seconds / 86_400));
}

/**
 * The first ms in (lo, hi] whose offset equals the offset at `hi`, given that the offset
 * at `lo` differs: the instant of the transition between them (one transition assumed).
 */
export function transitionBetween(lo: number, hi: number, zone: IANAZone): number {
  const target = offsetSecondsAt(hi, zone);
  let [before, after] = [lo, hi];
  while (after - before > 1) {
    const mid = before + Math.floor((after - before) / 2);
    if (offsetSecondsAt(mid, zone) === target) after = mid;
    else before = mid;
  }
  return after;
}

/**
 * The first instant whose local wall clock reads `wallMs` (a wall time written as epoch
 * ms, as if UTC) or later. When the wall time occurs twice (clocks go back) that is its
 * first occurrence; when it does not exist (clocks go forward over it) it is the
 * transition instant, i.e. the first instant of the local time after the gap.
 */
export function firstInstantAtOrAfterWall(wallMs: number, zone: IANAZone): number {
  const edges = [wallMs - REACH_MS, wallMs + REACH_MS];
  const offsets = new Set([...edges, wallMs].map((ms) => offsetSecondsAt(ms, zone)));
  const valid = [...offsets]
    .map((offset) => wallMs - offset * 1000)
    .filter((ms) => ms + offsetSecondsAt(ms, zone) * 1000 === wallMs);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: read the wall time in the offset after the gap (earlier instant, still before
  // the transition) and in the offset before it (later instant, already after it).
  const before = offsetSecondsAt(edges[0] as number, zone);
  const after = offsetSecondsAt(edges[1] as number, zone);
  return transitionBetween(wallMs - after * 1000, wallMs - before * 1000, zone);
}
