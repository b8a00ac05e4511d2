import { afterAll, beforeAll, describe } from 'vitest';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../store/postgres/roles.js';
import { APP_ROLE, openTestStore } from '../store/postgres/test-support/test-server.js';
import { loadTwoTenants } from '../test-support/two-tenants.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { twoTenantSuite } from './tenants-suite.js';

/**
 * The two-tenant server on PostgreSQL as documented: the application's role (not the
 * tables' owner) under row-level security, every tenant's sessions opened for the tenant
 * the request's credential names.
 */
let owner: PostgresStore;
let appStore: PostgresStore;
let app: ReturnType<typeof createApp>;
let dropAll: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  await loadTwoTenants(owner);
  await grantApplicationRole(owner, APP_ROLE);
  appStore = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 4 });
  app = createApp(serverDeps(appStore, { log: silentLogger }));
  dropAll = async () => {
    await appStore?.close();
    await opened.drop();
  };
}, 300_000);
afterAll(() => dropAll?.());

describe('one server, two tenants (PostgreSQL, the application role)', () => {
  twoTenantSuite(() => ({ app, owner }));
});
