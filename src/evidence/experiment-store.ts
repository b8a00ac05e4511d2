import type { ExperimentDefinition } from '../core/experiment/index.js';
import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/** Stores an experiment; an id already stored is replaced (the definition is the latest word). */
export async function saveExperiment(tx: Executor, tenant: string, def: ExperimentDefinition): Promise<void> {
  await tx.run(sql`DELETE FROM experiments WHERE tenant = ${tenant} AND experiment_id = ${def.id}`);
  await tx.run(sql`INSERT INTO experiments VALUES (${tenant}, ${def.id}, ${def.contract}, ${JSON.stringify(def)},
    CURRENT_TIMESTAMP)`);
}

export async function listExperiments(
  store: Executor,
  tenant: string,
  contractId?: string,
): Promise<ExperimentDefinition[]> {
  const rows = await store.query<{ body: string }>(
    sql`SELECT CAST(body AS VARCHAR) AS body FROM experiments WHERE tenant = ${tenant}
        ${contractId === undefined ? sql`` : sql`AND contract_id = ${contractId}`} ORDER BY experiment_id`,
  );
  return rows.map((row) => JSON.parse(row.body) as ExperimentDefinition);
}

export async function getExperiment(
  store: Executor,
  tenant: string,
  id: string,
): Promise<ExperimentDefinition> {
  const rows = await store.query<{ body: string }>(
    sql`SELECT CAST(body AS VARCHAR) AS body FROM experiments WHERE tenant = ${tenant} AND experiment_id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw new UserError(`no experiment ${id} (covenant experiment add stores one)`);
  return JSON.parse(row.body) as ExperimentDefinition;
}

export async function removeExperiment(tx: Executor, tenant: string, id: string): Promise<void> {
  await getExperiment(tx, tenant, id);
  await tx.run(sql`DELETE FROM experiments WHERE tenant = ${tenant} AND experiment_id = ${id}`);
}
