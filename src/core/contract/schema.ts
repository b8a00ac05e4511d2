import { z } from 'zod';
import { ISO_COUNTRIES } from '../dataset/countries.js';
import { envelopeSchema } from '../yaml/envelope.js';
import {
  change,
  currency,
  date,
  duration,
  durationText,
  fraction,
  metricValue,
  money,
  period,
  slug,
  timezone,
} from './units.js';

/**
 * The shape of a Contract file (contract-format.md) with its units normalised. Meaning
 * across fields (metrics, weights, curves, sides) is checked in checks.ts; the JSON Schema
 * for editors is generated from this same schema (json-schema.ts).
 */

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, `${what} is empty`)
    .describe(what);
const enumOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .enum(values, { error: `expected ${what}: one of ${values.join(', ')}` })
    .describe(`${what}: ${values.join(' | ')}`);

/** The largest allocation pool (market practice is 100-250%). */
export const MAX_POOL = 2.5;

const point = z.strictObject({
  at: metricValue,
  pay: fraction('pay, a share of the outcome allocation (-100% .. 100%)'),
});

export const payoutSchema = z
  .strictObject({
    interpolate: enumOf(['linear', 'step'], 'interpolation'),
    points: z
      .array(point, { error: 'expected a list of points { at, pay }, worst to best' })
      .min(2, 'a payout curve needs at least two points, worst to best')
      .describe('points { at, pay }, worst to best'),
  })
  .describe('payout curve: pay as a fraction of the outcome allocation');

const baseline = z
  .union([metricValue, z.strictObject({ period })], {
    error: 'expected a baseline value (0.78, 78%) or a measured baseline { period: 2025-Q4 }',
  })
  .describe('a written value (0.78) or { period: 2025-Q4 } measured from data');

export const outcomeSchema = z.strictObject({
  metric: text('a metric id of metrics.md, e.g. csat'),
  displayName: text('a display name').optional(),
  direction: enumOf(['higher_is_better', 'lower_is_better'], 'direction').optional(),
  params: z
    .record(z.string(), z.unknown(), {
      error: "expected the metric's parameters as a map, e.g. { repeatWindow: 7d }",
    })
    .optional()
    .describe("the metric's parameters by their names in metrics.md"),
  weight: fraction("the outcome's share of the portfolio allocation", { above: 0, max: 1 }),
  baseline,
  target: metricValue,
  payout: payoutSchema,
});

export const portfolioSchema = z.strictObject({
  id: slug('a portfolio id'),
  displayName: text('a display name').optional(),
  description: text('a description').optional(),
  workflows: z
    .array(text('a workflow'), { error: 'expected a list of workflows, e.g. [card_dispute, chargeback]' })
    .min(1, 'a portfolio needs at least one workflow')
    .describe('the workflows of the portfolio (the `workflow` column of interactions)'),
  // Up to the largest allocation pool; checks.ts holds each weight to the contract's own pool.
  weight: fraction("the portfolio's share of the at-risk amount", { above: 0, max: MAX_POOL }),
  minSample: z
    .int({ error: 'expected a whole number of at least 1' })
    .min(1, 'minSample is at least 1')
    .default(100)
    .describe('below this n an outcome is insufficient data and pays 0 (default 100)'),
  outcomes: z
    .array(outcomeSchema, { error: 'expected a list of outcomes' })
    .min(1, 'a portfolio needs at least one outcome'),
});

const pricing = z.strictObject({
  base: z.strictObject({
    unit: enumOf(['handled_contact', 'resolved_contact', 'fte_month', 'fixed_month'], 'base fee unit'),
    rate: money,
    fteHoursPerMonth: z
      .number()
      .positive('fteHoursPerMonth is above 0')
      .default(160)
      .describe('hours of one FTE-month (fte_month; default 160)'),
  }),
  fteHourRate: money.optional(),
  atRisk: fraction("the share of the period's base fee tied to outcomes", { min: 0, max: 1 }),
  bonusCap: fraction('the most bonuses may add, as a share of the base fee', { min: 0, max: 1 }).default(0),
  rounding: enumOf(['half_up', 'half_even'], 'rounding').default('half_up'),
  allocationPool: fraction(
    'the sum of the portfolio weights (market practice 100-250%); penalties together are still cut at atRisk',
    { min: 1, max: MAX_POOL },
  ).optional(),
});

const periodsCount = (what: string, max: number) =>
  z
    .int({ error: `expected ${what}: a whole number from 1 to ${max}` })
    .min(1, `${what} is at least 1`)
    .max(max, `${what} is at most ${max}`)
    .describe(what);

// Outsourcing-market mechanics (contract-format.md): optional, so a contract without them settles as before.
const earnBack = z
  .strictObject({
    periods: periodsCount('the settlement periods the outcome must then meet its target in', 12),
    share: fraction('the share of the penalty given back', { above: 0, max: 1 }).default(1),
  })
  .describe('a penalty is given back when the outcome then meets its target in each of the next periods');

const continuousImprovement = z
  .strictObject({
    share: fraction("the share of the gap to the past year's best value a target moves by", {
      above: 0,
      max: 1,
    }),
  })
  .describe("at each anniversary of term.start each target moves toward the past year's best value");

const chronicFailure = z
  .strictObject({
    misses: periodsCount('the defaults (periods paying below 0%) of one outcome', 24),
    within: periodsCount('the consecutive settlement periods they fall within', 24),
  })
  .describe('this many defaults of one outcome within this many periods give a termination right');

const STAFFING_TARGET = /^(\d{1,3}(?:\.\d+)?)%?\/(\d+)s?$/;

const staffing = z.strictObject({
  target: z
    .string({ error: 'expected a service level target such as 80/20 (80% answered within 20 seconds)' })
    .regex(STAFFING_TARGET, 'expected a service level target such as 80/20 (80% answered within 20 seconds)')
    .transform((value) => {
      const [, share = '0', seconds = '0'] = STAFFING_TARGET.exec(value) ?? [];
      return { serviceLevel: Number(share) / 100, answerWithin: Number(seconds) };
    })
    .describe('service level target: 80/20 = 80% answered within 20 seconds'),
  interval: duration.describe('the staffing interval, e.g. 30m'),
  shrinkage: fraction('shrinkage', { min: 0, max: 0.99 }).default(0),
  maxOccupancy: fraction('maximum occupancy', { above: 0, max: 1 }).optional(),
  model: enumOf(['erlang_c', 'erlang_a'], 'staffing model').default('erlang_c'),
});

const recalibration = z.strictObject({
  reference: period.describe('the period the terms were priced on'),
  triggers: z
    .array(z.strictObject({ measure: text('a measure: a metric id or channel_mix'), change }))
    .default([])
    .describe('any one firing opens a recalibration proposal'),
  approval: z
    .array(enumOf(['client', 'vendor'], 'an approving party'))
    .min(1, 'at least one party approves')
    .default(['client', 'vendor']),
  effectiveLag: duration
    .default(0)
    .describe('a new version takes effect at least this long after approval (default 0d)'),
  staffing: staffing.optional(),
});

const remoteOperations = z.strictObject({
  adherence: z.strictObject({ target: fraction('the adherence target', { min: 0, max: 1 }) }).optional(),
  coaching: z
    .strictObject({
      cadence: durationText.optional(),
      mode: enumOf(['any', 'video', 'in_person', 'async'], 'coaching mode').optional(),
      coverage: fraction('the coaching coverage target', { min: 0, max: 1 }).optional(),
    })
    .optional(),
  qaCalibration: z
    .strictObject({ minAlpha: z.number({ error: 'expected an alpha between -1 and 1' }).min(-1).max(1) })
    .optional(),
  backfill: z
    .strictObject({ criticalRoleDays: z.int({ error: 'expected whole days' }).positive('at least 1 day') })
    .optional(),
});

const limit = z.strictObject({ acknowledgeWithin: durationText, resolveWithin: durationText });
const country = z.enum(ISO_COUNTRIES as [string, ...string[]], {
  error: 'expected an ISO 3166-1 alpha-2 country code such as PT, not {written}',
});

const security = z.strictObject({
  access: z
    .strictObject({
      mfaRequired: z.boolean().default(true),
      compliantDeviceRequired: z.boolean().default(true),
      allowedCountries: z.array(country).optional().describe('countries logins may come from (default any)'),
    })
    .optional(),
  incidents: z
    .strictObject({
      sev1: limit.optional(),
      sev2: limit.optional(),
      sev3: limit.optional(),
      sev4: limit.optional(),
    })
    .optional(),
  continuity: z
    .strictObject({
      maxSiteShare: fraction('the largest share of handled contacts one site may carry', {
        above: 0,
        max: 1,
      }),
    })
    .optional(),
});

export const specSchema = z.strictObject({
  client: text('the client'),
  vendor: text('the vendor, as in the `vendor` column of the data'),
  description: text('a description').optional(),
  currency,
  term: z
    .strictObject({ start: date, end: date })
    .describe('{ start: 2026-01-01, end: 2026-12-31 }, end inclusive'),
  effectiveFrom: date.optional().describe('the date this version takes effect (default: the term start)'),
  timezone,
  settlement: enumOf(['monthly', 'quarterly'], 'settlement period'),
  pricing,
  portfolios: z
    .array(portfolioSchema, { error: 'expected a list of portfolios' })
    .min(1, 'a contract needs a portfolio'),
  earnBack: earnBack.optional(),
  continuousImprovement: continuousImprovement.optional(),
  chronicFailure: chronicFailure.optional(),
  recalibration: recalibration.optional(),
  remoteOperations: remoteOperations.optional(),
  security: security.optional(),
});

export const contractSchema = envelopeSchema('Contract', specSchema, {
  what: 'contract',
  metadata: { version: z.int().min(1).default(1).describe('the version of these terms (1, 2, ...)') },
}).describe('A Covenant outcome-based contract (contract-format.md)');

export type ContractInput = z.input<typeof contractSchema>;
export type ParsedContract = z.output<typeof contractSchema>;
export type ParsedOutcome = z.output<typeof outcomeSchema>;
