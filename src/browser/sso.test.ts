import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentityProvider } from '../core/identity/parse-provider.js';
import { saveProvider, setPasswordLogin } from '../server/auth/identity-providers.js';
import { startTestProvider, type TestProvider } from '../test-support/identity-provider.js';
import { BRIGHTPATH, browserSuite, byTestId, TENANT } from './test-support/harness.js';

/**
 * Single sign-on in a real Chromium against a real OpenID provider on loopback: the login
 * page offers the tenant's provider, the provider's own login and consent pages sign the
 * person in, and a member of its brightpath-managers group lands, as BrightPath's vendor
 * manager, on BrightPath's contract.
 */
const suite = browserSuite();
let provider: TestProvider | undefined;

beforeAll(async () => {
  const { world } = suite;
  provider = await startTestProvider({
    redirectUris: [`${world.url}/api/auth/oidc/callback`],
    accounts: {
      'joana.sso': {
        email: 'joana.sso@brightpath.example',
        name: 'Joana Sousa',
        groups: ['brightpath-managers'],
      },
    },
  });
  const parsed = parseIdentityProvider(
    `apiVersion: covenant/v1
kind: IdentityProvider
metadata: { name: brightpath-sso, displayName: BrightPath SSO }
spec:
  issuer: ${provider.issuer}
  clientId: ${provider.clientId}
  scopes: [openid, email, profile, groups]
  claims: { groups: groups }
  roles:
    - { when: brightpath-managers, role: vendor_manager, organisation: brightpath }
`,
    'brightpath-sso.yaml',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await saveProvider(world.store, TENANT, parsed.value, provider.clientSecret);
}, 60_000);
afterAll(() => provider?.close());

describe('single sign-on', () => {
  it('signs a vendor manager in through the provider onto the vendor’s contract', async () => {
    const page = await suite.page(null);
    await page.goto('/#/login');
    const link = byTestId(page, 'sso-brightpath-sso');
    await expect(link.textContent()).resolves.toBe('Sign in with BrightPath SSO');
    // As a11y.test.ts: axe through the DevTools protocol (the page's CSP refuses injected scripts).
    await page.evaluate(axe.source);
    const serious = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(serious).toEqual([]);
    await link.click();
    // The provider's own pages: its login form, then its consent.
    await page.waitForURL((url) => url.origin === provider?.issuer);
    await page.fill('input[name="login"]', 'joana.sso');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('input[name="prompt"][value="consent"]', { state: 'attached' });
    await page.click('button[type="submit"]');
    await page.waitForURL(new RegExp(`#/contracts/${BRIGHTPATH}$`));
    await byTestId(page, 'nav-logout').waitFor();
    await byTestId(page, 'overview-projected-total').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user).toMatchObject({
      email: 'joana.sso@brightpath.example',
      role: 'vendor_manager',
      organisation: 'brightpath',
    });
  });

  it('shows only the providers when the tenant turned password sign-in off', async () => {
    await setPasswordLogin(suite.world.store, TENANT, false);
    try {
      const page = await suite.page(null);
      await page.goto('/#/login');
      await byTestId(page, 'sso-brightpath-sso').waitFor();
      await expect(page.locator('.login-sso p').first().textContent()).resolves.toBe(
        'Your organisation signs in with single sign-on only.',
      );
      expect(await byTestId(page, 'login-form').count()).toBe(0);
    } finally {
      await setPasswordLogin(suite.world.store, TENANT, true);
    }
  });
});
