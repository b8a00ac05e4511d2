import type { IdentityProvider } from '../../core/identity/types.js';
import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import { appendAudit } from '../../records/audit.js';
import type { Executor } from '../../store/store.js';
import { ensureTenant } from './tenants.js';

/**
 * A tenant's identity providers in the store. The client secret is stored as given (the
 * server must send it to the provider) and only ever read to do so: listing, the CLI and
 * the API never return it, and the audit log records that it changed, not what it is.
 */

export interface StoredProvider extends IdentityProvider {
  updatedAt: string;
}

interface Row {
  config: string;
  client_secret: string | null;
  updated_at: string;
}

const toProvider = (row: Row): StoredProvider => ({
  ...(JSON.parse(row.config) as IdentityProvider),
  updatedAt: String(row.updated_at),
});

export async function saveProvider(
  db: Executor,
  tenant: string,
  provider: IdentityProvider,
  clientSecret: string | null,
): Promise<void> {
  if (provider.clientAuth !== 'none' && !clientSecret)
    throw new UserError(`${provider.id} authenticates with ${provider.clientAuth}: it needs a client secret`);
  // As `user add --tenant`: the tenant is created when missing.
  await ensureTenant(db, tenant);
  const [before] = await db.query<{ issuer: string }>(
    sql`SELECT issuer FROM identity_providers WHERE tenant = ${tenant} AND idp_id = ${provider.id}`,
  );
  await db.run(sql`DELETE FROM identity_providers WHERE tenant = ${tenant} AND idp_id = ${provider.id}`);
  await db.run(sql`INSERT INTO identity_providers VALUES (${tenant}, ${provider.id}, ${provider.displayName},
    ${provider.issuer}, ${provider.clientId}, ${clientSecret}, ${JSON.stringify(provider)}, CURRENT_TIMESTAMP)`);
  await appendAudit(db, tenant, {
    action: before ? 'idp.update' : 'idp.add',
    subject: provider.id,
    before: before ? before.issuer : null,
    after: provider.issuer,
    detail: {
      clientId: provider.clientId,
      secret: clientSecret ? 'set' : 'none',
      roles: provider.roles.map((r) => `${r.when} -> ${r.role} of ${r.organisation}`),
    },
  });
}

export async function listProviders(db: Executor, tenant: string): Promise<StoredProvider[]> {
  const rows = await db.query<Row>(
    sql`SELECT config, NULL AS client_secret, updated_at FROM identity_providers
        WHERE tenant = ${tenant} ORDER BY idp_id`,
  );
  return rows.map(toProvider);
}

/** The provider with its secret: for the sign-in only. */
export async function findProvider(
  db: Executor,
  tenant: string,
  id: string,
): Promise<{ provider: StoredProvider; clientSecret: string | null } | null> {
  const [row] = await db.query<Row>(
    sql`SELECT config, client_secret, updated_at FROM identity_providers WHERE tenant = ${tenant} AND idp_id = ${id}`,
  );
  return row ? { provider: toProvider(row), clientSecret: row.client_secret } : null;
}

export async function removeProvider(db: Executor, tenant: string, id: string): Promise<boolean> {
  const found = await findProvider(db, tenant, id);
  if (!found) return false;
  const others = (await listProviders(db, tenant)).length - 1;
  if (others === 0 && !(await passwordLogin(db, tenant)))
    throw new UserError(
      `${id} is ${tenant}'s last identity provider and password sign-in is off: turn it on first (covenant idp password-login on)`,
    );
  await db.run(sql`DELETE FROM oidc_logins WHERE tenant = ${tenant} AND idp_id = ${id}`);
  await db.run(sql`DELETE FROM identity_providers WHERE tenant = ${tenant} AND idp_id = ${id}`);
  await appendAudit(db, tenant, { action: 'idp.remove', subject: id, before: found.provider.issuer });
  return true;
}

/** Whether the tenant's users may sign in with a password: on unless turned off. */
export async function passwordLogin(db: Executor, tenant: string): Promise<boolean> {
  const [row] = await db.query<{ password_login: boolean }>(
    sql`SELECT password_login FROM tenant_sign_in WHERE tenant = ${tenant}`,
  );
  return row?.password_login ?? true;
}

export async function setPasswordLogin(db: Executor, tenant: string, on: boolean): Promise<void> {
  if (!on && (await listProviders(db, tenant)).length === 0)
    throw new UserError(
      `${tenant} has no identity provider: add one (covenant idp add) before turning passwords off`,
    );
  const before = await passwordLogin(db, tenant);
  await db.run(sql`DELETE FROM tenant_sign_in WHERE tenant = ${tenant}`);
  await db.run(sql`INSERT INTO tenant_sign_in VALUES (${tenant}, ${on})`);
  await appendAudit(db, tenant, {
    action: 'sign-in.password',
    subject: tenant,
    before: before ? 'on' : 'off',
    after: on ? 'on' : 'off',
  });
}
