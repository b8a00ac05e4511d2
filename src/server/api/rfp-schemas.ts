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
    /** No evaluator has completed their scores of every response yet: not ranked. */
    unscored: z.boolean().optional(),
    submittedAt: z.string().optional(),
    submittedBy: z.string().optional(),
  })
  .openapi('RfpVendor');

export const RfpSubmissionSummary = z
  .object({
    vendor: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    attachments: z.array(z.object({ name: z.string(), bytes: z.number(), sha256: z.string() })),
    /** Unanswered questions, required evidence not attached (the response is valid with them). */
    warnings: z.array(Loose),
  })
  .openapi('RfpSubmissionSummary');

export const RfpComparison = z
  .object({
    kind: z.literal('RFPEvaluation'),
    rfp: Loose,
    /** Ranked vendors, then any response not yet scored (unscored: true). */
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
    /** Each evaluator's progress: their scores count once they cover every response on every question. */
    scoring: z.array(
      z.object({ evaluator: z.string(), scored: z.number(), required: z.number(), complete: z.boolean() }),
    ),
    /** The deadline for responses, an ISO-8601 UTC instant. */
    deadline: z.string(),
  })
  .openapi('RfpComparison');

export const RfpQuestions = z
  .object({
    id: z.string(),
    title: z.string(),
    /** The deadline for responses, an ISO-8601 UTC instant; open until then. */
    deadline: z.string(),
    open: z.boolean(),
    /** The client's users who score the responses (shown to the client's users only). */
    evaluators: z.array(z.string()),
    /** The vendors invited to respond (a vendor sees only itself). */
    vendors: z.array(z.string()),
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
    /** The caller's organisation's stored response, for a vendor manager. */
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

export const RfpSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    deadline: z.string(),
    open: z.boolean(),
    evaluators: z.array(z.string()),
    vendors: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    /** Responses stored so far (a vendor counts only its own). */
    responses: z.number(),
    /** For a vendor manager: their stored response, if any. */
    submission: RfpSubmissionSummary.nullable(),
  })
  .openapi('RfpSummary');

export const RfpList = z.object({ rfps: z.array(RfpSummary) }).openapi('RfpList');

const MAX_YAML = 256 * 1024;
export const RfpCreate = z
  .object({
    /** Start from the default template (rfp/default-rfp.yaml: the seed's questions) ... */
    template: z.literal('default').optional(),
    /** ... or from an RFP document (kind: RFP) as YAML, checked with every problem's line. */
    yaml: z
      .string()
      .max(MAX_YAML, `an RFP's YAML is at most ${MAX_YAML / 1024} KiB`)
      .optional(),
    /** With the template: the new RFP's id (metadata.name). An uploaded RFP is named by its metadata.name. */
    id: z.string().max(80).optional(),
    /** Default: the document's displayName. */
    title: z.string().max(200).optional(),
    /** When responses close: an instant with its offset, e.g. 2026-12-04T17:00:00Z. */
    deadline: z.string().max(40),
    /** The client's users (e-mails) who score the responses. */
    evaluators: z.array(z.string().max(254)).max(20),
    /** The vendors (organisation ids) invited to respond. */
    vendors: z.array(z.string().max(80)).max(50),
  })
  .openapi('RfpCreate');

export const RfpStoredResponse = RfpSubmissionSummary.extend({
  /** The parsed response: pricing, commitments, answers with their evidence (links, files, before/after values). */
  response: Loose,
}).openapi('RfpStoredResponse');

export const RfpResponses = z.object({ responses: z.array(RfpStoredResponse) }).openapi('RfpResponses');

export const RfpScore = z
  .object({
    vendor: z.string(),
    evaluator: z.string(),
    question: z.string(),
    score: z.number(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .openapi('RfpScore');

export const RfpScoresInput = z
  .object({
    scores: z
      .array(
        z.object({
          question: z.string().max(80),
          score: z.number(),
          comment: z.string().max(2000).nullable().optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('RfpScoresInput');

export const RfpScoresList = z.object({ scores: z.array(RfpScore) }).openapi('RfpScoresList');

export type RfpSummaryT = z.infer<typeof RfpSummary>;
export type RfpCreateT = z.input<typeof RfpCreate>;
export type RfpResponsesT = z.infer<typeof RfpResponses>;
export type RfpScoreT = z.infer<typeof RfpScore>;
export type RfpScoresInputT = z.input<typeof RfpScoresInput>;
export type RfpComparisonT = z.infer<typeof RfpComparison>;
export type RfpSubmissionSummaryT = z.infer<typeof RfpSubmissionSummary>;
export type RfpQuestionsT = z.infer<typeof RfpQuestions>;
export type RfpResponseSubmissionT = z.input<typeof RfpResponseSubmission>;
export type RfpSubmissionResultT = z.infer<typeof RfpSubmissionResult>;
