import { createHash } from 'node:crypto';
import type { Issue } from '../core/issues.js';
import { checkOnTime } from '../core/rfp/setup.js';
import type { RfpResponse } from '../core/rfp/types.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit } from './audit.js';
import type { RfpRecord } from './rfps.js';

/**
 * Vendors' responses to stored RFPs (docs/rfp.md, Stored RFPs): the document as submitted,
 * its parsed form (answers, evidence with links, files and before/after values, pricing,
 * commitments), the evidence files sent with it and the parser's warnings. One response
 * per vendor and RFP: submitting again before the deadline replaces it (audited with the
 * time of the one replaced); at or after the deadline it is refused.
 */

export interface Attachment {
  name: string;
  text: string;
}

export interface AttachmentInfo {
  name: string;
  bytes: number;
  sha256: string;
}

export interface StoredResponse {
  rfp: string;
  vendor: string;
  submittedBy: string;
  submittedAt: string;
  response: RfpResponse;
  attachments: AttachmentInfo[];
  warnings: Issue[];
}

interface ResponseRow {
  rfp_id: string;
  vendor: string;
  submitted_by: string;
  submitted_at: string;
  response: string;
  attachments: string;
  warnings: string;
}

const infoOf = (a: Attachment): AttachmentInfo => ({
  name: a.name,
  bytes: Buffer.byteLength(a.text),
  sha256: createHash('sha256').update(a.text).digest('hex'),
});

const toStored = (r: ResponseRow): StoredResponse => ({
  rfp: r.rfp_id,
  vendor: r.vendor,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  response: JSON.parse(r.response) as RfpResponse,
  attachments: (JSON.parse(r.attachments) as (AttachmentInfo & { text?: string })[]).map(
    ({ name, bytes, sha256 }) => ({ name, bytes, sha256 }),
  ),
  warnings: JSON.parse(r.warnings) as Issue[],
});

/** The responses to an RFP, by vendor; for a vendor, only its own. */
export async function listResponses(
  tx: Executor,
  tenant: string,
  rfp: string,
  vendor?: string,
): Promise<StoredResponse[]> {
  const rows = await tx.query<ResponseRow>(sql`SELECT rfp_id, vendor, submitted_by, submitted_at,
      CAST(response AS VARCHAR) AS response, CAST(attachments AS VARCHAR) AS attachments,
      CAST(warnings AS VARCHAR) AS warnings
    FROM rfp_responses WHERE tenant = ${tenant} AND rfp_id = ${rfp}
    ${vendor === undefined ? sql`` : sql`AND vendor = ${vendor}`} ORDER BY vendor`);
  return rows.map(toStored);
}

/** An evidence file of a response, or null. */
export async function responseAttachment(
  tx: Executor,
  tenant: string,
  rfp: string,
  vendor: string,
  name: string,
): Promise<string | null> {
  const [row] = await tx.query<{ attachments: string }>(sql`SELECT CAST(attachments AS VARCHAR) AS attachments
    FROM rfp_responses WHERE tenant = ${tenant} AND rfp_id = ${rfp} AND vendor = ${vendor}`);
  const files = row ? (JSON.parse(row.attachments) as Attachment[]) : [];
  return files.find((f) => f.name === name)?.text ?? null;
}

export interface NewResponse {
  /** The parsed response (its vendor is the submitting organisation's). */
  response: RfpResponse;
  source: string;
  attachments: readonly Attachment[];
  warnings: readonly Issue[];
  submittedBy: string;
  /** Default: now. */
  at?: string;
}

/** Stores a vendor's response, replacing an earlier one; refused at or after the deadline. */
export async function submitResponse(
  store: Store,
  tenant: string,
  rfp: RfpRecord,
  input: NewResponse,
): Promise<StoredResponse> {
  const at = input.at ?? new Date().toISOString();
  checkOnTime(rfp.id, rfp.deadline, at);
  const vendor = input.response.vendor;
  const stored = { ...input.response, file: `${rfp.id}/${vendor}` };
  return store.transaction(async (tx) => {
    const [before] = await tx.query<{ submitted_at: string }>(sql`SELECT submitted_at FROM rfp_responses
      WHERE tenant = ${tenant} AND rfp_id = ${rfp.id} AND vendor = ${vendor}`);
    if (before)
      await tx.run(
        sql`DELETE FROM rfp_responses WHERE tenant = ${tenant} AND rfp_id = ${rfp.id} AND vendor = ${vendor}`,
      );
    const files = input.attachments.map((a) => ({ ...infoOf(a), text: a.text }));
    await tx.run(sql`INSERT INTO rfp_responses VALUES (${tenant}, ${rfp.id}, ${vendor}, ${input.submittedBy},
      ${at}, ${input.source}, ${JSON.stringify(stored)}, ${JSON.stringify(files)}, ${JSON.stringify(input.warnings)})`);
    await appendAudit(tx, tenant, {
      action: 'rfp.response',
      subject: `${rfp.id}/${vendor}`,
      before: before ? `${vendor} ${before.submitted_at}` : null,
      after: `${vendor} ${at}`,
      detail: {
        attachments: files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
        answers: input.response.answers.length,
      },
    });
    return {
      rfp: rfp.id,
      vendor,
      submittedBy: input.submittedBy,
      submittedAt: at,
      response: stored,
      attachments: files.map(infoOf),
      warnings: [...input.warnings],
    };
  });
}
