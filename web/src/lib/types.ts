/**
 * The API's shapes, imported as types only from the server's zod schemas (nothing from
 * src/ runs in the browser). Invoice parts and proposal bodies are typed as records by the
 * API; their core types say what they hold.
 */

export type { Contract, KeyMeasurement, Portfolio } from '../../../src/core/contract/types';
export type { TriggerResult } from '../../../src/core/recalibration/triggers';
export type { ProposalBody, TargetProposal } from '../../../src/core/recalibration/types';
export type { InvoiceLine, OutcomeTrace, Settlement } from '../../../src/core/settlement/types';
export type {
  ContractDetailT as ContractDetail,
  ContractSummaryT as ContractSummary,
  InvoiceT as Invoice,
  MeT as Me,
  MetricInfoT as MetricInfo,
  MetricResultT as MetricResult,
  OverviewT as Overview,
  ProposalT as Proposal,
  QueryAnswerT as QueryAnswer,
  QueryRequestT as QueryRequest,
  UserT as User,
} from '../../../src/server/api/schemas';

import type { OverviewT, UserT } from '../../../src/server/api/schemas';

export type Role = UserT['role'];
export type OutcomeStatus = OverviewT['outcomes'][number];
export type KeyMeasurementStatus = OverviewT['keyMeasurements'][number];

/** GET /api/sites: a row of the sites dataset (data-formats.md). Not in schemas.ts yet. */
export interface Site {
  site: string;
  vendor: string;
  timezone: string;
  country?: string | null;
}

/** The body a query is sent with: QueryRequest with its defaulted fields optional. */
export interface QueryBody {
  metrics: string[];
  period: string;
  timezone?: string;
  where?: Record<string, string[]>;
  by?: string[];
  grain?: 'day' | 'week' | 'month';
  params?: Record<string, string>;
  baseline?: string;
  minN?: number;
  contract?: string;
}
