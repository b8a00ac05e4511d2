import { beforeAll, describe } from 'vitest';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { loadTwoTenants } from '../test-support/two-tenants.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { twoTenantSuite } from './tenants-suite.js';

let owner: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  owner = await memoryStore();
  await loadTwoTenants(owner);
  app = createApp(serverDeps(owner, { log: silentLogger }));
}, 180_000);

describe('one server, two tenants (DuckDB)', () => {
  twoTenantSuite(() => ({ app, owner }));
});
