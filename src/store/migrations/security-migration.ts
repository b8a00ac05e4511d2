import type { Migration } from './migrations.js';
import { policiesWith, SESSION_TENANT, SESSION_VENDOR } from './row-security.js';

/**
 * Users, sessions and API tokens under row-level security (docs/security.md): the
 * application's role sees them only in a session of their tenant, and a vendor's session
 * only its own vendor's users (and cannot write a client's role). Tokens expire. A
 * session's CSRF token is now derived from its id, so the stored plain ones are dropped
 * with their sessions (everyone signs in again once).
 */
const vendorUsers = `organisation = ${SESSION_VENDOR} AND role NOT IN ('client_admin', 'client_viewer')`;
const ofVendorUsers = `email IN (SELECT u.email FROM users u WHERE u.tenant = ${SESSION_TENANT} AND u.organisation = ${SESSION_VENDOR})`;

export const SECURITY_MIGRATION: Migration = {
  version: 51,
  name: 'row-level security on users, sessions and API tokens; token expiry',
  statements: (dialect) => [
    'ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ',
    // Tokens issued before expiry existed get the default 90 days from their issue.
    `UPDATE api_tokens SET expires_at = created_at + INTERVAL '90 days'`,
    'DELETE FROM sessions',
    ...dialect.rowSecurity('users', policiesWith(vendorUsers)),
    ...dialect.rowSecurity('sessions', policiesWith(ofVendorUsers)),
    ...dialect.rowSecurity('api_tokens', policiesWith(ofVendorUsers)),
  ],
};
