import { raw, sql } from '../../core/sql/fragment.js';
import { postgresDialect } from '../../core/sql/postgres-dialect.js';
import type { Executor } from '../store.js';
import { StoreError } from '../store.js';

/**
 * Lets the application's role (a login that is not the tables' owner) read and write the
 * schema's tables, now and as later migrations add them. Row-level security still decides
 * which rows: without a session it sees none. Run as the owner, after migrating.
 */
export async function grantApplicationRole(owner: Executor, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new StoreError(`not a role name: ${role}`);
  const [row] = await owner.query<{ schema: string }>(sql`SELECT current_schema() AS schema`);
  const schema = postgresDialect.quoteIdent(row?.schema ?? 'public');
  const r = postgresDialect.quoteIdent(role);
  await owner.run(raw(`GRANT USAGE ON SCHEMA ${schema} TO ${r}`));
  await owner.run(raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${r}`));
  await owner.run(
    raw(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    ),
  );
  // The audit log is append-only for the application: INSERT and SELECT (docs/records.md).
  const [audit] = await owner.query<{ t: string | null }>(
    sql`SELECT CAST(to_regclass('audit_log') AS TEXT) AS t`,
  );
  if (audit?.t) await owner.run(raw(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_log FROM ${r}`));
}
