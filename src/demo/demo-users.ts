import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import { findTenant } from '../server/auth/tenants.js';
import { addUser, type NewUser } from '../server/auth/users.js';
import type { Store } from '../store/store.js';

/**
 * One demo user per role, for the story's two vendors, in a tenant marked a demo only.
 * Their passwords are printed when the demo starts (they are demo credentials, meant to be
 * read); real users are added with `covenant user add` or the setup link.
 */
export async function createDemoUsers(store: Store, tenant: string): Promise<NewUser[]> {
  // Published passwords belong in a demo only: never in a real tenant (docs/security.md).
  const found = await findTenant(store, tenant);
  if (!found?.isDemo)
    throw new UserError(
      `tenant ${tenant} of ${store.location} is not a demo: its users come from covenant user add`,
    );
  const [agent] = await store.query<{ agent_id: string }>(
    sql`SELECT agent_id FROM agents WHERE tenant = ${tenant} AND vendor = 'brightpath' AND site = 'lisbon'
        AND role = 'agent' AND left_at IS NULL ORDER BY agent_id LIMIT 1`,
  );
  const users: NewUser[] = [
    {
      email: 'coo@northwind.example',
      name: 'Ana Costa (COO)',
      role: 'client_admin',
      organisation: 'northwind',
      password: 'demo-coo-2026',
    },
    {
      email: 'vendors@northwind.example',
      name: 'Rui Matos (vendor manager)',
      role: 'client_viewer',
      organisation: 'northwind',
      password: 'demo-viewer-2026',
    },
    {
      email: 'ops@brightpath.example',
      name: 'Joana Silva (operations)',
      role: 'vendor_manager',
      organisation: 'brightpath',
      password: 'demo-brightpath-2026',
    },
    {
      email: 'ops@coastline.example',
      name: 'Pieter Botha (operations)',
      role: 'vendor_manager',
      organisation: 'coastline',
      password: 'demo-coastline-2026',
    },
    {
      email: 'lead.lisbon@brightpath.example',
      name: 'Marta Reis (team lead)',
      role: 'team_lead',
      organisation: 'brightpath',
      site: 'lisbon',
      password: 'demo-lead-2026',
    },
    {
      email: 'agent@brightpath.example',
      name: 'Tiago Alves (agent)',
      role: 'agent',
      organisation: 'brightpath',
      site: 'lisbon',
      agentId: agent?.agent_id ?? 'unknown',
      password: 'demo-agent-2026',
    },
  ];
  await store.transaction(async (tx) => {
    for (const user of users) await addUser(tx, tenant, user);
  });
  return users;
}
