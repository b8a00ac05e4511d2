import { z } from '@hono/zod-openapi';
import { Loose } from './common-schemas.js';

/**
 * The RFP comparison and submitted responses (docs/rfp.md, docs/api.md). The full shape is
 * the core type (src/core/rfp/evaluation-types.ts RfpEvaluation); deeply nested parts are
 * records here.
 */

export const RfpVendor = z
  .object({
    vendor: z.string(),
    displayName: z.string(),
    rank: z.number().nullable(),
    total: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    rawTotal: z.number().nullable(),
    classification: z.enum(['value_era_partner', 'cost_era_vendor']),
    classificationLabel: z.string(),
    classificationReason: z.string(),
    signalCount: z.number(),
    signals: z.array(Loose),
    byEvaluator: z.array(z.object({ evaluator: z.string(), total: z.number() })),
    bySection: z.array(Loose),
    byQuestion: z.array(Loose),
    pricing: Loose,
    evidence: z.array(Loose),
    missingEvidence: z.array(Loose),
    unanswered: z.array(z.string()),
    /** Set on a response submitted to this server that no evaluator has scored yet. */
    unscored: z.boolean().optional(),
    submittedAt: z.string().optional(),
  })
  .openapi('RfpVendor');

export const RfpSubmissionSummary = z
  .object({
    vendor: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    attachments: z.array(z.object({ name: z.string(), bytes: z.number() })),
    /** Unanswered questions, required evidence not attached (the response is valid with them). */
    warnings: z.array(Loose),
  })
  .openapi('RfpSubmissionSummary');

export const RfpComparison = z
  .object({
    kind: z.literal('RFPEvaluation'),
    rfp: Loose,
    /** Ranked vendors, then any submitted response not yet scored (unscored: true). */
    vendors: z.array(RfpVendor),
    evaluators: z.array(Loose),
    normalisation: Loose,
    agreement: z.object({ raw: Loose, normalised: Loose, bySection: z.array(Loose) }),
    ranking: z.object({
      order: z.array(z.string()),
      winner: z.string().nullable(),
      runnerUp: z.string().nullable(),
      margin: z.number().nullable(),
      evaluatorWinners: z.array(z.object({ evaluator: z.string(), winner: z.string().nullable() })),
    }),
    sensitivity: z.object({
      sections: z.array(Loose),
      questions: z.array(Loose),
      tightest: Loose.nullable(),
    }),
    classificationRules: Loose,
    issues: z.array(Loose),
    /** Responses submitted to this server (kept in memory), present only when there are some. */
    submissions: z.array(RfpSubmissionSummary).optional(),
  })
  .openapi('RfpComparison');

export const RfpQuestions = z
  .object({
    name: z.string(),
    displayName: z.string(),
    client: z.string(),
    currency: z.string(),
    responsesDue: z.string().nullable(),
    scale: z.object({ min: z.number(), max: z.number() }),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        weight: z.number(),
        questions: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            text: z.string(),
            weight: z.number(),
            evidence: z.array(
              z.object({ id: z.string(), kind: z.string(), description: z.string(), required: z.boolean() }),
            ),
          }),
        ),
      }),
    ),
    pricingModels: z.array(z.string()),
    pricingUnits: z.array(z.string()),
    coachingModes: z.array(z.string()),
    /** The caller's organisation's submission on this server, for a vendor manager. */
    submission: RfpSubmissionSummary.nullable(),
  })
  .openapi('RfpQuestions');

export const RfpResponseSubmission = z
  .object({
    /** The RFPResponse document (apiVersion, kind, metadata, spec) as JSON. */
    response: z.record(z.string(), z.unknown()),
    /** Evidence files read as text; an evidence item's `file` names one of them. */
    attachments: z
      .array(
        z.object({
          name: z
            .string()
            .min(1, 'an attachment needs a name')
            .max(200, 'an attachment name is at most 200 characters'),
          text: z.string().max(512 * 1024, 'an attachment is at most 512 KiB of text'),
        }),
      )
      .max(30, 'at most 30 attachments')
      .default([]),
  })
  .openapi('RfpResponseSubmission');

export const RfpSubmissionResult = z
  .object({
    submission: RfpSubmissionSummary,
    /** The submitted response as the comparison shows it: classification, signals, evidence; unscored. */
    vendor: RfpVendor,
  })
  .openapi('RfpSubmissionResult');

export type RfpComparisonT = z.infer<typeof RfpComparison>;
export type RfpSubmissionSummaryT = z.infer<typeof RfpSubmissionSummary>;
export type RfpQuestionsT = z.infer<typeof RfpQuestions>;
export type RfpResponseSubmissionT = z.input<typeof RfpResponseSubmission>;
export type RfpSubmissionResultT = z.infer<typeof RfpSubmissionResult>;
