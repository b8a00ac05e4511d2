import type { Migration } from './migrations.js';
import { policiesWith } from './row-security.js';

/**
 * Languages (versions 90-94 belong to this area): each user's language, and the tenant's
 * default for users who chose none (src/server/language-preferences.ts).
 */
export const LANGUAGE_MIGRATION: Migration = {
  version: 90,
  name: 'user language and tenant default language',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      // Beside users, not a column of it: the users table keeps its released shape.
      `CREATE TABLE user_languages (
        tenant ${text} NOT NULL,
        email ${text} NOT NULL,
        language ${text} NOT NULL,
        PRIMARY KEY (tenant, email)
      )`,
      `CREATE TABLE tenant_languages (
        tenant ${text} NOT NULL PRIMARY KEY,
        language ${text} NOT NULL
      )`,
      // Every user of the tenant (vendors' included) reads its default.
      ...dialect.rowSecurity('user_languages', policiesWith('true')),
      ...dialect.rowSecurity('tenant_languages', policiesWith('true')),
    ];
  },
};
