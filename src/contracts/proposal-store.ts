import { contractDiff, formatDiff } from '../core/contract/diff.js';
import type { Party } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import {
  checkDecision,
  checkProposedSource,
  type Decision,
  effectiveDate,
  type ProposalBody,
  type ProposalStatus,
  type RecordedDecision,
  verdict,
  withEffectiveFrom,
} from '../core/recalibration/index.js';
import { join, sql } from '../core/sql/fragment.js';
import { instantMs } from '../core/time/zone.js';
import { appendAudit } from '../records/audit.js';
import type { Executor, Store } from '../store/store.js';
import { getVersion, listVersions, storeVersion } from './contract-store.js';

/**
 * Proposals and their approvals in the store. A proposal is open until a party named in
 * recalibration.approval rejects it (rejected) or every one of them approved it: then,
 * in the same transaction as the last approval, its terms are stored as the contract's
 * next version (applied), effective from the stated date or, when approved after it,
 * the day after the approval (never retroactively).
 */

export interface Proposal {
  id: string;
  contract: string;
  baseVersion: number;
  period: string;
  status: ProposalStatus;
  /** The stated date while open or rejected; the version's effective date once applied. */
  effectiveFrom: string;
  createdAt: string;
  decidedAt: string | null;
  body: ProposalBody;
  /** The next version's YAML (with the effective date it took, once applied). */
  proposedSource: string;
  decisions: RecordedDecision[];
  /** The version the proposal became, once applied. */
  appliedVersion?: number;
}

interface ProposalRow {
  proposal_id: string;
  contract_id: string;
  base_version: number;
  period: string;
  status: string;
  effective_from: string;
  body: string;
  proposed_source: string;
  created_at: string;
  decided_at: string | null;
}

const SELECT = sql`SELECT proposal_id, contract_id, base_version, period, status,
    CAST(effective_from AS VARCHAR) AS effective_from, CAST(body AS VARCHAR) AS body, proposed_source,
    created_at, decided_at FROM proposals`;

export async function insertProposal(
  tx: Executor,
  tenant: string,
  p: { id: string; body: ProposalBody; proposedSource: string; createdAt: string },
): Promise<void> {
  await tx.run(sql`INSERT INTO proposals VALUES (${tenant}, ${p.id}, ${p.body.contract}, ${p.body.baseVersion},
    ${p.body.period}, 'open', CAST(${p.body.effectiveFrom} AS DATE), ${JSON.stringify(p.body)}, ${p.proposedSource},
    CAST(${p.createdAt} AS TIMESTAMPTZ), NULL)`);
  await appendAudit(tx, tenant, {
    action: 'proposal.created',
    subject: p.id,
    after: p.id,
    detail: { contract: p.body.contract, baseVersion: p.body.baseVersion },
    event: {
      type: 'proposal.created',
      vendor: p.body.scope.vendor,
      data: { proposal: p.id, contract: p.body.contract, awaiting: p.body.approval },
    },
  });
}

/** `<contract>-r<N>`, N one more than the contract's proposals so far. */
export async function nextProposalId(tx: Executor, tenant: string, contractId: string): Promise<string> {
  const [row] = await tx.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM proposals WHERE tenant = ${tenant} AND contract_id = ${contractId}`,
  );
  return `${contractId}-r${Number(row?.n ?? 0) + 1}`;
}

async function decisionsOf(
  tx: Executor,
  tenant: string,
  ids: string[],
): Promise<Map<string, RecordedDecision[]>> {
  const out = new Map<string, RecordedDecision[]>();
  if (ids.length === 0) return out;
  const rows = await tx.query<{ proposal_id: string; party: string; decision: string; decided_at: string }>(
    sql`SELECT proposal_id, party, decision, decided_at FROM approvals WHERE tenant = ${tenant}
        AND proposal_id IN (${join(ids.map((id) => sql`${id}`))}) ORDER BY decided_at, party`,
  );
  for (const row of rows) {
    const list = out.get(row.proposal_id) ?? [];
    list.push({ party: row.party, decision: row.decision as Decision, decidedAt: row.decided_at });
    out.set(row.proposal_id, list);
  }
  return out;
}

async function appliedVersions(tx: Executor, tenant: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ origin: string; version: number }>(
    sql`SELECT origin, version FROM contract_versions WHERE tenant = ${tenant} AND origin LIKE ${'proposal %'}`,
  );
  return new Map(rows.map((row) => [row.origin.slice('proposal '.length), row.version]));
}

export async function listProposals(
  tx: Executor,
  tenant: string,
  filter: { id?: string; contract?: string; status?: string } = {},
): Promise<Proposal[]> {
  const rows = await tx.query<ProposalRow>(sql`${SELECT} WHERE tenant = ${tenant}
    ${filter.id === undefined ? sql`` : sql`AND proposal_id = ${filter.id}`}
    ${filter.contract === undefined ? sql`` : sql`AND contract_id = ${filter.contract}`}
    ${filter.status === undefined ? sql`` : sql`AND status = ${filter.status}`}
    ORDER BY created_at, proposal_id`);
  const decisions = await decisionsOf(
    tx,
    tenant,
    rows.map((row) => row.proposal_id),
  );
  const applied = await appliedVersions(tx, tenant);
  return rows.map((row) => {
    const version = applied.get(row.proposal_id);
    return {
      id: row.proposal_id,
      contract: row.contract_id,
      baseVersion: Number(row.base_version),
      period: row.period,
      status: row.status as ProposalStatus,
      effectiveFrom: row.effective_from,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
      body: JSON.parse(row.body) as ProposalBody,
      proposedSource: row.proposed_source,
      decisions: decisions.get(row.proposal_id) ?? [],
      ...(version === undefined ? {} : { appliedVersion: version }),
    };
  });
}

export async function getProposal(tx: Executor, tenant: string, id: string): Promise<Proposal> {
  const [found] = await listProposals(tx, tenant, { id });
  if (!found) throw new UserError(`no proposal ${id} (covenant proposal list shows them)`);
  return found;
}

export interface DecisionReport {
  proposal: Proposal;
  party: Party;
  decision: Decision;
  /** Parties still to decide (approval). */
  waitingFor: Party[];
  /** Set when this decision completed the approvals. */
  applied?: { version: number; effectiveFrom: string; stated: string; moved: boolean; earliest: string };
}

/**
 * Records a party's decision. The last approval stores the next version in the same
 * transaction; any refusal (not a party, decided already, closed, the contract moved on
 * since the proposal) rolls the whole decision back.
 */
export async function decideProposal(
  store: Store,
  tenant: string,
  id: string,
  party: string,
  decision: Decision,
  at?: string,
): Promise<DecisionReport> {
  const decidedAt = new Date(at === undefined ? Date.now() : instantMs(at)).toISOString();
  const report = await store.transaction(async (tx) => {
    const proposal = await getProposal(tx, tenant, id);
    const { body } = proposal;
    const who = checkDecision(
      proposal.status,
      body.approval,
      proposal.decisions,
      party,
      decidedAt,
      proposal.createdAt,
    );
    await tx.run(sql`INSERT INTO approvals VALUES (${tenant}, ${id}, ${who}, ${decision},
      CAST(${decidedAt} AS TIMESTAMPTZ))`);
    const decisions = [...proposal.decisions, { party: who, decision, decidedAt }];
    const result = verdict(body.approval, decisions);
    const approved = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.party));
    const waitingFor = result === 'waiting' ? body.approval.filter((p) => !approved.has(p)) : [];
    await appendAudit(tx, tenant, {
      action: 'proposal.decided',
      subject: id,
      detail: { party: who, decision, result },
      event: {
        type: 'proposal.decided',
        vendor: body.scope.vendor,
        data: { proposal: id, contract: body.contract, party: who, decision, result, awaiting: waitingFor },
      },
    });
    if (result === 'rejected') {
      await tx.run(sql`UPDATE proposals SET status = 'rejected', decided_at = CAST(${decidedAt} AS TIMESTAMPTZ)
        WHERE tenant = ${tenant} AND proposal_id = ${id}`);
      return { party: who, decision, waitingFor };
    }
    if (result === 'waiting') return { party: who, decision, waitingFor };
    const applied = await applyProposal(tx, tenant, proposal, decidedAt);
    return { party: who, decision, waitingFor, applied };
  });
  return { ...report, proposal: await getProposal(store, tenant, id) };
}

async function applyProposal(
  tx: Executor,
  tenant: string,
  proposal: Proposal,
  approvedAt: string,
): Promise<NonNullable<DecisionReport['applied']>> {
  const { body } = proposal;
  const versions = await listVersions(tx, tenant, proposal.contract);
  const latest = versions.at(-1);
  if (!latest || latest.version !== proposal.baseVersion) {
    throw new UserError(
      `${proposal.contract} is at version ${latest?.version ?? 'none'} since this proposal was made on version ` +
        `${proposal.baseVersion}: reject it and recalibrate again`,
    );
  }
  const zone = latest.contract.timezone;
  const when = effectiveDate(body.effectiveFrom, approvedAt, body.effectiveLag, zone);
  if (when.date <= latest.effectiveFrom) {
    throw new UserError(
      `version ${latest.version} is in force from ${latest.effectiveFrom}: the next one must start after it, not ${when.date}`,
    );
  }
  const source = when.moved
    ? withEffectiveFrom(
        proposal.proposedSource,
        when.date,
        `Approved ${approvedAt}, after the stated date ${body.effectiveFrom}: effective from ${when.date} (never retroactively).`,
      )
    : proposal.proposedSource;
  const contract = checkProposedSource(source, `${proposal.id} (proposed)`);
  const stored = await storeVersion(tx, tenant, {
    contract,
    source,
    origin: `proposal ${proposal.id}`,
    effectiveFrom: when.date,
  });
  if (!stored.created) {
    throw new UserError(
      `the proposed terms equal version ${stored.version}: nothing to apply; reject the proposal`,
    );
  }
  await tx.run(sql`UPDATE proposals SET status = 'applied', decided_at = CAST(${approvedAt} AS TIMESTAMPTZ),
      effective_from = CAST(${when.date} AS DATE), proposed_source = ${source}
    WHERE tenant = ${tenant} AND proposal_id = ${proposal.id}`);
  return {
    version: stored.version,
    effectiveFrom: when.date,
    stated: body.effectiveFrom,
    moved: when.moved,
    earliest: when.earliest,
  };
}

/** What the proposal changes in the terms of its base version, one line per change (contract diff). */
export async function proposalChanges(
  store: Executor,
  tenant: string,
  proposal: Proposal,
): Promise<string[]> {
  const base = await getVersion(store, tenant, proposal.contract, proposal.baseVersion);
  const proposed = checkProposedSource(proposal.proposedSource, `${proposal.id} (proposed)`);
  return formatDiff(contractDiff(base.contract, proposed));
}
