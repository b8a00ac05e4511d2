import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import type { Store } from '../../store/store.js';
import type { UserT } from '../api/schemas.js';
import { Forbidden } from '../scope.js';
import { secret } from './password.js';
import { checkTenantId, countAllUsers, ensureTenant } from './tenants.js';
import { addUser, hashSecret } from './users.js';

/**
 * The one-time setup link of a store without users (docs/security.md): `covenant serve`
 * makes one at start, prints it, and keeps only its hash. It creates the store's first
 * tenant and its client_admin, once: the link is spent by its first use, ends after
 * SETUP_HOURS, and a store that has any user refuses every link.
 */
export const SETUP_HOURS = 24;

/** A new link's token (any earlier link ends); null when the store already has users. */
export async function createSetupToken(store: Store): Promise<string | null> {
  if ((await countAllUsers(store)) > 0) return null;
  const token = secret();
  const expires = new Date(Date.now() + SETUP_HOURS * 3_600_000).toISOString();
  await store.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM setup_tokens`);
    await tx.run(
      sql`INSERT INTO setup_tokens (token_hash, expires_at) VALUES (${hashSecret(token)}, CAST(${expires} AS TIMESTAMPTZ))`,
    );
  });
  return token;
}

export interface SetupInput {
  token: string;
  tenant: string;
  tenantName: string;
  email: string;
  name: string;
  password: string;
}

/** Spends the token and creates the tenant and its first client_admin, all in one transaction. */
export async function completeSetup(store: Store, input: SetupInput): Promise<UserT> {
  const tenant = checkTenantId(input.tenant);
  return store.withSession({ tenant }, (db) =>
    db.transaction(async (tx) => {
      // Deleted, not marked: of two uses at once, the second finds nothing to delete.
      const spent = await tx.query(
        sql`DELETE FROM setup_tokens WHERE token_hash = ${hashSecret(input.token)}
            AND expires_at > CURRENT_TIMESTAMP RETURNING token_hash`,
      );
      if (spent.length === 0) throw new Forbidden('this setup link is not valid: used, expired or replaced');
      if ((await countAllUsers(tx)) > 0) throw new Forbidden('this store already has users');
      if (input.tenantName.trim().length === 0) throw new UserError('the organisation needs a name');
      await ensureTenant(tx, tenant, { name: input.tenantName.trim() });
      return addUser(tx, tenant, {
        email: input.email.trim(),
        name: input.name.trim() || input.email.trim(),
        role: 'client_admin',
        organisation: tenant,
        password: input.password,
      });
    }),
  );
}

/** What `covenant serve` prints at start: the setup link when the store has no user, else nothing. */
export async function setupMessage(store: Store, baseUrl: string): Promise<string> {
  const token = await createSetupToken(store);
  if (token === null) return '';
  return `\nThis store has no users yet. Create its first administrator (the link works once, for ${SETUP_HOURS} hours):\n  ${baseUrl.replace(/\/$/, '')}/setup?token=${token}\nor run: covenant user add EMAIL --tenant ID --tenant-name NAME --role client_admin --organisation ID\n`;
}
