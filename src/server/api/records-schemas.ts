import { z } from '@hono/zod-openapi';

/** Disputes, the audit log and webhooks (docs/records.md). */
const Evidence = z.object({ name: z.string().max(120), content: z.string().max(2_800_000) });

export const DisputeOpen = z
  .object({
    settlement: z.string().max(300),
    line: z.string().max(300),
    claimed: z.string().max(40),
    reason: z.string().max(4000),
    evidence: z.array(Evidence).max(10).optional(),
  })
  .openapi('DisputeOpen');
export const DisputeComment = z
  .object({ message: z.string().max(4000), evidence: z.array(Evidence).max(10).optional() })
  .openapi('DisputeComment');
export const DisputeResolve = z
  .object({
    outcome: z.enum(['accepted', 'rejected', 'withdrawn']),
    agreed: z.string().max(40).optional(),
    note: z.string().max(4000).optional(),
  })
  .openapi('DisputeResolve');

const Message = z.object({
  no: z.number(),
  at: z.string(),
  author: z.string(),
  party: z.string(),
  kind: z.string(),
  body: z.string(),
  evidence: z.array(z.object({ name: z.string(), bytes: z.number(), sha256: z.string() })),
});

export const Dispute = z
  .object({
    id: z.string(),
    contract: z.string(),
    vendor: z.string(),
    settlement: z.string(),
    period: z.string(),
    line: z.string(),
    lineLabel: z.string(),
    lineAmount: z.string(),
    claimed: z.string(),
    currency: z.string(),
    reason: z.string(),
    openedBy: z.string(),
    openedParty: z.string(),
    status: z.string(),
    agreed: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    appliedSettlement: z.string().nullable(),
    messages: z.array(Message).optional(),
  })
  .openapi('Dispute');
export type DisputeT = z.infer<typeof Dispute>;

export const AuditEntry = z
  .object({
    tenant: z.string(),
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .openapi('AuditEntry');
export type AuditEntryT = z.infer<typeof AuditEntry>;

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number(),
    seq: z.number().optional(),
    problem: z.string().optional(),
  })
  .openapi('AuditVerification');

export const WebhookAdd = z
  .object({
    url: z.string().max(2000),
    secret: z.string().min(16).max(200),
    events: z.array(z.string().max(40)).min(1).max(20),
    vendor: z.string().max(200).optional(),
  })
  .openapi('WebhookAdd');
export const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    vendor: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Webhook');
export const Delivery = z
  .object({
    webhook: z.string(),
    event: z.string(),
    type: z.string(),
    status: z.string(),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastResult: z.string().nullable(),
  })
  .openapi('WebhookDelivery');
export const EmailOptIn = z.object({ email: z.boolean() }).openapi('EmailOptIn');

export const StoredSettlements = z
  .object({
    settlements: z.array(
      z.object({
        id: z.string(),
        period: z.string(),
        kind: z.string(),
        currency: z.string(),
        total: z.string(),
        createdAt: z.string(),
        lines: z.array(z.object({ id: z.string(), label: z.string(), amount: z.string(), kind: z.string() })),
      }),
    ),
    /** Accepted disputes a settlement of the period carries as adjustment lines. */
    adjustments: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('StoredSettlements');
export type StoredSettlementsT = z.infer<typeof StoredSettlements>;
