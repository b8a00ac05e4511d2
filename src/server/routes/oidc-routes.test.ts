import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentityProvider } from '../../core/identity/parse-provider.js';
import { sql } from '../../core/sql/fragment.js';
import type { Store } from '../../store/store.js';
import { memoryStore } from '../../test-support/fixtures.js';
import {
  startTestProvider,
  type TestAccount,
  type TestProvider,
} from '../../test-support/identity-provider.js';
import { CookieJar, signInAtProvider, visit } from '../../test-support/oidc-flow.js';
import { saveProvider, setPasswordLogin } from '../auth/identity-providers.js';
import { addUser, removeUser } from '../auth/users.js';
import { type RunningServer, startServer } from '../serve.js';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) on loopback: the whole
 * authorization code flow by fetch, then each check failing on its own (state, a replayed
 * callback, a tampered nonce, a wrong PKCE verifier, claims that map to no role), and
 * password sign-in turned off for the tenant.
 */
const TENANT = 'default';
let store: Store;
let server: RunningServer;
let provider: TestProvider;
/** The server's log lines: none may hold the client secret. */
const logged: string[] = [];
/** The provider's accounts: a test may move a person between groups, as an administrator would. */
const ACCOUNTS: Record<string, TestAccount> = {
  joana: { email: 'joana@brightpath.example', name: 'Joana Silva', groups: ['staff', 'brightpath-managers'] },
  nuno: { email: 'nuno@brightpath.example', name: 'Nuno Dias', groups: ['staff'] },
  lead: { email: 'marta@brightpath.example', name: 'Marta Reis', groups: ['brightpath-leads'] },
};

const providerFile = (issuer: string, clientId: string) => `apiVersion: covenant/v1
kind: IdentityProvider
metadata:
  name: brightpath-sso
  displayName: BrightPath SSO
spec:
  issuer: ${issuer}
  clientId: ${clientId}
  scopes: [openid, email, profile, groups]
  claims:
    groups: groups
    site: site
  roles:
    - when: brightpath-managers
      role: vendor_manager
      organisation: brightpath
    - when: brightpath-leads
      role: team_lead
      organisation: brightpath
`;

beforeAll(async () => {
  store = await memoryStore();
  server = await startServer(store, {
    port: 0,
    deps: { log: (level, message, fields) => logged.push(JSON.stringify({ level, message, ...fields })) },
  });
  provider = await startTestProvider({
    redirectUris: [`${server.url}/api/auth/oidc/callback`],
    accounts: ACCOUNTS,
  });
  const parsed = parseIdentityProvider(providerFile(provider.issuer, provider.clientId), 'idp.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await saveProvider(store, TENANT, parsed.value, provider.clientSecret);
});
afterAll(async () => {
  await provider?.close();
  await server?.close(100);
  await store?.close();
});

const START = () => `${server.url}/api/auth/oidc/${TENANT}/brightpath-sso/start`;
const CALLBACK = () => `${server.url}/api/auth/oidc/callback`;

/** A browser at the provider's redirect back: its cookies, and the callback it is about to visit. */
async function atCallback(account: string) {
  const jar = new CookieJar();
  const callback = await signInAtProvider(jar, START(), account, CALLBACK());
  return { jar, callback, stateCookie: jar.get(server.url, 'covenant_oidc') ?? '' };
}

const me = async (jar: CookieJar) => (await visit(jar, `${server.url}/api/me`)).json();

describe('single sign-on with a real OpenID provider', () => {
  it('lists the tenant’s providers for the login page', async () => {
    const response = await fetch(`${server.url}/api/auth/providers?tenant=${TENANT}`);
    expect(await response.json()).toEqual({
      tenant: TENANT,
      passwordLogin: true,
      providers: [
        {
          id: 'brightpath-sso',
          name: 'BrightPath SSO',
          start: `/api/auth/oidc/${TENANT}/brightpath-sso/start`,
        },
      ],
    });
    const unknown = await (await fetch(`${server.url}/api/auth/providers?tenant=nobody`)).json();
    expect(unknown.providers).toEqual([]);
    // Without ?tenant=: the store's only tenant (idp add created it).
    const only = await (await fetch(`${server.url}/api/auth/providers`)).json();
    expect(only.tenant).toBe(TENANT);
  });

  it('refuses an e-mail that is another tenant’s user (e-mails are unique per server)', async () => {
    await addUser(store, 'southwind', {
      email: 'nuno@brightpath.example',
      name: 'Nuno at Southwind',
      role: 'client_viewer',
      organisation: 'southwind',
      password: 'a-long-password',
    });
    const other = ACCOUNTS.nuno as TestAccount;
    const groups = other.groups;
    other.groups = ['brightpath-managers'];
    try {
      const { jar, callback } = await atCallback('nuno');
      const refused = await visit(jar, callback.href);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('another organisation');
      const rows = await store.query(sql`SELECT tenant FROM users WHERE email = 'nuno@brightpath.example'`);
      expect(rows).toEqual([{ tenant: 'southwind' }]);
      // With two tenants, the login page must name its tenant; an e-mail never finds one.
      const none = { tenant: null, passwordLogin: true, providers: [] };
      expect(await (await fetch(`${server.url}/api/auth/providers`)).json()).toEqual(none);
      const byEmail = await fetch(`${server.url}/api/auth/providers?email=nuno@brightpath.example`);
      expect(await byEmail.json()).toEqual(none);
    } finally {
      other.groups = groups;
      await removeUser(store, 'southwind', 'nuno@brightpath.example');
    }
  });

  it('redirects with PKCE (S256), state and nonce', async () => {
    const response = await visit(new CookieJar(), START());
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location') ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('redirect_uri')).toBe(CALLBACK());
    expect(response.headers.get('set-cookie')).toMatch(/covenant_oidc=.*HttpOnly.*SameSite=Lax/i);
  });

  it('signs a mapped user in, created just in time, with a session like a password sign-in', async () => {
    const { jar, callback } = await atCallback('joana');
    const back = await visit(jar, callback.href);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/#/');
    expect(back.headers.getSetCookie().join('\n')).toMatch(/covenant_session=.*HttpOnly.*SameSite=Strict/i);
    const signedIn = await me(jar);
    expect(signedIn.user).toMatchObject({
      email: 'joana@brightpath.example',
      name: 'Joana Silva',
      role: 'vendor_manager',
      organisation: 'brightpath',
      kind: 'vendor',
    });
    expect(signedIn.csrfToken).toMatch(/.{20,}/);
    const [row] = await store.query<{ password_hash: string }>(
      sql`SELECT password_hash FROM users WHERE tenant = ${TENANT} AND email = 'joana@brightpath.example'`,
    );
    expect(row?.password_hash).toMatch(/^oidc\$brightpath-sso\$/);
    // No password opens the account the provider created.
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'joana@brightpath.example', password: row?.password_hash }),
    });
    expect(login.status).toBe(401);
    const audit = await store.query<{ actor: string; action: string }>(
      sql`SELECT actor, action FROM audit_log WHERE tenant = ${TENANT} AND subject = 'joana@brightpath.example'`,
    );
    expect(audit).toEqual([{ actor: 'idp:brightpath-sso', action: 'user.add' }]);
  });

  it('refuses a replayed callback, even with the state cookie', async () => {
    const { jar, callback, stateCookie } = await atCallback('joana');
    expect((await visit(jar, callback.href)).status).toBe(302);
    const replay = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: `covenant_oidc=${stateCookie}` },
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used or has expired');
  });

  it('refuses a wrong state, and a callback without the browser’s state cookie', async () => {
    const { callback, stateCookie } = await atCallback('joana');
    const wrong = new URL(callback);
    wrong.searchParams.set('state', 'an-attackers-state-of-the-same-length-00000');
    const refused = await fetch(wrong, {
      redirect: 'manual',
      headers: { cookie: `covenant_oidc=${stateCookie}` },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('does not match');
    const otherBrowser = await fetch(callback, { redirect: 'manual' });
    expect(otherBrowser.status).toBe(400);
    expect(otherBrowser.headers.getSetCookie().join('')).not.toContain('covenant_session');
  });

  it('refuses an ID token whose nonce is not the sign-in’s, and a code without its PKCE verifier', async () => {
    const nonce = await atCallback('joana');
    await store.run(sql`UPDATE oidc_logins SET nonce = 'not-the-nonce-the-provider-signed'`);
    const badNonce = await visit(nonce.jar, nonce.callback.href);
    expect(badNonce.status).toBe(400);
    expect(await badNonce.text()).toMatch(/did not verify: .*&#34;nonce&#34; claim/);

    const pkce = await atCallback('joana');
    await store.run(
      sql`UPDATE oidc_logins SET code_verifier = 'a-verifier-that-never-made-the-challenge-0000'`,
    );
    const badVerifier = await visit(pkce.jar, pkce.callback.href);
    expect(badVerifier.status).toBe(400);
    // The provider refuses the code: the verifier does not hash to the challenge it was given.
    expect(await badVerifier.text()).toContain('invalid_grant');
    expect(badVerifier.headers.getSetCookie().join('')).not.toContain('covenant_session');
  });

  it('refuses claims that map to no role with a 403 page, and creates no user', async () => {
    const { jar, callback } = await atCallback('nuno');
    const refused = await visit(jar, callback.href);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('no role for nuno@brightpath.example');
    expect((await visit(jar, `${server.url}/api/me`)).status).toBe(401);
    const users = await store.query(sql`SELECT email FROM users WHERE email = 'nuno@brightpath.example'`);
    expect(users).toEqual([]);
    // A team lead's rule needs a site: the provider sent none.
    const lead = await atCallback('lead');
    const noSite = await visit(lead.jar, lead.callback.href);
    expect(noSite.status).toBe(403);
    expect(await noSite.text()).toContain('has no site');
  });

  it('brings the user up to date at the next sign-in, and refuses one taken out of the mapped groups', async () => {
    const joana = ACCOUNTS.joana as TestAccount;
    const before = { ...joana };
    try {
      Object.assign(joana, { groups: ['brightpath-leads'], site: 'lisbon' });
      const moved = await atCallback('joana');
      expect((await visit(moved.jar, moved.callback.href)).status).toBe(302);
      expect((await me(moved.jar)).user).toMatchObject({ role: 'team_lead', site: 'lisbon' });
      const [update] = await store.query<{ before_id: string; after_id: string }>(
        sql`SELECT before_id, after_id FROM audit_log WHERE action = 'user.update' AND subject = 'joana@brightpath.example'`,
      );
      expect(update).toEqual({
        before_id: 'vendor_manager of brightpath',
        after_id: 'team_lead of brightpath',
      });
      // Removed from the groups at the provider: the next sign-in is refused; the session
      // already open lasts until it ends or `covenant user remove` (docs/sign-in.md).
      joana.groups = ['staff'];
      const removed = await atCallback('joana');
      expect((await visit(removed.jar, removed.callback.href)).status).toBe(403);
      expect((await visit(moved.jar, `${server.url}/api/me`)).status).toBe(200);
    } finally {
      Object.assign(joana, before);
      delete joana.site;
    }
  });

  it('answers 404 for a provider the tenant does not have', async () => {
    const response = await fetch(`${server.url}/api/auth/oidc/${TENANT}/nobody/start`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(404);
  });
});

describe('password sign-in per tenant', () => {
  const login = () =>
    fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.example', password: 'a-long-password' }),
    });

  it('refuses the tenant’s users with a 403 naming single sign-on when it is off', async () => {
    await addUser(store, TENANT, {
      email: 'admin@northwind.example',
      name: 'Admin',
      role: 'client_admin',
      organisation: 'northwind',
      password: 'a-long-password',
    });
    expect((await login()).status).toBe(200);
    await setPasswordLogin(store, TENANT, false);
    const refused = await login();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toContain('single sign-on');
    const options = await (await fetch(`${server.url}/api/auth/providers?tenant=${TENANT}`)).json();
    expect(options.passwordLogin).toBe(false);
    // Single sign-on still works.
    const { jar, callback } = await atCallback('joana');
    expect((await visit(jar, callback.href)).status).toBe(302);
    await setPasswordLogin(store, TENANT, true);
    expect((await login()).status).toBe(200);
  });
});

describe('the log', () => {
  it('says why sign-ins failed, never with the client secret, a code or a state', () => {
    const text = logged.join('\n');
    expect(text).toContain('single sign-on did not verify');
    expect(text).toContain('single sign-on refused');
    expect(text).not.toContain(provider.clientSecret);
    expect(text).not.toMatch(/code=|state=/);
  });
});
