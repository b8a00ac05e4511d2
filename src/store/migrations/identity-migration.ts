import type { Dialect } from '../../core/sql/dialect.js';
import { flatPolicies } from './flat-policies.js';
import type { Migration } from './migrations.js';

/**
 * Sign-in with the tenants' identity providers (versions 105-109 belong to this area):
 * each tenant's OpenID Connect providers, whether its users may still sign in with a
 * password, and the sign-ins under way (state, nonce and PKCE verifier, single use).
 * Flat policies as migration 91: no vendor session reads any of them (a provider's
 * client secret is the tenant's, and sign-in runs in the tenant's session).
 */
export const IDENTITY_MIGRATION: Migration = {
  version: 105,
  name: 'identity providers, password sign-in per tenant, OpenID sign-ins under way',
  statements: (dialect: Dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    const tables = ['identity_providers', 'tenant_sign_in', 'oidc_logins'];
    return [
      `CREATE TABLE identity_providers (
        tenant ${text} NOT NULL,
        idp_id ${text} NOT NULL,
        display_name ${text} NOT NULL,
        issuer ${text} NOT NULL,
        client_id ${text} NOT NULL,
        client_secret ${text},
        config ${text} NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, idp_id)
      )`,
      `CREATE TABLE tenant_sign_in (
        tenant ${text} NOT NULL PRIMARY KEY,
        password_login BOOLEAN NOT NULL
      )`,
      `CREATE TABLE oidc_logins (
        tenant ${text} NOT NULL,
        state_hash ${text} NOT NULL,
        idp_id ${text} NOT NULL,
        nonce ${text} NOT NULL,
        code_verifier ${text} NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, state_hash)
      )`,
      ...(dialect.rowLevelSecurity
        ? tables.flatMap((table) => dialect.rowSecurity(table, flatPolicies(dialect, 'false')))
        : []),
    ];
  },
};
