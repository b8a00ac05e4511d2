import { createHash } from 'node:crypto';
import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import type { UserT } from '../api/schemas.js';
import { hashPassword } from './password.js';
import { emailKey, ensureTenant, tenantOfEmail } from './tenants.js';

export const ROLES = ['client_admin', 'client_viewer', 'vendor_manager', 'team_lead', 'agent'] as const;
export type Role = (typeof ROLES)[number];
export const isClientRole = (role: string) => role === 'client_admin' || role === 'client_viewer';

interface UserRow {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  site: string | null;
  agent_id: string | null;
  password_hash: string;
}

export const hashSecret = (value: string) => createHash('sha256').update(value).digest('hex');

const toUser = (row: UserRow): UserT => ({
  email: row.email,
  name: row.name,
  role: row.role,
  organisation: row.organisation,
  kind: isClientRole(row.role) ? 'client' : 'vendor',
  site: row.site,
  agentId: row.agent_id,
});

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  site?: string;
  agentId?: string;
  password: string;
}

/**
 * Users belong to a tenant (created when missing); client roles to the client, the others
 * to a vendor organisation. Run it in a transaction: the user and the server's e-mail
 * directory change together.
 */
export async function addUser(db: Executor, tenant: string, user: NewUser): Promise<UserT> {
  if (!ROLES.includes(user.role))
    throw new UserError(`unknown role ${user.role}; expected ${ROLES.join(', ')}`);
  if (user.role === 'team_lead' && !user.site) throw new UserError('a team_lead needs --site');
  if (user.role === 'agent' && (!user.agentId || !user.site))
    throw new UserError('an agent needs --agent-id and --site');
  if (user.password.length < 8) throw new UserError('the password must have at least 8 characters');
  if (user.email.length === 0 || user.email.length > 320 || /\s/.test(user.email))
    throw new UserError(`${JSON.stringify(user.email)}: expected an e-mail address without spaces`);
  // E-mails are unique per server: sign-in finds the tenant from the e-mail alone.
  const owner = await tenantOfEmail(db, user.email);
  if (owner !== null && owner !== tenant)
    throw new UserError(`${user.email} is already a user of another tenant (e-mails are unique per server)`);
  await ensureTenant(db, tenant);
  const hash = await hashPassword(user.password);
  await db.run(sql`DELETE FROM users WHERE tenant = ${tenant} AND lower(email) = ${emailKey(user.email)}`);
  await db.run(sql`DELETE FROM user_directory WHERE email = ${emailKey(user.email)}`);
  await db.run(
    sql`INSERT INTO user_directory (email, tenant_id) VALUES (${emailKey(user.email)}, ${tenant})`,
  );
  await db.run(sql`INSERT INTO users VALUES (${tenant}, ${user.email}, ${user.name}, ${user.role}, ${user.organisation},
    ${user.site ?? null}, ${user.agentId ?? null}, ${hash}, CURRENT_TIMESTAMP)`);
  await appendAudit(db, tenant, {
    action: 'user.add',
    subject: user.email,
    after: user.email,
    detail: { role: user.role, organisation: user.organisation },
  });
  return toUser({ ...user, site: user.site ?? null, agent_id: user.agentId ?? null, password_hash: hash });
}

export async function findUser(
  db: Executor,
  tenant: string,
  email: string,
): Promise<(UserT & { passwordHash: string }) | null> {
  const [row] = await db.query<UserRow>(
    sql`SELECT * FROM users WHERE tenant = ${tenant} AND email = ${email}`,
  );
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Executor, tenant: string): Promise<UserT[]> {
  const rows = await db.query<UserRow>(
    sql`SELECT * FROM users WHERE tenant = ${tenant} ORDER BY organisation, role, email`,
  );
  return rows.map(toUser);
}

export async function removeUser(db: Executor, tenant: string, email: string): Promise<boolean> {
  const found = await findUser(db, tenant, email);
  await db.run(sql`DELETE FROM sessions WHERE tenant = ${tenant} AND email = ${email}`);
  await db.run(sql`DELETE FROM api_tokens WHERE tenant = ${tenant} AND email = ${email}`);
  await db.run(sql`DELETE FROM users WHERE tenant = ${tenant} AND email = ${email}`);
  if (found)
    await db.run(sql`DELETE FROM user_directory WHERE email = ${emailKey(email)} AND tenant_id = ${tenant}`);
  if (found) await appendAudit(db, tenant, { action: 'user.remove', subject: email, before: email });
  return found !== null;
}
