import type pg from 'pg';
import { SETTINGS } from '../migrations/flat-policies.js';
import type { SessionScope } from '../store.js';

/**
 * Sets the settings row-level security reads (migration 6) for the session's transaction:
 * the tenant, the vendor, and in a vendor's session the vendor's contracts and their
 * proposals (whose rows carry no vendor). `SET LOCAL` ends with the transaction; on Citus
 * `citus.propagate_set_commands = 'local'` carries it to the workers, where the policies
 * of the shards are evaluated (a `set_config()` call would stay on the coordinator, and
 * the workers' shards would see the session as unscoped). Values are quoted by the
 * driver's literal escaping: SET takes no bound parameters.
 */
export async function setSessionSettings(
  client: pg.PoolClient,
  scope: SessionScope,
  citus: boolean,
): Promise<void> {
  const set = (name: string, value: string) =>
    client.query(`SET LOCAL ${name} = ${client.escapeLiteral(value)}`);
  if (citus) await client.query("SET LOCAL citus.propagate_set_commands = 'local'");
  // No JIT (as the connections, postgres-store.ts), carried to Citus's workers with the rest.
  await client.query('SET LOCAL jit = off');
  await set(SETTINGS.tenant, scope.tenant);
  await set(SETTINGS.vendor, '');
  await set(SETTINGS.contracts, '');
  await set(SETTINGS.proposals, '');
  await set(SETTINGS.users, '');
  if (!scope.vendor) return;
  // Read as the tenant's session, before the vendor narrows it.
  const contracts = await client.query<{ id: string }>(
    'SELECT DISTINCT contract_id AS id FROM contract_versions WHERE tenant = $1 AND vendor = $2 ORDER BY 1',
    [scope.tenant, scope.vendor],
  );
  const ids = contracts.rows.map((r) => r.id);
  const proposals = await client.query<{ id: string }>(
    'SELECT proposal_id AS id FROM proposals WHERE tenant = $1 AND contract_id = ANY($2) ORDER BY 1',
    [scope.tenant, ids],
  );
  // The vendor's users (their sessions and tokens): migration 91. Dispute threads carry
  // their vendor since migration 152, so no policy reads a list of disputes any more.
  const users = await client.query<{ id: string }>(
    'SELECT email AS id FROM users WHERE tenant = $1 AND organisation = $2 ORDER BY 1',
    [scope.tenant, scope.vendor],
  );
  await set(SETTINGS.contracts, ids.join(','));
  await set(SETTINGS.proposals, proposals.rows.map((r) => r.id).join(','));
  await set(SETTINGS.users, users.rows.map((r) => r.id).join(','));
  await set(SETTINGS.vendor, scope.vendor);
}
