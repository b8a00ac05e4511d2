import type { MappedUser } from '../../core/identity/types.js';
import { sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import { secret } from './password.js';

/** No password verifies against it (password.ts reads only `scrypt$...`): SSO users have none. */
export const unusablePasswordHash = (idp: string) => `oidc$${idp}$${secret()}`;

interface Row {
  name: string;
  role: string;
  organisation: string;
  site: string | null;
  agent_id: string | null;
}

/**
 * Creates the tenant's user at their first sign-in, or brings an existing one's name,
 * role, organisation, site and agent id up to what the provider's claims say now (a
 * person moved between groups gets the new role at their next sign-in). An existing
 * user's password hash is left as it was.
 */
export async function upsertOidcUser(
  db: Executor,
  tenant: string,
  idp: string,
  user: MappedUser,
): Promise<void> {
  const [before] = await db.query<Row>(
    sql`SELECT name, role, organisation, site, agent_id FROM users WHERE tenant = ${tenant} AND email = ${user.email}`,
  );
  const detail = { via: idp, role: user.role, organisation: user.organisation };
  if (!before) {
    await db.run(sql`INSERT INTO users VALUES (${tenant}, ${user.email}, ${user.name}, ${user.role},
      ${user.organisation}, ${user.site}, ${user.agentId}, ${unusablePasswordHash(idp)}, CURRENT_TIMESTAMP)`);
    await appendAudit(db, tenant, { action: 'user.add', subject: user.email, after: user.email, detail });
    return;
  }
  const same =
    before.name === user.name &&
    before.role === user.role &&
    before.organisation === user.organisation &&
    before.site === user.site &&
    before.agent_id === user.agentId;
  if (same) return;
  await db.run(sql`UPDATE users SET name = ${user.name}, role = ${user.role}, organisation = ${user.organisation},
    site = ${user.site}, agent_id = ${user.agentId} WHERE tenant = ${tenant} AND email = ${user.email}`);
  await appendAudit(db, tenant, {
    action: 'user.update',
    subject: user.email,
    before: `${before.role} of ${before.organisation}`,
    after: `${user.role} of ${user.organisation}`,
    detail,
  });
}
