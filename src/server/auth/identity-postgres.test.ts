import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentityProvider } from '../../core/identity/parse-provider.js';
import { raw, sql } from '../../core/sql/fragment.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../../store/postgres/roles.js';
import { openTestStore } from '../../store/postgres/test-support/test-server.js';
import type { Store } from '../../store/store.js';
import {
  findProvider,
  listProviders,
  passwordLogin,
  saveProvider,
  setPasswordLogin,
} from './identity-providers.js';
import { savePendingLogin, takePendingLogin } from './oidc-logins.js';

/**
 * The sign-in tables on PostgreSQL through the application's role: the tenant's session
 * reads and takes its own, a sign-in is taken once, and neither a vendor's session nor
 * another tenant's sees a provider (its client secret), a sign-in under way or the setting.
 */
let owner: Store;
let app: PostgresStore;
let drop: () => Promise<void>;

const FILE = `apiVersion: covenant/v1
kind: IdentityProvider
metadata: { name: northwind-entra }
spec:
  issuer: https://login.northwind.example
  clientId: covenant
  claims: { groups: roles }
  roles: [{ when: Covenant.Admin, role: client_admin, organisation: northwind }]
`;

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  const parsed = parseIdentityProvider(FILE, 'idp.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await owner.withSession({ tenant: 'northwind' }, async (db) => {
    await saveProvider(db, 'northwind', parsed.value, 'the-secret');
    await setPasswordLogin(db, 'northwind', false);
  });
  await grantApplicationRole(owner, 'covenant_app');
  app = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 1 });
  drop = async () => {
    await app?.close();
    await opened.drop();
  };
});
afterAll(() => drop?.());

describe('sign-in tables under row-level security', () => {
  it("the tenant's session reads its provider and setting, and takes a sign-in once", async () => {
    await app.withSession({ tenant: 'northwind' }, async (db) => {
      expect((await findProvider(db, 'northwind', 'northwind-entra'))?.clientSecret).toBe('the-secret');
      expect(await passwordLogin(db, 'northwind')).toBe(false);
      const login = { idp: 'northwind-entra', nonce: 'n', codeVerifier: 'v' };
      expect(await savePendingLogin(db, 'northwind', 'state-1', login)).toBe(true);
      expect(await takePendingLogin(db, 'northwind', 'state-1')).toEqual(login);
      expect(await takePendingLogin(db, 'northwind', 'state-1')).toBeNull();
      await savePendingLogin(db, 'northwind', 'state-2', login);
    });
  });

  it("a vendor's session and another tenant's see none of it", async () => {
    for (const scope of [{ tenant: 'northwind', vendor: 'brightpath' }, { tenant: 'southwind' }]) {
      await app.withSession(scope, async (db) => {
        for (const table of ['identity_providers', 'oidc_logins', 'tenant_sign_in'])
          expect(await db.query(raw(`SELECT * FROM ${table}`))).toEqual([]);
        expect(await listProviders(db, 'northwind')).toEqual([]);
        expect(await takePendingLogin(db, 'northwind', 'state-2')).toBeNull();
      });
    }
    expect(await app.query(sql`SELECT count(*) AS n FROM identity_providers`)).toEqual([{ n: 0 }]);
  });
});
