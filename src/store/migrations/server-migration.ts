import type { Migration } from './migrations.js';

/** Users, sessions and API tokens of the server (kept apart from the data migrations). */
export const SERVER_MIGRATION: Migration = {
  version: 50,
  name: 'users, sessions and API tokens',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      `CREATE TABLE users (
        tenant ${text} NOT NULL,
        email ${text} NOT NULL,
        name ${text} NOT NULL,
        role ${text} NOT NULL,
        organisation ${text} NOT NULL,
        site ${text},
        agent_id ${text},
        password_hash ${text} NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, email)
      )`,
      `CREATE TABLE sessions (
        tenant ${text} NOT NULL,
        session_hash ${text} NOT NULL,
        email ${text} NOT NULL,
        csrf_token ${text} NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, session_hash)
      )`,
      `CREATE TABLE api_tokens (
        tenant ${text} NOT NULL,
        token_hash ${text} NOT NULL,
        email ${text} NOT NULL,
        label ${text} NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, token_hash)
      )`,
    ];
  },
};
