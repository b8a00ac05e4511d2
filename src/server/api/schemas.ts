import { z } from '@hono/zod-openapi';

/**
 * The HTTP API's request and response shapes: the one definition the server validates
 * with, the OpenAPI document is generated from, and the dashboard is typed against.
 */

export const Role = z.enum(['client_admin', 'client_viewer', 'vendor_manager', 'team_lead', 'agent']);

export const User = z
  .object({
    email: z.string(),
    name: z.string(),
    role: Role,
    /** The client organisation (the tenant) or a vendor id. */
    organisation: z.string(),
    kind: z.enum(['client', 'vendor']),
    site: z.string().nullable(),
    agentId: z.string().nullable(),
  })
  .openapi('User');

export const Me = z.object({ user: User, csrfToken: z.string(), tenant: z.string() }).openapi('Me');

export const Login = z.object({ email: z.string().min(1), password: z.string().min(1) }).openapi('Login');

export const ApiError = z
  .object({ error: z.string(), issues: z.array(z.unknown()).optional() })
  .openapi('Error');

export const MetricResult = z
  .object({
    metric: z.string(),
    group: z.record(z.string(), z.string()),
    period: z.string(),
    value: z.number().nullable(),
    n: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    unit: z.string(),
    direction: z.string(),
    matured: z.boolean(),
    maturesOn: z.string().nullable(),
    insufficient: z.boolean(),
    baseline: z.number().nullable(),
    difference: z.number().nullable(),
    differenceLow: z.number().nullable(),
    differenceHigh: z.number().nullable(),
    p: z.number().nullable(),
    warnings: z.array(z.string()).optional(),
  })
  .openapi('MetricResult');

export const QueryRequest = z
  .object({
    metrics: z.array(z.string()).min(1),
    period: z.string(),
    timezone: z.string().default('UTC'),
    where: z.record(z.string(), z.array(z.string())).default({}),
    by: z.array(z.string()).default([]),
    grain: z.enum(['day', 'week', 'month']).optional(),
    params: z.record(z.string(), z.string()).default({}),
    baseline: z.string().optional(),
    minN: z.number().int().min(0).default(1),
    /** For value metrics (cost_per_contact, ...). */
    contract: z.string().optional(),
  })
  .openapi('QueryRequest');

export const MetricInfo = z
  .object({
    id: z.string(),
    family: z.string(),
    label: z.object({ singular: z.string(), plural: z.string() }),
    unit: z.string(),
    direction: z.string(),
    formula: z.string(),
    n: z.string(),
    datasets: z.array(z.string()),
    params: z.array(
      z.object({ name: z.string(), kind: z.string(), default: z.unknown(), description: z.string() }),
    ),
    interval: z.string(),
    maturity: z.record(z.string(), z.string()),
    needsContract: z.boolean().optional(),
  })
  .openapi('MetricInfo');

export const ContractSummary = z
  .object({
    id: z.string(),
    displayName: z.string().nullable(),
    client: z.string(),
    vendor: z.string(),
    version: z.number(),
    effectiveFrom: z.string(),
    timezone: z.string(),
    settlement: z.string(),
    currency: z.string(),
    term: z.object({ start: z.string(), end: z.string() }),
  })
  .openapi('ContractSummary');

export const ContractDetail = ContractSummary.extend({
  versions: z.array(z.object({ version: z.number(), effectiveFrom: z.string(), origin: z.string() })),
  source: z.string(),
  /** The normalised contract (src/core/contract/types.ts Contract). */
  spec: z.record(z.string(), z.unknown()),
}).openapi('ContractDetail');

export const OutcomeStatus = z
  .object({
    portfolio: z.string(),
    portfolioName: z.string(),
    workflows: z.array(z.string()),
    metric: z.string(),
    label: z.string(),
    direction: z.string(),
    unit: z.string(),
    result: MetricResult,
    target: z.number(),
    baseline: z.number().nullable(),
    attainment: z.number().nullable(),
    /** met, on_track (moved but not at target), off_track, insufficient. */
    status: z.enum(['met', 'improving', 'off_track', 'insufficient']),
    /** The pay the period-to-date value would earn, as an invoice amount string. */
    projectedPay: z.string(),
    payFraction: z.number(),
  })
  .openapi('OutcomeStatus');

export const Overview = z
  .object({
    contract: ContractSummary,
    period: z.string(),
    outcomes: z.array(OutcomeStatus),
    keyMeasurements: z.array(
      z.object({
        metric: z.string(),
        label: z.string(),
        threshold: z.number(),
        direction: z.string(),
        result: MetricResult,
        met: z.boolean().nullable(),
      }),
    ),
    projectedTotal: z.string(),
    baseFee: z.string(),
    provisional: z.boolean(),
  })
  .openapi('Overview');

export const Invoice = z
  .object({
    contract: z.string(),
    period: z.string(),
    kind: z.enum(['provisional', 'final']),
    currency: z.string(),
    total: z.string(),
    /** The settlement parts with their lines and traces (src/core/settlement/types.ts Settlement). */
    parts: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('Invoice');

export const Proposal = z
  .object({
    id: z.string(),
    contract: z.string(),
    baseVersion: z.number(),
    period: z.string(),
    status: z.string(),
    effectiveFrom: z.string(),
    approvals: z.array(z.object({ party: z.string(), decision: z.string(), decidedAt: z.string() })),
    /** Whose turn it is: parties of `approval` that have not decided. */
    awaiting: z.array(z.string()),
    body: z.record(z.string(), z.unknown()),
  })
  .openapi('Proposal');

export const ImportSummary = z
  .object({
    file: z.string(),
    dataset: z.string(),
    read: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    replaced: z.number(),
    rejects: z.array(
      z.object({
        line: z.number().nullable(),
        column: z.string().nullable(),
        value: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('ImportSummary');

export const Site = z.object({ site: z.string(), vendor: z.string(), timezone: z.string() }).openapi('Site');

export type SiteT = z.infer<typeof Site>;
export type UserT = z.infer<typeof User>;
export type MetricResultT = z.infer<typeof MetricResult>;
export type QueryRequestT = z.infer<typeof QueryRequest>;
export type OverviewT = z.infer<typeof Overview>;
export type ProposalT = z.infer<typeof Proposal>;
export type InvoiceT = z.infer<typeof Invoice>;
export type ContractSummaryT = z.infer<typeof ContractSummary>;
export type ContractDetailT = z.infer<typeof ContractDetail>;
export type MetricInfoT = z.infer<typeof MetricInfo>;
export type MeT = z.infer<typeof Me>;

// --- Renewal scorecard and RFP (docs/renewal.md, docs/rfp.md, docs/api.md) -----------------
// The full shapes are the core types (src/core/renewal/types.ts Scorecard,
// src/core/rfp/evaluate.ts RfpEvaluation); deeply nested parts are records here.

const Loose = z.record(z.string(), z.unknown());

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

export type RenewalScorecardT = z.infer<typeof RenewalScorecard>;
export type RfpComparisonT = z.infer<typeof RfpComparison>;
export type RfpSubmissionSummaryT = z.infer<typeof RfpSubmissionSummary>;
export type RfpQuestionsT = z.infer<typeof RfpQuestions>;
export type RfpResponseSubmissionT = z.input<typeof RfpResponseSubmission>;
export type RfpSubmissionResultT = z.infer<typeof RfpSubmissionResult>;
