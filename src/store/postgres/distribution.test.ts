import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../../core/sql/fragment.js';
import { citusDialect } from '../../core/sql/postgres-dialect.js';
import { distributionProblems, type LiveSchema, liveSchema, REFERENCE_TABLES } from './distribution.js';
import type { PostgresStore } from './postgres-store.js';
import { openTestStore } from './test-support/test-server.js';

/**
 * The distribution rules on the live, fully migrated PostgreSQL schema: what Citus needs
 * to distribute every fact table by tenant (docs/scaling.md); citus.test.ts distributes it
 * on a real cluster.
 */
let store: PostgresStore;
let drop: () => Promise<void>;
let schema: LiveSchema;

beforeAll(async () => {
  ({ store, drop } = await openTestStore());
  schema = await liveSchema(store);
});
afterAll(() => drop?.());

describe('the schema distributes by tenant (Citus)', () => {
  it('holds the fact tables and the reference tables', () => {
    const names = schema.tables.map((t) => t.table);
    expect(names).toEqual(
      expect.arrayContaining(['interactions', 'agents', 'contract_versions', 'settlements']),
    );
    expect(names).toEqual(expect.arrayContaining(REFERENCE_TABLES));
    expect(schema.tables.find((t) => t.table === 'interactions')?.primaryKey).toEqual([
      'tenant',
      'interaction_id',
    ]);
  });

  it('every fact table has the tenant in its primary key and unique keys; no foreign key crosses tenants', () => {
    expect(distributionProblems(schema)).toEqual([]);
  });

  it('finds a key without the tenant and a foreign key across tenants when a schema has them', async () => {
    const scratch = await store
      .transaction(async (tx) => {
        await tx.run(raw('CREATE SCHEMA covenant_scratch'));
        await tx.run(raw('SET LOCAL search_path = covenant_scratch'));
        await tx.run(
          raw('CREATE TABLE parent (tenant TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tenant, id))'),
        );
        await tx.run(raw('CREATE UNIQUE INDEX parent_id ON parent (id)'));
        await tx.run(raw('CREATE TABLE loose (id TEXT PRIMARY KEY, tenant TEXT NOT NULL, parent_id TEXT)'));
        await tx.run(
          raw('ALTER TABLE loose ADD CONSTRAINT across FOREIGN KEY (parent_id) REFERENCES parent (id)'),
        );
        const found = await liveSchema(tx);
        throw Object.assign(new Error('roll back'), { found });
      })
      .catch((error: { found?: LiveSchema }) => error.found);
    expect(scratch && distributionProblems(scratch)).toEqual([
      'loose: primary key (id) without tenant',
      'loose: unique key loose_pkey (id) without tenant',
      'parent: unique key parent_id (id) without tenant',
      'loose: foreign key across (parent_id) -> parent (id) crosses tenants',
    ]);
  });

  it('the Citus dialect distributes the live schema: the shared tables as reference tables, the rest co-located by tenant', () => {
    const tables = schema.tables.map((t) => ({ table: t.table, reference: !t.columns.includes('tenant') }));
    const calls = citusDialect.distributeStatements(tables);
    const shared = REFERENCE_TABLES.length;
    expect(calls.slice(0, shared).sort()).toEqual(
      REFERENCE_TABLES.map((t) => `SELECT create_reference_table('${t}')`).sort(),
    );
    expect(calls[shared]).toBe("SELECT create_distributed_table('interactions', 'tenant')");
    const created = calls.filter((c) => c.includes('create_distributed_table')).length;
    expect(created).toBe(tables.filter((t) => !t.reference).length);
    expect(calls).toContain(
      "SELECT create_distributed_table('customers', 'tenant', colocate_with => 'interactions')",
    );
  });
});
