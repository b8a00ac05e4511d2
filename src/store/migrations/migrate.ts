import { raw, sql } from '../../core/sql/fragment.js';
import { distributeSchema } from '../postgres/distribution.js';
import type { Store } from '../store.js';
import { BACKLOG_INDEX_MIGRATION } from './backlog-index-migration.js';
import { CONTACT_FACTS_MIGRATION } from './contact-facts.js';
import { CUSTOM_DEFINITION_MIGRATIONS } from './custom-definitions.js';
import { DISPUTE_SCOPE_MIGRATION } from './dispute-scope-migration.js';
import { ALERTS_MIGRATION, EXPERIMENTS_MIGRATION } from './evidence-migration.js';
import { FLAT_POLICIES_MIGRATION } from './flat-policies.js';
import { IDENTITY_MIGRATION } from './identity-migration.js';
import { LANGUAGE_MIGRATION } from './language-migration.js';
import { MEASUREMENT_CACHE_MIGRATION } from './measurement-cache-migration.js';
import { MIGRATIONS } from './migrations.js';
import { RECORDS_MIGRATION } from './records-migration.js';
import { RFP_POLICIES_MIGRATION, RFP_TABLES_MIGRATION } from './rfp-migration.js';
import { SECURITY_MIGRATION } from './security-migration.js';
import { SERVER_MIGRATION } from './server-migration.js';
import { TENANT_MIGRATION } from './tenant-migration.js';
import { VENDOR_INDEX_MIGRATION } from './vendor-index-migration.js';
import { WAVE_FLAT_POLICIES_MIGRATION } from './wave-flat-policies.js';

/** Every migration, in the order they apply. */
export const ALL_MIGRATIONS = [
  ...MIGRATIONS,
  SERVER_MIGRATION,
  CONTACT_FACTS_MIGRATION,
  FLAT_POLICIES_MIGRATION,
  SECURITY_MIGRATION,
  RECORDS_MIGRATION,
  EXPERIMENTS_MIGRATION,
  ALERTS_MIGRATION,
  ...CUSTOM_DEFINITION_MIGRATIONS,
  LANGUAGE_MIGRATION,
  WAVE_FLAT_POLICIES_MIGRATION,
  TENANT_MIGRATION,
  IDENTITY_MIGRATION,
  RFP_TABLES_MIGRATION,
  RFP_POLICIES_MIGRATION,
  MEASUREMENT_CACHE_MIGRATION,
  VENDOR_INDEX_MIGRATION,
  BACKLOG_INDEX_MIGRATION,
  DISPUTE_SCOPE_MIGRATION,
];

/** Brings the schema up to the latest version; each migration commits whole or not at all. */
export async function migrate(store: Store): Promise<number[]> {
  await store.run(
    raw(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`),
  );
  const rows = await store.query<{ version: number }>(raw('SELECT version FROM schema_migrations'));
  const applied = new Set(rows.map((row) => row.version));
  const done: number[] = [];
  for (const migration of ALL_MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await store.transaction(async (tx) => {
      for (const statement of migration.statements(store.dialect)) await tx.run(raw(statement));
      await tx.run(
        sql`INSERT INTO schema_migrations VALUES (${migration.version}, ${migration.name}, CURRENT_TIMESTAMP)`,
      );
    });
    done.push(migration.version);
  }
  // On Citus, the tables the migrations created are distributed by tenant (no manual step).
  await distributeSchema(store);
  return done;
}
