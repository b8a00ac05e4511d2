import { UserError } from '../issues.js';
import type { Grain } from './buckets.js';
import { localDayNumber, weekNumberOfDay } from './calendar.js';

/**
 * Every query's time has a bound (docs/security.md): at most MAX_YEARS from the first
 * period's start to the last one's end, and at most MAX_BUCKETS results per metric over
 * all periods of a range (a series' buckets; a period without a grain counts as one).
 * Checked arithmetically before any bucket is listed, so an absurd request costs nothing.
 */
export const MAX_YEARS = 10;
export const MAX_BUCKETS = 1000;

interface Span {
  startDate: string;
  endDate: string;
}

/** How many buckets of `grain` a span of dates touches (without listing them). */
export function bucketCount(span: Span, grain: Grain | undefined): number {
  if (!grain) return 1;
  const [from, to] = [localDayNumber(span.startDate), localDayNumber(span.endDate)];
  if (grain === 'day') return to - from + 1;
  if (grain === 'week') return weekNumberOfDay(to) - weekNumberOfDay(from) + 1;
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(span.endDate) - months(span.startDate) + 1;
}

/**
 * Throws a UserError (400) naming `field` when the periods are too long or the series too
 * large; returns the periods otherwise, so a caller checks where it reads them.
 */
export function checkWindowBounds<T extends Span>(
  periods: readonly T[],
  grain?: Grain,
  field = 'period',
): readonly T[] {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return periods;
  const [startYear, rest] = [Number(first.startDate.slice(0, 4)), first.startDate.slice(4)];
  const limit = `${String(startYear + MAX_YEARS).padStart(4, '0')}${rest}`;
  if (last.endDate >= limit)
    throw new UserError(
      `${field}: ${first.startDate}..${last.endDate} is longer than ${MAX_YEARS} years; ask for a shorter period`,
    );
  let total = 0;
  for (const period of periods) total += bucketCount(period, grain);
  if (total > MAX_BUCKETS)
    throw new UserError(
      `${field}: ${total} ${grain ?? 'period'} results is more than ${MAX_BUCKETS}; use a coarser grain or a shorter period`,
    );
  return periods;
}
