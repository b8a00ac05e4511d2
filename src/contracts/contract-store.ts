import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseContract } from '../core/contract/parse-contract.js';
import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import { loadTenantMetrics } from '../query/custom-metric-store.js';
import { appendAudit } from '../records/audit.js';
import type { Executor } from '../store/store.js';
import { parseStoredContract } from './parsed-contracts.js';

export interface StoredVersion {
  contractId: string;
  version: number;
  effectiveFrom: string;
  source: string;
  contract: Contract;
  origin: string;
  createdAt: string;
}

interface VersionRow {
  contract_id: string;
  version: number;
  effective_from: string;
  source: string;
  origin: string;
  created_at: string;
}

/** The normalised terms, minus the version number: equal digests mean equal terms. */
const digestOf = (contract: Contract) =>
  createHash('sha256')
    .update(JSON.stringify({ ...contract, version: 0 }))
    .digest('hex');

export async function readContractFile(file: string): Promise<{ contract: Contract; source: string }> {
  const source = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const parsed = parseContract(source, file);
  if (!parsed.ok)
    throw new UserError(`${file}: ${parsed.issues.length} problem(s) in the contract`, parsed.issues);
  return { contract: parsed.value, source };
}

/** Stores a new version unless the terms equal the latest version's; returns the version in force. */
export async function storeVersion(
  tx: Executor,
  tenant: string,
  input: { contract: Contract; source: string; origin: string; effectiveFrom?: string },
): Promise<{ version: number; created: boolean }> {
  const { contract, source } = input;
  const digest = digestOf(contract);
  const [latest] = await tx.query<{ version: number; digest: string }>(
    sql`SELECT version, digest FROM contract_versions WHERE tenant = ${tenant} AND contract_id = ${contract.name}
        ORDER BY version DESC LIMIT 1`,
  );
  if (latest?.digest === digest) return { version: latest.version, created: false };
  const version = (latest?.version ?? 0) + 1;
  const effectiveFrom = input.effectiveFrom ?? contract.effectiveFrom;
  await tx.run(sql`INSERT INTO contract_versions VALUES (${tenant}, ${contract.name}, ${version}, ${contract.client},
    ${contract.vendor}, CAST(${effectiveFrom} AS DATE), ${digest}, ${source}, ${JSON.stringify({ ...contract, version })},
    ${input.origin}, CURRENT_TIMESTAMP)`);
  await appendAudit(tx, tenant, {
    action: 'contract.version',
    subject: contract.name,
    before: latest ? `${contract.name} v${latest.version}` : null,
    after: `${contract.name} v${version}`,
    detail: { origin: input.origin, digest },
  });
  return { version, created: true };
}

export async function listVersions(
  store: Executor,
  tenant: string,
  contractId?: string,
): Promise<StoredVersion[]> {
  const rows = await store.query<VersionRow>(
    sql`SELECT contract_id, version, CAST(effective_from AS VARCHAR) AS effective_from, source, origin,
        CAST(created_at AS VARCHAR) AS created_at FROM contract_versions
        WHERE tenant = ${tenant} ${contractId === undefined ? sql`` : sql`AND contract_id = ${contractId}`}
        ORDER BY contract_id, version`,
  );
  // Outcomes may name the tenant's own metrics: their definitions are part of the parse.
  const metrics = await loadTenantMetrics(store, tenant);
  const metricsKey = JSON.stringify(metrics.map((m) => m.source));
  return rows.map((row) => {
    const contract = parseStoredContract(row.source, `${row.contract_id} v${row.version}`, metricsKey);
    return {
      contractId: row.contract_id,
      version: row.version,
      effectiveFrom: row.effective_from,
      source: row.source,
      contract: { ...contract, version: row.version },
      origin: row.origin,
      createdAt: row.created_at,
    };
  });
}

export async function getVersion(
  store: Executor,
  tenant: string,
  contractId: string,
  version?: number,
): Promise<StoredVersion> {
  const versions = await listVersions(store, tenant, contractId);
  if (versions.length === 0)
    throw new UserError(`no contract ${contractId} (covenant contract apply FILE stores one)`);
  const found = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!found) throw new UserError(`${contractId} has no version ${version} (it has 1..${versions.length})`);
  return found;
}
