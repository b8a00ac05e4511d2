import { z } from '@hono/zod-openapi';
import { MetricResult } from './metric-schemas.js';

/** Contracts: their summaries and versions, the overview of a period, invoices and recalibration proposals. */

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
    /** The value against the target in the outcome's direction: met, missed, or insufficient data. */
    status: z.enum(['met', 'missed', 'insufficient']),
    /** Moved from the baseline in the better direction with p < 0.05. */
    improving: z.boolean(),
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

export type OverviewT = z.infer<typeof Overview>;
export type ProposalT = z.infer<typeof Proposal>;
export type InvoiceT = z.infer<typeof Invoice>;
export type ContractSummaryT = z.infer<typeof ContractSummary>;
export type ContractDetailT = z.infer<typeof ContractDetail>;
