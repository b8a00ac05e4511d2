import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import type { Executor } from '../../store/store.js';

/**
 * The tenants of a store (migration 100): each a client organisation with its own data
 * and users. An id is short and plain (it starts a session cookie's value and an API
 * token, so it never holds the '.' that ends it there).
 */
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

export interface Tenant {
  id: string;
  name: string;
  isDemo: boolean;
  createdAt: string;
}

interface TenantRow {
  tenant_id: string;
  name: string;
  is_demo: boolean;
  created_at: string;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.tenant_id,
  name: r.name,
  isDemo: r.is_demo === true,
  createdAt: String(r.created_at),
});

export function checkTenantId(id: string): string {
  if (!TENANT_ID.test(id))
    throw new UserError(
      `tenant ${JSON.stringify(id)}: expected 1-63 letters, digits, '-' or '_', starting with a letter or digit`,
    );
  return id;
}

export async function findTenant(db: Executor, id: string): Promise<Tenant | null> {
  const [row] = await db.query<TenantRow>(
    sql`SELECT tenant_id, name, is_demo, created_at FROM tenants WHERE tenant_id = ${id}`,
  );
  return row ? toTenant(row) : null;
}

export async function listTenants(db: Executor): Promise<Tenant[]> {
  const rows = await db.query<TenantRow>(
    sql`SELECT tenant_id, name, is_demo, created_at FROM tenants ORDER BY tenant_id`,
  );
  return rows.map(toTenant);
}

/**
 * The tenant, created when missing (named `name`, else its id; a demo when `isDemo`). An
 * existing tenant keeps its demo mark (a demo never becomes a real tenant by a later
 * command, nor the reverse) and its name unless `rename` is set.
 */
export async function ensureTenant(
  db: Executor,
  id: string,
  options: { name?: string; isDemo?: boolean; rename?: boolean } = {},
): Promise<Tenant> {
  const name = options.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 200))
    throw new UserError(`tenant name ${JSON.stringify(options.name)}: expected 1 to 200 characters`);
  const found = await findTenant(db, checkTenantId(id));
  if (found) {
    if (!options.rename || name === undefined || name === found.name) return found;
    await db.run(sql`UPDATE tenants SET name = ${name} WHERE tenant_id = ${id}`);
    return { ...found, name };
  }
  await db.run(
    sql`INSERT INTO tenants (tenant_id, name, is_demo, created_at)
        VALUES (${id}, ${name ?? id}, ${options.isDemo ?? false}, CURRENT_TIMESTAMP)`,
  );
  return (await findTenant(db, id)) as Tenant;
}

/** The directory's key of an e-mail: unique per server whatever its case. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** The tenant a user of this e-mail belongs to, or null (sign-in starts here). */
export async function tenantOfEmail(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.query<{ tenant_id: string }>(
    sql`SELECT tenant_id FROM user_directory WHERE email = ${emailKey(email)}`,
  );
  return row?.tenant_id ?? null;
}

/** Users of the whole store, every tenant's (a fresh store has none: serve prints a setup link). */
export async function countAllUsers(db: Executor): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM user_directory`);
  return Number(row?.n ?? 0);
}

/** The ids of every tenant (the server's background work runs for each). */
export const tenantIds = async (db: Executor): Promise<string[]> => (await listTenants(db)).map((t) => t.id);
