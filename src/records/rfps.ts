import { UserError } from '../core/issues.js';
import { parseRfp } from '../core/rfp/parse.js';
import { checkSetup } from '../core/rfp/setup.js';
import type { Rfp } from '../core/rfp/types.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit, currentActor } from './audit.js';

/**
 * RFPs stored per tenant (docs/rfp.md, Stored RFPs): the YAML an RFP was created from (the
 * default template or an upload), its parsed spec, the deadline for responses, the
 * evaluators and the invited vendors. A vendor's session sees only the RFPs it is invited
 * to: the `vendor` filter here on DuckDB, row-level security as well on PostgreSQL.
 */

export interface RfpRecord {
  id: string;
  title: string;
  deadline: string;
  evaluators: string[];
  vendors: string[];
  createdBy: string;
  createdAt: string;
  rfp: Rfp;
}

export interface NewRfp {
  /** The RFP document (kind: RFP) as YAML, and the name its problems are reported under. */
  source: string;
  file: string;
  /** Default: the document's displayName. */
  title?: string;
  deadline: string;
  evaluators: readonly string[];
  vendors: readonly string[];
}

interface RfpRow {
  rfp_id: string;
  title: string;
  spec: string;
  deadline: string;
  evaluators: string[];
  invited_vendors: string[];
  created_by: string;
  created_at: string;
}

const toRecord = (r: RfpRow): RfpRecord => ({
  id: r.rfp_id,
  title: r.title,
  deadline: r.deadline,
  evaluators: [...r.evaluators],
  vendors: [...r.invited_vendors],
  createdBy: r.created_by,
  createdAt: r.created_at,
  rfp: JSON.parse(r.spec) as Rfp,
});

const COLUMNS = sql`rfp_id, title, CAST(spec AS VARCHAR) AS spec, deadline, evaluators, invited_vendors, created_by, created_at`;
const invited = (vendor: string | undefined) =>
  vendor === undefined ? sql`` : sql` AND ${vendor} = ANY(invited_vendors)`;

/** The tenant's RFPs, newest first; for a vendor, those it is invited to. */
export async function listRfps(tx: Executor, tenant: string, vendor?: string): Promise<RfpRecord[]> {
  const rows = await tx.query<RfpRow>(
    sql`SELECT ${COLUMNS} FROM rfps WHERE tenant = ${tenant}${invited(vendor)} ORDER BY created_at DESC, rfp_id`,
  );
  return rows.map(toRecord);
}

/** One RFP, or null (for a vendor, also when it is not invited: its existence is not disclosed). */
export async function findRfp(
  tx: Executor,
  tenant: string,
  id: string,
  vendor?: string,
): Promise<RfpRecord | null> {
  const [row] = await tx.query<RfpRow>(
    sql`SELECT ${COLUMNS} FROM rfps WHERE tenant = ${tenant} AND rfp_id = ${id}${invited(vendor)}`,
  );
  return row ? toRecord(row) : null;
}

export async function getRfp(tx: Executor, tenant: string, id: string, vendor?: string): Promise<RfpRecord> {
  const found = await findRfp(tx, tenant, id, vendor);
  if (!found) throw new UserError(`no RFP ${id} (covenant rfp list shows them)`);
  return found;
}

/** The YAML an RFP was created from. */
export async function rfpSource(tx: Executor, tenant: string, id: string): Promise<string | null> {
  const [row] = await tx.query<{ source: string }>(
    sql`SELECT source FROM rfps WHERE tenant = ${tenant} AND rfp_id = ${id}`,
  );
  return row?.source ?? null;
}

/** Evaluators are the client's users: each must be one (skipped only by the demo, which adds its users after). */
async function checkEvaluators(tx: Executor, tenant: string, evaluators: string[]): Promise<void> {
  const problems = [];
  for (const [i, email] of evaluators.entries()) {
    const [user] = await tx.query<{ role: string }>(
      sql`SELECT role FROM users WHERE tenant = ${tenant} AND lower(email) = ${email}`,
    );
    if (!user?.role.startsWith('client_'))
      problems.push({
        code: 'unknown_evaluator',
        path: ['evaluators', i],
        message: user
          ? `${email} is a ${user.role}: evaluators are the client's users`
          : `${email} is not a user of ${tenant} (covenant user add creates one)`,
      });
  }
  if (problems.length > 0) throw new UserError(`${problems.length} problem(s) with the evaluators`, problems);
}

/** Parses and checks the RFP and its setup (every problem at once), stores it and audits it. */
export async function createRfp(
  store: Store,
  tenant: string,
  input: NewRfp,
  options: { checkEvaluators?: boolean; at?: string } = {},
): Promise<RfpRecord> {
  const parsed = parseRfp(input.source, input.file);
  if (!parsed.ok)
    throw new UserError(`${input.file}: ${parsed.issues.length} problem(s) in the RFP`, parsed.issues);
  const rfp = parsed.value;
  const setup = checkSetup({
    id: rfp.name,
    title: input.title?.trim() || rfp.displayName,
    deadline: input.deadline,
    evaluators: input.evaluators,
    vendors: input.vendors,
  });
  if (!setup.ok) throw new UserError(`${setup.issues.length} problem(s) in the RFP's setup`, setup.issues);
  const s = setup.value;
  const createdAt = options.at ?? new Date().toISOString();
  const createdBy = currentActor();
  if (Date.parse(s.deadline) <= Date.parse(createdAt))
    throw new UserError(`the deadline ${s.deadline} has passed already (it is ${createdAt})`, [
      { code: 'deadline_passed', path: ['deadline'], message: `a deadline after ${createdAt}` },
    ]);
  return store.transaction(async (tx) => {
    if (options.checkEvaluators ?? true) await checkEvaluators(tx, tenant, s.evaluators);
    if (await findRfp(tx, tenant, s.id))
      throw new UserError(`an RFP ${s.id} exists already (metadata.name names the RFP; choose another)`);
    await tx.run(sql`INSERT INTO rfps VALUES (${tenant}, ${s.id}, ${s.title}, ${input.source},
      ${JSON.stringify(rfp)}, ${s.deadline}, ${s.evaluators}, ${s.vendors}, ${createdBy}, ${createdAt})`);
    await appendAudit(tx, tenant, {
      action: 'rfp.create',
      subject: s.id,
      after: s.id,
      detail: { title: s.title, deadline: s.deadline, evaluators: s.evaluators, vendors: s.vendors },
    });
    return { ...s, createdBy, createdAt, rfp };
  });
}
