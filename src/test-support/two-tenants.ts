import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { storeVersion } from '../contracts/contract-store.js';
import { parseContract } from '../core/contract/parse-contract.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { importFile } from '../ingest/import-file.js';
import { applyMetric, parseCustomMetric } from '../query/custom-metric-store.js';
import { interactionsCsv, MARCH } from '../query/test-data.js';
import { ensureTenant } from '../server/auth/tenants.js';
import { addUser } from '../server/auth/users.js';
import type { Store } from '../store/store.js';
import { CHAT_RESOLUTION } from './chat-resolution-metric.js';
import { REPO_ROOT, tempDir, writeText } from './fixtures.js';

/**
 * Two tenants in one store (tests of the multi-tenant server): A is the demo (northwind,
 * its six users, its own metric self_service_adoption); B (southwind, not a demo) has a
 * small March of interactions, a contract of its own, one with the SAME id as A's, its
 * own custom metric chat_resolution, and two users.
 */
export const A = { tenant: 'northwind', coo: 'coo@northwind.example', password: 'demo-coo-2026' };
export const B = {
  tenant: 'southwind',
  name: 'Southwind Bank',
  coo: 'coo@southwind.example',
  vendor: 'ops@zenith.example',
  password: 'southwind-2026',
};
/** A's contracts B has none of; the id both have. */
export const A_ONLY = ['northwind-coastline-2026', 'northwind-brightpath-2027'];
export const SHARED_ID = 'northwind-brightpath-2026';
export const B_CONTRACT = 'southwind-zenith-2026';

const contractFrom = (file: string, edit: (text: string) => string) => {
  const source = edit(readFileSync(resolve(REPO_ROOT, 'contracts', file), 'utf8'));
  const parsed = parseContract(source, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { contract: parsed.value, source, origin: 'test' };
};

export async function loadTwoTenants(store: Store): Promise<void> {
  await loadDemo(store, { scale: 0.01, seed: 3, tenant: A.tenant, decisions: false });
  await createDemoUsers(store, A.tenant);
  await ensureTenant(store, B.tenant, { name: B.name });
  const csv = writeText(tempDir(), 'march.csv', interactionsCsv(MARCH));
  await importFile(store, 'interactions', csv, { tenant: B.tenant });
  const metric = parseCustomMetric(CHAT_RESOLUTION, 'chat-resolution.yaml');
  if (!metric.ok) throw new Error('chat_resolution does not parse');
  await applyMetric(store, B.tenant, metric.value);
  const zenith = contractFrom('northwind-coastline-2026.yaml', (text) =>
    text
      .replaceAll('northwind-coastline-2026', B_CONTRACT)
      .replaceAll('Northwind Bank x Coastline BPO', 'Southwind Bank x Zenith')
      .replaceAll('Northwind', 'Southwind')
      .replaceAll('vendor: coastline', 'vendor: zenith')
      .replaceAll('client: northwind', 'client: southwind'),
  );
  const same = contractFrom(`${SHARED_ID}.yaml`, (text) =>
    text
      .replace(/displayName: .*/, 'displayName: Southwind copy of the BrightPath terms')
      .replaceAll('Northwind', 'Southwind')
      .replaceAll('client: northwind', 'client: southwind'),
  );
  await store.transaction(async (tx) => {
    await storeVersion(tx, B.tenant, zenith);
    await storeVersion(tx, B.tenant, same);
    await addUser(tx, B.tenant, {
      email: B.coo,
      name: 'Southwind COO',
      role: 'client_admin',
      organisation: B.tenant,
      password: B.password,
    });
    await addUser(tx, B.tenant, {
      email: B.vendor,
      name: 'Zenith operations',
      role: 'vendor_manager',
      organisation: 'zenith',
      password: B.password,
    });
  });
}
