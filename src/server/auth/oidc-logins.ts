import { sql } from '../../core/sql/fragment.js';
import type { Executor } from '../../store/store.js';
import { hashSecret } from './users.js';

/**
 * Sign-ins under way: what the callback must check (the nonce) and prove (the PKCE
 * verifier), found by the hash of the state and deleted when taken, so a callback
 * works once. Ten minutes to sign in at the provider; a tenant holds at most MAX_PENDING.
 */
export const LOGIN_MINUTES = 10;
const MAX_PENDING = 10_000;

export interface PendingLogin {
  idp: string;
  nonce: string;
  codeVerifier: string;
}

/** Stores a sign-in; false when the tenant already has too many under way. */
export async function savePendingLogin(
  db: Executor,
  tenant: string,
  state: string,
  login: PendingLogin,
): Promise<boolean> {
  await db.run(sql`DELETE FROM oidc_logins WHERE tenant = ${tenant} AND expires_at <= CURRENT_TIMESTAMP`);
  const [count] = await db.query<{ n: number | bigint }>(
    sql`SELECT count(*) AS n FROM oidc_logins WHERE tenant = ${tenant}`,
  );
  if (Number(count?.n ?? 0) >= MAX_PENDING) return false;
  const expires = new Date(Date.now() + LOGIN_MINUTES * 60_000).toISOString();
  await db.run(sql`INSERT INTO oidc_logins VALUES (${tenant}, ${hashSecret(state)}, ${login.idp},
    ${login.nonce}, ${login.codeVerifier}, CAST(${expires} AS TIMESTAMPTZ))`);
  return true;
}

/** The sign-in the state started, removed as it is read; null when unknown, used or expired. */
export async function takePendingLogin(
  db: Executor,
  tenant: string,
  state: string,
): Promise<PendingLogin | null> {
  const [row] = await db.query<{ idp_id: string; nonce: string; code_verifier: string }>(
    sql`DELETE FROM oidc_logins WHERE tenant = ${tenant} AND state_hash = ${hashSecret(state)}
        AND expires_at > CURRENT_TIMESTAMP RETURNING idp_id, nonce, code_verifier`,
  );
  return row ? { idp: row.idp_id, nonce: row.nonce, codeVerifier: row.code_verifier } : null;
}
