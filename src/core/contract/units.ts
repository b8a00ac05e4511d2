import { z } from 'zod';
import { CURRENCIES } from '../money/currencies.js';
import { toDecimal } from '../money/money.js';
import { checkZone, isDate, parseDuration, parsePeriod } from '../time/index.js';

/**
 * The contract's units as zod schemas that also normalise (contract-format.md, Units):
 * a plain number is a fraction, `12%` is 0.12, `10pp` is 0.10 of a share, durations are
 * `30m`, `4h`, `7d`, money is a decimal string, dates `YYYY-MM-DD`, periods `2026-Q1`.
 */

const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;
const POINTS = /^([+-]?\d+(?:\.\d+)?)\s*pp$/;
const DURATION = /^\d{1,7}(s|m|h|d)$/;

/** 12% -> 0.12, computed in decimal so 14.3% is exactly the double nearest 0.143. */
const percentOf = (text: string): number =>
  toDecimal(PERCENT.exec(text)?.[1] ?? 'x')
    .div(100)
    .toNumber();

/** A fraction written as a number (0.12) or a percent ("12%"), within [min, max]. */
export function fraction(what: string, bounds: { min?: number; max?: number; above?: number } = {}) {
  const expected = `${what}: a fraction (0.12) or a percent (12%)`;
  return z
    .union([z.number(), z.string().regex(PERCENT).transform(percentOf)], { error: `expected ${expected}` })
    .check((ctx) => {
      const { min, max, above } = bounds;
      const value = ctx.value;
      const shown = `${+(value * 100).toPrecision(12)}%`;
      if (
        (min !== undefined && value < min) ||
        (max !== undefined && value > max) ||
        (above !== undefined && value <= above)
      ) {
        const range =
          above !== undefined
            ? `above ${above * 100}%${max === undefined ? '' : ` and at most ${max * 100}%`}`
            : `between ${(min ?? Number.NEGATIVE_INFINITY) * 100}% and ${(max ?? Number.POSITIVE_INFINITY) * 100}%`;
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `${what} must be ${range}, found ${shown}`,
        });
      }
    })
    .describe(expected);
}

/** A change of a measure: `25%` relative to the reference, or `10pp` percentage points of a share. */
export const change = z
  .string({ error: 'expected a change such as 25% (relative) or 10pp (percentage points of a share)' })
  .regex(
    new RegExp(`${PERCENT.source}|${POINTS.source}`),
    'expected a change such as 25% (relative) or 10pp (points)',
  )
  .transform((text) => {
    const points = POINTS.exec(text);
    return points
      ? {
          mode: 'points' as const,
          amount: toDecimal(points[1] ?? '0')
            .div(100)
            .toNumber(),
        }
      : { mode: 'relative' as const, amount: percentOf(text) };
  })
  .describe('a change: 25% (relative) or 10pp (percentage points of a share)');

/** A duration (`30m`, `4h`, `7d`), normalised to its canonical text and nominal seconds. */
export const durationText = z
  .string({ error: 'expected a duration such as 30m, 4h, 7d or 90d' })
  .regex(DURATION, 'expected a duration: a whole number and s, m, h or d (30m, 4h, 7d, 90d)')
  .describe('a duration: 20s, 30m, 4h, 7d, 90d');

export const duration = durationText.transform((text) => {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.value.seconds : 0; // the regex above already accepted it
});

/** Money: a non-negative decimal string. A YAML number is refused: 4.20 would read as 4.2 and 0.1 is not exact. */
export const money = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'money is a decimal string: quote it, "{written}" (a YAML number loses written digits: 4.20 reads as 4.2)'
        : 'expected money as a decimal string, e.g. "4.20"',
  })
  .regex(
    /^\d+(\.\d+)?$/,
    'expected money as a decimal string of digits and an optional point, e.g. "4.20", not "{written}"',
  )
  .describe('money: a quoted decimal string, e.g. "4.20"');

export const date = z
  .string({ error: 'expected a date YYYY-MM-DD, e.g. 2026-01-01' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD, e.g. 2026-01-01')
  .refine(isDate, 'not a calendar date')
  .describe('a date, YYYY-MM-DD');

/** One period (2026-Q1, 2026-03, 2026, 2026-01-01..2026-03-31), as its canonical label; YAML reads 2026 as a number. */
export const period = z
  .union([z.string(), z.int()], { error: 'expected a period such as 2026-Q1, 2026-03 or 2026' })
  .transform((value, ctx) => {
    const parsed = parsePeriod(String(value));
    if (parsed.ok) return parsed.value.label;
    ctx.issues.push({ code: 'custom', input: value, message: parsed.issues[0]?.message ?? 'not a period' });
    return z.NEVER;
  })
  .describe('a period: 2026-Q1, 2026-03, 2026 or 2026-01-01..2026-03-31');

export const timezone = z
  .string({ error: 'expected an IANA time zone such as Europe/Lisbon' })
  .check((ctx) => {
    const checked = checkZone(ctx.value);
    if (!checked.ok)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: checked.issues[0]?.message ?? '' });
  })
  .describe('an IANA time zone, e.g. Europe/Lisbon');

export const currency = z
  .enum(CURRENCIES as [string, ...string[]], {
    error: 'expected an ISO 4217 currency code such as EUR, USD or GBP',
  })
  .describe('an ISO 4217 currency code, e.g. EUR');

/**
 * A value of a metric (baseline, target, a curve's `at`): a number in the metric's unit,
 * a percent for shares, or a duration for seconds. Which forms fit which metric is checked
 * once the metric is known (checks.ts); here a percent becomes a fraction and a duration seconds.
 */
export const metricValue = z
  .union([z.number(), z.string().regex(PERCENT).transform(percentOf), duration], {
    error: 'expected a value of the metric: a number (0.85), a percent (85%) or, for times, a duration (30s)',
  })
  .describe('a value of the metric: 0.85, 85%, or for times 30s');

/** The written form of a metric value, for the unit checks. */
export function valueForm(raw: unknown): 'number' | 'percent' | 'duration' | undefined {
  if (typeof raw === 'number') return 'number';
  if (typeof raw !== 'string') return undefined;
  if (PERCENT.test(raw)) return 'percent';
  return DURATION.test(raw) ? 'duration' : undefined;
}

export const slug = (what: string) =>
  z
    .string({ error: `expected ${what}: lowercase letters, digits and '-'` })
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      `${what}: lowercase letters, digits and single '-' between them, e.g. card-disputes`,
    )
    .describe(`${what}: lowercase letters, digits and '-'`);
