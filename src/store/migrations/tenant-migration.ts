import type { Migration } from './migrations.js';

/**
 * Migration 100 (versions 100-104 belong to the multi-tenant server, docs/security.md):
 * the store's tenants, and the server-wide directory that finds a user's tenant from
 * their e-mail at sign-in. Neither has a `tenant` column: both are read before a tenant
 * is known, by the server for every tenant, and Citus copies them to every node as
 * reference tables. They hold no secret: a tenant's name and which tenant an e-mail is in.
 * The one-time setup links of a store without users live beside them, hashed.
 * Sessions started before change shape (their value now names the tenant): all end.
 */
export const TENANT_MIGRATION: Migration = {
  version: 100,
  name: 'tenants, the e-mail directory and setup links',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      `CREATE TABLE tenants (
        tenant_id ${text} NOT NULL PRIMARY KEY,
        name ${text} NOT NULL,
        is_demo BOOLEAN NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      )`,
      // E-mails lower-cased: unique per server whatever their case.
      `CREATE TABLE user_directory (
        email ${text} NOT NULL PRIMARY KEY,
        tenant_id ${text} NOT NULL
      )`,
      `CREATE TABLE setup_tokens (
        token_hash ${text} NOT NULL PRIMARY KEY,
        expires_at TIMESTAMPTZ NOT NULL
      )`,
      // The tenants a store already holds: those with users, contracts or imported data.
      `INSERT INTO tenants (tenant_id, name, is_demo, created_at)
        SELECT tenant, tenant, false, CURRENT_TIMESTAMP FROM (
          SELECT tenant FROM users UNION SELECT tenant FROM contract_versions
          UNION SELECT tenant FROM import_batches) known`,
      // An e-mail already in two tenants signs in to the first (by id) until one is removed.
      `INSERT INTO user_directory (email, tenant_id)
        SELECT lower(email), min(tenant) FROM users GROUP BY lower(email)`,
      'DELETE FROM sessions',
    ];
  },
};
