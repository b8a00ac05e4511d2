import { createHmac } from 'node:crypto';
import { UserError } from '../../core/issues.js';
import { EMPTY, sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import { secret } from './password.js';
import { TENANT_ID } from './tenants.js';
import { hashSecret } from './users.js';

const SESSION_HOURS = 12;
export const TOKEN_DAYS = 90;

/**
 * Sessions and API tokens are stored as hashes, and a session's CSRF token is derived
 * from its id (never stored): a stolen database holds no usable secret. Each value starts
 * with its tenant's id and a '.', so a request finds its tenant before looking the value
 * up, in that tenant's session only (a made-up prefix finds nothing: the hash covers it).
 */
const withTenant = (tenant: string, value: string) => `${tenant}.${value}`;

/** The tenant a session id (`bearer` false) or an API token (`cov_...`) names, or null when none. */
export function tenantOfCredential(value: string, bearer: boolean): string | null {
  if (bearer && !value.startsWith('cov_')) return null;
  const body = bearer ? value.slice(4) : value;
  const tenant = body.slice(0, Math.max(0, body.indexOf('.')));
  return TENANT_ID.test(tenant) ? tenant : null;
}

export const csrfOf = (sessionId: string) =>
  createHmac('sha256', sessionId).update('covenant csrf').digest('base64url');

export async function createSession(
  db: Executor,
  tenant: string,
  email: string,
): Promise<{ id: string; csrf: string }> {
  const id = withTenant(tenant, secret());
  const csrf = csrfOf(id);
  const expires = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
  await db.run(
    sql`INSERT INTO sessions VALUES (${tenant}, ${hashSecret(id)}, ${email}, ${hashSecret(csrf)}, CAST(${expires} AS TIMESTAMPTZ))`,
  );
  return { id, csrf };
}

export async function findSession(
  db: Executor,
  tenant: string,
  id: string,
): Promise<{ email: string; csrf: string } | null> {
  const [row] = await db.query<{ email: string }>(
    sql`SELECT email FROM sessions WHERE tenant = ${tenant} AND session_hash = ${hashSecret(id)}
        AND expires_at > CURRENT_TIMESTAMP`,
  );
  return row ? { email: row.email, csrf: csrfOf(id) } : null;
}

export const deleteSession = (db: Executor, tenant: string, id: string) =>
  db.run(sql`DELETE FROM sessions WHERE tenant = ${tenant} AND session_hash = ${hashSecret(id)}`);

/** A token's public id: the start of its hash, enough to list and revoke it by. */
const tokenId = (hash: string) => hash.slice(0, 12);

export async function createToken(
  db: Executor,
  tenant: string,
  email: string,
  label: string,
  days = TOKEN_DAYS,
): Promise<{ token: string; id: string; expiresAt: string }> {
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UserError(`--days ${days}: a whole number of days from 1 to 3650`);
  const [user] = await db.query(sql`SELECT email FROM users WHERE tenant = ${tenant} AND email = ${email}`);
  if (!user) throw new UserError(`no user ${email} (covenant user add creates one)`);
  const token = `cov_${withTenant(tenant, secret())}`;
  const hash = hashSecret(token);
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  await db.run(
    sql`INSERT INTO api_tokens (tenant, token_hash, email, label, created_at, expires_at)
        VALUES (${tenant}, ${hash}, ${email}, ${label}, CURRENT_TIMESTAMP, CAST(${expiresAt} AS TIMESTAMPTZ))`,
  );
  await appendAudit(db, tenant, {
    action: 'token.create',
    subject: email,
    after: `token ${tokenId(hash)}`,
    detail: { label },
  });
  return { token, id: tokenId(hash), expiresAt };
}

export async function findToken(db: Executor, tenant: string, token: string): Promise<string | null> {
  const [row] = await db.query<{ email: string }>(
    sql`SELECT email FROM api_tokens WHERE tenant = ${tenant} AND token_hash = ${hashSecret(token)}
        AND expires_at > CURRENT_TIMESTAMP`,
  );
  return row?.email ?? null;
}

export interface TokenInfo {
  id: string;
  email: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export async function listTokens(db: Executor, tenant: string, email?: string): Promise<TokenInfo[]> {
  const rows = await db.query<{
    token_hash: string;
    email: string;
    label: string;
    created_at: string;
    expires_at: string;
  }>(
    sql`SELECT token_hash, email, label, created_at, expires_at FROM api_tokens
        WHERE tenant = ${tenant} ${email === undefined ? EMPTY : sql`AND email = ${email}`}
        ORDER BY email, created_at`,
  );
  const now = new Date().toISOString();
  return rows.map((r) => ({
    id: tokenId(r.token_hash),
    email: r.email,
    label: r.label,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    expired: r.expires_at <= now,
  }));
}

/** Revokes the token whose id (from `user token list`) is given; false when there is none. */
export async function revokeToken(db: Executor, tenant: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{12}$/.test(id))
    throw new UserError(`${id}: a token id is 12 hex digits (see user token list)`);
  const found = (await listTokens(db, tenant)).filter((t) => t.id === id);
  if (found.length === 0) return false;
  await db.run(sql`DELETE FROM api_tokens WHERE tenant = ${tenant} AND substr(token_hash, 1, 12) = ${id}`);
  await appendAudit(db, tenant, {
    action: 'token.revoke',
    subject: found[0]?.email ?? id,
    before: `token ${id}`,
  });
  return true;
}
