import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import { type MappingSpec, parseMapping } from './mapping/load-mapping.js';
import { type CompiledMappingFactory, mappingFactory } from './mapping-hook.js';

/**
 * Mappings stored per tenant (`covenant mapping apply`), for imports that name one
 * (`POST /api/imports/{dataset}?mapping=NAME`). Kept as the YAML applied.
 */

export async function applyMapping(
  store: Executor,
  tenant: string,
  spec: MappingSpec,
  source: string,
): Promise<'created' | 'updated'> {
  const existing = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM stored_mappings WHERE tenant = ${tenant} AND name = ${spec.name}`,
  );
  await store.run(sql`DELETE FROM stored_mappings WHERE tenant = ${tenant} AND name = ${spec.name}`);
  await store.run(
    sql`INSERT INTO stored_mappings VALUES (${tenant}, ${spec.name}, ${spec.dataset}, ${source}, CURRENT_TIMESTAMP)`,
  );
  return Number(existing[0]?.n ?? 0) > 0 ? 'updated' : 'created';
}

export interface StoredMapping {
  name: string;
  dataset: string;
  source: string;
  appliedAt: string;
}

export async function listMappings(store: Executor, tenant: string): Promise<StoredMapping[]> {
  const rows = await store.query<{ name: string; dataset: string; source: string; applied_at: string }>(
    sql`SELECT name, dataset, source, applied_at FROM stored_mappings WHERE tenant = ${tenant} ORDER BY name`,
  );
  return rows.map((r) => ({ name: r.name, dataset: r.dataset, source: r.source, appliedAt: r.applied_at }));
}

export async function removeMapping(store: Executor, tenant: string, name: string): Promise<void> {
  if (!(await listMappings(store, tenant)).some((m) => m.name === name)) {
    throw new UserError(`no stored mapping ${name} in tenant ${tenant}`);
  }
  await store.run(sql`DELETE FROM stored_mappings WHERE tenant = ${tenant} AND name = ${name}`);
}

/** The stored mapping `name`, ready to compile against each file's header. */
export async function storedMappingFactory(
  store: Executor,
  tenant: string,
  name: string,
): Promise<CompiledMappingFactory> {
  const found = (await listMappings(store, tenant)).find((m) => m.name === name);
  if (!found) {
    const names = (await listMappings(store, tenant)).map((m) => m.name);
    throw new UserError(
      `no stored mapping ${name}${names.length > 0 ? `; stored: ${names.join(', ')}` : ' (store one with covenant mapping apply)'}`,
    );
  }
  const parsed = parseMapping(found.source, `mapping ${name}`);
  if (!parsed.ok) throw new UserError(`the stored mapping ${name} no longer parses`, parsed.issues);
  return mappingFactory(parsed.value, `mapping ${name}`);
}
