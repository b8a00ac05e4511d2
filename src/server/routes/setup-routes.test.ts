import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { memoryStore } from '../../test-support/fixtures.js';
import { createApp } from '../app.js';
import { createSetupToken } from '../auth/setup.js';
import { findTenant } from '../auth/tenants.js';
import { serverDeps } from '../deps.js';
import { silentLogger } from '../logger.js';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp(serverDeps(store, { log: silentLogger }));
});

const form = (fields: Record<string, string>) =>
  app.request('/api/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('the setup link through its page (a form, no script)', () => {
  it('creates the tenant and its admin once, signs them in, and refuses every later use', async () => {
    const token = (await createSetupToken(store)) as string;
    const page = await app.request(`/setup?token=${encodeURIComponent(token)}`);
    expect(await page.text()).toContain(`name="token" value="${token}"`);
    const fields = {
      token,
      tenant: 'acme',
      tenantName: 'Acme Bank',
      name: 'Admin',
      email: 'admin@acme.example',
      password: 'acme-admin-2026',
    };
    const short = await form({ ...fields, password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/password/);
    const made = await form(fields);
    expect(made.status, await made.clone().text()).toBe(303);
    expect(made.headers.get('location')).toBe('/');
    expect(made.headers.get('set-cookie')).toMatch(/^covenant_session=acme\./);
    expect(await findTenant(store, 'acme')).toMatchObject({ name: 'Acme Bank', isDemo: false });
    const again = await form({ ...fields, email: 'second@acme.example' });
    expect(again.status).toBe(403);
    // A store with users makes no new link.
    expect(await createSetupToken(store)).toBeNull();
  });

  it('escapes what the link carries into the page', async () => {
    const page = await app.request('/setup?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });
});
