import { sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import { secret } from './password.js';
import { hashSecret } from './users.js';

const SESSION_HOURS = 12;

/** Sessions and API tokens are stored as hashes: a stolen database holds no usable secret. */
export async function createSession(
  db: Executor,
  tenant: string,
  email: string,
): Promise<{ id: string; csrf: string }> {
  const id = secret();
  const csrf = secret();
  const expires = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
  await db.run(
    sql`INSERT INTO sessions VALUES (${tenant}, ${hashSecret(id)}, ${email}, ${csrf}, CAST(${expires} AS TIMESTAMPTZ))`,
  );
  return { id, csrf };
}

export async function findSession(
  db: Executor,
  tenant: string,
  id: string,
): Promise<{ email: string; csrf: string } | null> {
  const [row] = await db.query<{ email: string; csrf_token: string }>(
    sql`SELECT email, csrf_token FROM sessions WHERE tenant = ${tenant} AND session_hash = ${hashSecret(id)}
        AND expires_at > CURRENT_TIMESTAMP`,
  );
  return row ? { email: row.email, csrf: row.csrf_token } : null;
}

export const deleteSession = (db: Executor, tenant: string, id: string) =>
  db.run(sql`DELETE FROM sessions WHERE tenant = ${tenant} AND session_hash = ${hashSecret(id)}`);

export async function createToken(
  db: Executor,
  tenant: string,
  email: string,
  label: string,
): Promise<string> {
  const token = `cov_${secret()}`;
  await db.run(
    sql`INSERT INTO api_tokens VALUES (${tenant}, ${hashSecret(token)}, ${email}, ${label}, CURRENT_TIMESTAMP)`,
  );
  await appendAudit(db, tenant, {
    action: 'token.create',
    subject: email,
    after: `token ${hashSecret(token).slice(0, 12)}`,
    detail: { label },
  });
  return token;
}

export async function findToken(db: Executor, tenant: string, token: string): Promise<string | null> {
  const [row] = await db.query<{ email: string }>(
    sql`SELECT email FROM api_tokens WHERE tenant = ${tenant} AND token_hash = ${hashSecret(token)}`,
  );
  return row?.email ?? null;
}
