import { z } from '@hono/zod-openapi';
import { Loose } from './common-schemas.js';

/**
 * The renewal scorecard (docs/renewal.md, docs/api.md). The full shape is the core type
 * (src/core/renewal/types.ts Scorecard); deeply nested parts are records here.
 */

const RenewalPeriod = z.object({
  period: z.string(),
  display: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  complete: z.boolean(),
});

const RecommendationId = z.enum(['renew', 'renew_with_changes', 're_tender']);

export const RenewalReason = z
  .object({
    rule: z.string(),
    recommendation: RecommendationId,
    text: z.string(),
    /** Each quoted number with its source, metric, period, scope and parameters (renewal Fact). */
    facts: z.array(Loose),
  })
  .openapi('RenewalReason');

export const RenewalScorecard = z
  .object({
    kind: z.literal('RenewalScorecard'),
    contract: z.object({
      id: z.string(),
      displayName: z.string(),
      version: z.number(),
      client: z.string(),
      vendor: z.string(),
      currency: z.string(),
      term: z.object({ start: z.string(), end: z.string() }),
      timezone: z.string(),
      settlement: z.enum(['monthly', 'quarterly']),
      workflows: z.array(z.string()),
    }),
    asOf: z.string(),
    termSoFar: RenewalPeriod,
    quarters: z.array(RenewalPeriod),
    /** OutcomeRow: baseline, target, term and quarterly trend with intervals and p, money. */
    outcomes: z.array(Loose),
    money: Loose,
    value: Loose,
    operations: z.array(Loose),
    attritionBySite: z.array(Loose),
    recalibrations: Loose,
    evidence: Loose.optional(),
    recommendation: z.object({
      decision: RecommendationId,
      label: z.string(),
      reasons: z.array(RenewalReason),
      otherReasons: z.array(RenewalReason),
      rules: z.array(Loose),
      settings: Loose,
    }),
  })
  .openapi('RenewalScorecard');

export type RenewalScorecardT = z.infer<typeof RenewalScorecard>;
