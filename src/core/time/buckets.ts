import type { IANAZone } from 'luxon';
import { midnightMs } from './boundaries.js';
import { addDays, dateOfDayNumber, daysInMonth, mondayOf, parseDate } from './calendar.js';
import type { Period } from './period.js';
import { instantMs, offsetSecondsAt, toInstant, transitionBetween, zoneOf } from './zone.js';

/**
 * Time-series grains and the UTC offsets SQL needs to group UTC timestamps by local
 * day without converting each row: boundaries are computed here once per bucket, and
 * the offsets are constant between DST transitions, so a short CASE over a handful of
 * segments gives every row's local day number.
 */

export type Grain = 'day' | 'week' | 'month';

export interface Bucket {
  /** The day, the week's Monday or the month's first day, even when clipped away. */
  label: string;
  /** [start, end) as instants, clipped to the period. */
  start: string;
  end: string;
  /** Local dates the bucket covers inside the period, end inclusive. */
  startDate: string;
  endDate: string;
}

/** First date of the grain's bucket that holds `date`. */
export function bucketLabel(date: string, grain: Grain): string {
  if (grain === 'day') return date;
  if (grain === 'week') return mondayOf(date);
  return `${date.slice(0, 7)}-01`;
}

function lastDateOfBucket(label: string, grain: Grain): string {
  if (grain === 'day') return label;
  if (grain === 'week') return addDays(label, 6);
  const { year, month } = parseDate(label)!;
  return `${label.slice(0, 8)}${daysInMonth(year, month)}`;
}

/** The grain's buckets over a period in `zone`, in order; the first and last clipped to it. */
export function buckets(period: Period, zone: string, grain: Grain): Bucket[] {
  const iana = zoneOf(zone);
  const result: Bucket[] = [];
  let startDate = period.startDate;
  let start = toInstant(midnightMs(startDate, iana));
  while (startDate <= period.endDate) {
    const label = bucketLabel(startDate, grain);
    // Dates as strings: clip to the period's end (Math.min is for numbers).
    let endDate = lastDateOfBucket(label, grain);
    if (endDate > period.endDate) endDate = period.endDate;
    const next = addDays(endDate, 1);
    const end = toInstant(midnightMs(next, iana));
    result.push({ label, start, end, startDate, endDate });
    [startDate, start] = [next, end];
  }
  return result;
}

/** A run of time with one UTC offset: from <= ts < to. */
export interface OffsetSegment {
  from: string;
  to: string;
  offsetSeconds: number;
}

/** Offsets are sampled this often and transitions found by bisection to the ms. */
const SAMPLE_MS = 6 * 3_600_000;

function transitions(startMs: number, endMs: number, zone: IANAZone): number[] {
  const found: number[] = [];
  let [previous, previousOffset] = [startMs, offsetSecondsAt(startMs, zone)];
  while (previous < endMs - 1) {
    const next = Math.min(previous + SAMPLE_MS, endMs - 1);
    const nextOffset = offsetSecondsAt(next, zone);
    if (nextOffset !== previousOffset) found.push(transitionBetween(previous, next, zone));
    [previous, previousOffset] = [next, nextOffset];
  }
  return found;
}

/**
 * The piecewise-constant UTC offsets of `zone` over [start, end): one segment per DST
 * regime, the first from `start`, the last to `end`. The local day number of a
 * timestamp in a segment is floor((epoch_seconds(ts) + offsetSeconds) / 86400).
 * Assumes no two transitions within 6 hours (true of the tz database in practice).
 */
export function offsetSegments(startInstant: string, endInstant: string, zone: string): OffsetSegment[] {
  // A report compiles the same period's segments for many statements: found once each.
  const key = `${startInstant}/${endInstant}/${zone}`;
  let found = segmentsFound.get(key);
  if (!found) {
    found = findSegments(startInstant, endInstant, zone);
    if (segmentsFound.size >= 1024) segmentsFound.delete(segmentsFound.keys().next().value as string);
    segmentsFound.set(key, found);
  }
  return found.map((s) => ({ ...s }));
}

const segmentsFound = new Map<string, OffsetSegment[]>();

function findSegments(startInstant: string, endInstant: string, zone: string): OffsetSegment[] {
  const iana = zoneOf(zone);
  const [startMs, endMs] = [instantMs(startInstant), instantMs(endInstant)];
  if (endMs < startMs) throw new RangeError(`offsetSegments: ${endInstant} is before ${startInstant}`);
  if (endMs === startMs) return [];
  const edges = [startMs, ...transitions(startMs, endMs, iana), endMs];
  return edges.slice(0, -1).map((from, index) => ({
    from: toInstant(from),
    to: toInstant(edges[index + 1] as number),
    offsetSeconds: offsetSecondsAt(from, iana),
  }));
}

/** JS mirror of the SQL: the local day number of an instant from the segments. */
export function localDayNumberAt(instant: string | number, segments: readonly OffsetSegment[]): number {
  const ms = typeof instant === 'number' ? instant : instantMs(instant);
  const segment = segments.find((s) => ms >= instantMs(s.from) && ms < instantMs(s.to));
  if (!segment) throw new RangeError(`${toInstant(ms)} is outside the offset segments`);
  return Math.floor((Math.floor(ms / 1000) + segment.offsetSeconds) / 86_400);
}

/** The local date of an instant from the segments (labels SQL's day numbers). */
export const localDateAt = (instant: string | number, segments: readonly OffsetSegment[]): string =>
  dateOfDayNumber(localDayNumberAt(instant, segments));
