import type { MappedUser } from '../../core/identity/types.js';
import { sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import { secret } from './password.js';
import { emailKey } from './tenants.js';

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
 * user's password hash is left as it was. False, and nothing written, when the e-mail is
 * another tenant's user.
 */
export async function upsertOidcUser(
  db: Executor,
  tenant: string,
  idp: string,
  user: MappedUser,
): Promise<boolean> {
  // E-mails are unique per server (the directory finds a user's tenant at sign-in).
  const [entry] = await db.query<{ tenant_id: string }>(
    sql`SELECT tenant_id FROM user_directory WHERE email = ${emailKey(user.email)}`,
  );
  if (entry && entry.tenant_id !== tenant) return false;
  const [before] = await db.query<Row>(
    sql`SELECT name, role, organisation, site, agent_id FROM users WHERE tenant = ${tenant} AND email = ${user.email}`,
  );
  const detail = { via: idp, role: user.role, organisation: user.organisation };
  if (!before) {
    if (!entry)
      await db.run(
        sql`INSERT INTO user_directory (email, tenant_id) VALUES (${emailKey(user.email)}, ${tenant})`,
      );
    await db.run(sql`INSERT INTO users VALUES (${tenant}, ${user.email}, ${user.name}, ${user.role},
      ${user.organisation}, ${user.site}, ${user.agentId}, ${unusablePasswordHash(idp)}, CURRENT_TIMESTAMP)`);
    await appendAudit(db, tenant, { action: 'user.add', subject: user.email, after: user.email, detail });
    return true;
  }
  const same =
    before.name === user.name &&
    before.role === user.role &&
    before.organisation === user.organisation &&
    before.site === user.site &&
    before.agent_id === user.agentId;
  if (same) return true;
  await db.run(sql`UPDATE users SET name = ${user.name}, role = ${user.role}, organisation = ${user.organisation},
    site = ${user.site}, agent_id = ${user.agentId} WHERE tenant = ${tenant} AND email = ${user.email}`);
  await appendAudit(db, tenant, {
    action: 'user.update',
    subject: user.email,
    before: `${before.role} of ${before.organisation}`,
    after: `${user.role} of ${user.organisation}`,
    detail,
  });
  return true;
}
