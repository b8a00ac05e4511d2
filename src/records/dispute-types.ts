import { Money } from '../core/money/money.js';

/** A dispute's shapes: as stored (DisputeRow) and as answered (Dispute). */
export type Party = 'client' | 'vendor';
export type DisputeStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';
export type Resolution = Exclude<DisputeStatus, 'open'>;

export interface Evidence {
  name: string;
  /** Base64 of the file's bytes. */
  content: string;
}

export interface Message {
  no: number;
  at: string;
  author: string;
  party: Party;
  kind: 'opened' | 'comment' | Resolution;
  body: string;
  evidence: { name: string; bytes: number; sha256: string }[];
}

export interface Dispute {
  id: string;
  contract: string;
  vendor: string;
  settlement: string;
  period: string;
  line: string;
  lineLabel: string;
  lineAmount: string;
  claimed: string;
  currency: string;
  reason: string;
  openedBy: string;
  openedParty: Party;
  status: DisputeStatus;
  agreed: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** The settlement that carries the adjustment (accepted disputes, once settled). */
  appliedSettlement: string | null;
  messages?: Message[];
}

export interface DisputeRow {
  dispute_id: string;
  contract_id: string;
  vendor: string;
  settlement_id: string;
  period: string;
  line_id: string;
  line_label: string;
  line_amount: string;
  claimed: string;
  currency: string;
  reason: string;
  opened_by: string;
  opened_party: string;
  status: string;
  agreed: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  applied_settlement: string | null;
}

export const toDispute = (r: DisputeRow): Dispute => ({
  id: r.dispute_id,
  contract: r.contract_id,
  vendor: r.vendor,
  settlement: r.settlement_id,
  period: r.period,
  line: r.line_id,
  lineLabel: r.line_label,
  lineAmount: Money.parse(String(r.line_amount), r.currency).toFixed(),
  claimed: Money.parse(String(r.claimed), r.currency).toFixed(),
  currency: r.currency,
  reason: r.reason,
  openedBy: r.opened_by,
  openedParty: r.opened_party as Party,
  status: r.status as DisputeStatus,
  agreed: r.agreed === null ? null : Money.parse(String(r.agreed), r.currency).toFixed(),
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  createdAt: r.created_at,
  appliedSettlement: r.applied_settlement,
});
