import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../server/logger.js';
import { type RunningServer, startServer } from '../server/serve.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { launchChromium } from './test-support/machine-setup.js';

/**
 * The API reference page (/api/docs) in a real Chromium: Swagger UI from this server
 * only (nothing fetched from elsewhere: the product works offline), under the strict CSP
 * with no violation, listing the operations of /api/openapi.json.
 */
let store: Store;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  store = await memoryStore();
  server = await startServer(store, { port: 0, deps: { log: silentLogger } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  await store?.close();
});

describe('GET /api/docs', () => {
  it('shows every operation, from this server alone, with no CSP violation or page error', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith('data:')) elsewhere.push(url);
    });
    const response = await page.goto(`${server.url}/api/docs`);
    expect(response?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    // Every tag's section is open (Swagger UI's default): each operation has its block.
    await expect.poll(() => page.locator('.opblock').count()).toBe(count);
    // Swagger UI may break long paths with zero-width spaces.
    const text = ((await page.locator('#swagger-ui').textContent()) ?? '').replace(/\u200b/g, '');
    expect(text).toContain('Covenant API');
    expect(text).toContain('/api/imports/{dataset}');
    expect(text).toContain('Import a file into a dataset');
    expect(text).toContain('/api/ready');
    // The security schemes are offered (the Authorize button).
    await expect.poll(() => page.locator('.btn.authorize').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 120_000);
});
