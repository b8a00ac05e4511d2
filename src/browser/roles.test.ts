import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerQuery, CLI_FIELDS } from '../contracts/answer-query.js';
import { listVersions } from '../contracts/contract-store.js';
import { metricInfo, readsInteractions } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import {
  BRIGHTPATH,
  BRIGHTPATH_2027,
  browserSuite,
  byTestId,
  COASTLINE,
  type DemoUser,
  goTo,
  overflow,
  PERIOD,
  PHONE,
  PROPOSAL,
  pageFetch,
  screenshot,
  settled,
  TENANT,
  USERS,
} from './test-support/harness.js';

/**
 * Each role in a real Chromium: where they land, what they see and what they are refused;
 * the login by keyboard alone; every page at desktop and phone width, kept as screenshots.
 */

const suite = browserSuite();
const tabAs = (user: DemoUser | null, size: 'desktop' | 'phone' = 'desktop') => suite.page(user, size);

const testIds = (page: Page, prefix: string): Promise<string[]> =>
  page
    .locator(`[data-testid^="${prefix}"]`)
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));

const navIds = async (page: Page) => (await testIds(page, 'nav-')).filter((id) => id !== 'nav-logout');

const contractRows = async (page: Page) =>
  (await testIds(page, 'contract-row-')).map((id) => id.replace('contract-row-', '')).sort();

describe('each role sees only what it may', () => {
  it('the client admin lands on all three contracts, with every page in the nav', async () => {
    const page = await tabAs(USERS.coo);
    await page.waitForURL(/#\/contracts$/);
    await byTestId(page, 'contracts-table').waitFor();
    expect(await contractRows(page)).toEqual([BRIGHTPATH, BRIGHTPATH_2027, COASTLINE].sort());
    // The header names the tenant and marks the demo as a demo.
    expect(await byTestId(page, 'tenant-name').textContent()).toMatch(/Northwind Bank/);
    expect(await byTestId(page, 'demo-badge').isVisible()).toBe(true);
    expect(await navIds(page)).toEqual([
      'nav-contracts',
      'nav-drilldown',
      'nav-operations',
      'nav-automation',
      'nav-settlement',
      'nav-proposals',
      'nav-renewal',
      'nav-rfp',
      'nav-disputes',
      'nav-audit',
      'nav-glossary',
    ]);
    await byTestId(page, `contract-link-${COASTLINE}`).click();
    await byTestId(page, 'overview-projected-total').waitFor();
    expect(await page.locator('[data-testid^="outcome-"]').count()).toBeGreaterThan(0);
  });

  it('the client viewer sees all three contracts and reads proposals without deciding', async () => {
    const page = await tabAs(USERS.viewer);
    await byTestId(page, 'contracts-table').waitFor();
    expect(await contractRows(page)).toHaveLength(3);
    await byTestId(page, 'nav-proposals').click();
    await byTestId(page, `proposal-${PROPOSAL}`).waitFor();
    await expect(page.locator('#proposals-title + p').textContent()).resolves.toContain('You can read');
    expect(await byTestId(page, `approve-${PROPOSAL}`).count()).toBe(0);
  });

  it('a vendor manager lands on their current contract and lists only their own', async () => {
    const page = await tabAs(USERS.brightpath);
    await page.waitForURL(new RegExp(`#/contracts/${BRIGHTPATH}$`));
    await byTestId(page, 'overview-projected-total').waitFor();
    expect(await testIds(page, 'outcome-')).toContain('outcome-card-disputes-csat');
    await byTestId(page, 'nav-contracts').click();
    await byTestId(page, 'contracts-table').waitFor();
    expect(await contractRows(page)).toEqual([BRIGHTPATH, BRIGHTPATH_2027]);

    const other = await tabAs(USERS.coastline);
    await other.waitForURL(new RegExp(`#/contracts/${COASTLINE}$`));
    await byTestId(other, 'overview-projected-total').waitFor();
    await byTestId(other, 'nav-contracts').click();
    await byTestId(other, 'contracts-table').waitFor();
    expect(await contractRows(other)).toEqual([COASTLINE]);
  });

  it('the team lead lands on remote operations for their site, and only their site', async () => {
    const page = await tabAs(USERS.lead);
    await page.waitForURL(/#\/operations\?site=lisbon$/);
    await byTestId(page, 'operations-table').waitFor();
    await settled(page);
    await expect(page.locator('#ops-title').textContent()).resolves.toBe('Remote operations: lisbon');
    const rows = await testIds(page, 'operations-row-');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toBe('operations-row-brightpath/lisbon');
    expect(await navIds(page)).toEqual(['nav-operations', 'nav-drilldown', 'nav-automation', 'nav-glossary']);
  });

  it('the agent lands on their own numbers beside their site’s, with no way to the contracts', async () => {
    const page = await tabAs(USERS.agent);
    await page.waitForURL(/#\/agent$/);
    await byTestId(page, 'agent-table').waitFor();
    await settled(page);
    expect(await navIds(page)).toEqual(['nav-agent', 'nav-glossary']);
    await expect(page.locator('#agent-title + p').textContent()).resolves.toContain(suite.world.agentId);
    const csat = byTestId(page, 'agent-row-csat').locator('[data-testid="value"]');
    expect(await csat.count()).toBe(2);
    const [own, site] = [
      Number(await csat.nth(0).getAttribute('data-n')),
      Number(await csat.nth(1).getAttribute('data-n')),
    ];
    expect(own).toBeGreaterThan(0);
    expect(site).toBeGreaterThan(own);
    // The contracts page is not in the nav; typed in, it shows nothing of another vendor.
    await goTo(page, '#/contracts');
    await settled(page);
    expect(await contractRows(page)).not.toContain(COASTLINE);
    // Another agent's numbers or a breakdown by agent are refused.
    const mine = { metrics: ['csat'], period: PERIOD, where: { agent: [suite.world.agentId] } };
    expect((await pageFetch(page, 'POST', '/api/query', mine)).status).toBe(200);
    const others = { metrics: ['csat'], period: PERIOD, by: ['agent'] };
    expect((await pageFetch(page, 'POST', '/api/query', others)).status).toBe(403);
  });
});

describe('another vendor’s contract, by URL and by API', () => {
  it('shows coastline a not-found message and answers 404 and 403', async () => {
    const page = await tabAs(USERS.coastline);
    await byTestId(page, 'overview-projected-total').waitFor();

    await goTo(page, `#/contracts/${BRIGHTPATH}`);
    await expect(
      page.getByText(`No contract ${BRIGHTPATH} among those you may see.`).textContent(),
    ).resolves.toBeTruthy();
    expect(await byTestId(page, 'overview-projected-total').count()).toBe(0);
    // With the period in the URL the page asks the API, which answers 404: shown as an error.
    await goTo(page, `#/contracts/${BRIGHTPATH}?period=${PERIOD}`);
    await expect(byTestId(page, 'error-banner').textContent()).resolves.toMatch(/no contract|not found/i);
    await goTo(page, `#/contracts/${BRIGHTPATH}/settlement?period=${PERIOD}`);
    await expect(byTestId(page, 'error-banner').textContent()).resolves.toMatch(/no contract|not found/i);
    expect(await byTestId(page, 'settlement-total').count()).toBe(0);

    expect((await pageFetch(page, 'GET', `/api/contracts/${BRIGHTPATH}`)).status).toBe(404);
    expect(
      (await pageFetch(page, 'GET', `/api/contracts/${BRIGHTPATH}/overview?period=${PERIOD}`)).status,
    ).toBe(404);
    expect((await pageFetch(page, 'GET', `/api/proposals/${PROPOSAL}`)).status).toBe(404);
    const query = (vendor: string) => ({
      metrics: ['contacts'],
      period: PERIOD,
      where: { vendor: [vendor] },
    });
    expect((await pageFetch(page, 'POST', '/api/query', query('coastline'))).status).toBe(200);
    const refused = await pageFetch(page, 'POST', '/api/query', query('brightpath'));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('vendor');
  });
});

describe('keyboard', () => {
  it('reaches and submits the login form with Tab and Enter, then skips to the content', async () => {
    const page = await tabAs(null);
    await page.goto('/#/login');
    await byTestId(page, 'login-form').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    // The page puts the caret in the email field; from the top of the document Tab reaches it too.
    expect(await focused()).toBe('login-email');
    await page.mouse.click(1, 1);
    expect(await focused()).toBe(null);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('login-email');
    await page.keyboard.type(USERS.coo.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('login-password');
    await page.keyboard.type(USERS.coo.password);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('login-submit');
    await page.keyboard.press('Enter');
    await byTestId(page, 'contracts-table').waitFor();

    // The first Tab reaches the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // A nav link is reachable by Tab and followed with Enter.
    await byTestId(page, 'nav-proposals').focus();
    await page.keyboard.press('Enter');
    await byTestId(page, `approve-${PROPOSAL}`).waitFor();
  });
});

/** Every page, the testid it is ready on, and the user who sees it. */
const PAGES: { name: string; hash: string; ready: string; user: 'coo' | 'agent' | null }[] = [
  { name: 'login', hash: '#/login', ready: 'login-form', user: null },
  { name: 'contracts', hash: '#/contracts', ready: 'contracts-table', user: 'coo' },
  {
    name: 'overview',
    hash: `#/contracts/${BRIGHTPATH}?period=${PERIOD}`,
    ready: 'overview-projected-total',
    user: 'coo',
  },
  {
    name: 'drilldown',
    hash: `#/drilldown?contract=${BRIGHTPATH}&portfolio=card-disputes&metric=csat&period=${PERIOD}`,
    ready: 'table-by-path',
    user: 'coo',
  },
  { name: 'operations', hash: '#/operations', ready: 'operations-table', user: 'coo' },
  { name: 'automation', hash: '#/automation', ready: 'chart-automation', user: 'coo' },
  {
    name: 'settlement',
    hash: `#/contracts/${BRIGHTPATH}/settlement?period=${PERIOD}`,
    ready: 'settlement-total',
    user: 'coo',
  },
  { name: 'proposals', hash: '#/proposals', ready: `proposal-${PROPOSAL}`, user: 'coo' },
  { name: 'glossary', hash: '#/glossary', ready: 'glossary-csat', user: 'coo' },
  { name: 'agent', hash: '#/agent', ready: 'agent-table', user: 'agent' },
];

describe.each(['desktop', 'phone'] as const)('every page at %s width', (size) => {
  it('renders without errors, without horizontal scroll on a phone, and is kept as a screenshot', async () => {
    const anonymous = await tabAs(null, size);
    const coo = await tabAs(USERS.coo, size);
    const agent = await tabAs(USERS.agent, size);
    const pageOf = { coo, agent } as const;
    const wide: string[] = [];
    for (const { name, hash, ready, user } of PAGES) {
      const page = user ? pageOf[user] : anonymous;
      await goTo(page, hash);
      await byTestId(page, ready).first().waitFor();
      await settled(page);
      expect(await byTestId(page, 'error-banner').count(), `${name}: error banner`).toBe(0);
      const { scrollWidth, innerWidth } = await overflow(page);
      if (size === 'phone' && (scrollWidth > PHONE.width || scrollWidth > innerWidth))
        wide.push(`${name}: ${scrollWidth}px wide in ${innerWidth}px`);
      await screenshot(page, name, size);
    }
    expect(wide, 'pages that scroll sideways').toEqual([]);
  });
});

describe('a team lead', () => {
  it('the team lead sees the drill-down of their contract’s outcomes', async () => {
    const page = await tabAs(USERS.lead);
    await byTestId(page, 'nav-drilldown').click();
    await byTestId(page, 'drill-headline').waitFor();
    await settled(page);
    expect(
      await page.locator('[data-testid="drill-headline"] [data-testid="value"]').count(),
    ).toBeGreaterThan(0);
    expect((await pageFetch(page, 'GET', '/api/contracts')).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: BRIGHTPATH })]),
    );
    // Outcomes, not the vendor's money: the invoice stays the manager's.
    expect(
      (await pageFetch(page, 'GET', `/api/contracts/${BRIGHTPATH}/settlement?period=${PERIOD}`)).status,
    ).toBe(404);
  });
});

describe('one number, whoever asks: the dashboard shows what `covenant query --contract` gives', () => {
  it('every tile of the remote operations page equals the CLI’s answer for the same scope', async () => {
    const page = await tabAs(USERS.brightpath);
    await goTo(page, `#/operations?contract=${BRIGHTPATH}&period=${PERIOD}`);
    await byTestId(page, 'operations-table').waitFor();
    await settled(page);
    const tiles = await page
      .locator('[data-testid^="operations-row-"] [data-testid="value"]')
      .evaluateAll((nodes) =>
        nodes.map((n) => ({
          row: n.closest('tr')?.getAttribute('data-testid')?.replace('operations-row-', '') ?? '',
          metric: n.getAttribute('data-metric') ?? '',
          value: n.getAttribute('data-value') ?? '',
          n: n.getAttribute('data-n') ?? '',
        })),
      );
    expect(tiles.length).toBeGreaterThan(6);
    const { store } = suite.world;
    const [terms] = (await listVersions(store, TENANT)).filter((v) => v.contractId === BRIGHTPATH).slice(-1);
    const expected: typeof tiles = [];
    for (const metric of new Set(tiles.map((t) => t.metric))) {
      const info = metricInfo(metric);
      const where = {
        vendor: ['brightpath'],
        ...(info && readsInteractions(info) ? { workflow: terms?.contract.workflows ?? [] } : {}),
      };
      const ask = { metrics: [metric], period: PERIOD, where, params: {}, minN: 1, contract: BRIGHTPATH };
      const [bySite, total] = await Promise.all([
        answerQuery(store, TENANT, { ...ask, by: ['vendor', 'site'] }, CLI_FIELDS),
        answerQuery(store, TENANT, { ...ask, by: [] }, CLI_FIELDS),
      ]);
      const tile = (row: string, r: MetricResult) => ({
        row,
        metric,
        value: String(r.value ?? ''),
        n: String(r.n),
      });
      for (const r of bySite.results) expected.push(tile(`${r.group.vendor}/${r.group.site}`, r));
      for (const r of total.results) expected.push(tile('brightpath/~total', r));
    }
    const key = (t: (typeof tiles)[number]) => `${t.row}|${t.metric}`;
    const sort = (list: typeof tiles) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(tiles)).toEqual(sort(expected.filter((e) => tiles.some((t) => key(t) === key(e)))));
    expect(new Set(tiles.map(key)).size).toBe(tiles.length);
  });
});

describe('the content security policy', () => {
  it('is strict, enforced, and every page of the dashboard runs under it', async () => {
    const coo = await tabAs(USERS.coo);
    const agent = await tabAs(USERS.agent);
    const violations: string[] = [];
    for (const page of [coo, agent])
      page.on(
        'console',
        (m) => void (/Content Security Policy/i.test(m.text()) && violations.push(m.text())),
      );
    const response = await coo.request.get('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // Enforced: an injected inline script does not run (in a page of its own, outside the suite's error check).
    const probe = await suite.world.browser.newPage({ baseURL: suite.world.url });
    await probe.goto('/');
    const ran = await probe.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    await probe.close();
    expect(ran).toBe(false);
    for (const { name, hash, ready, user } of PAGES) {
      if (!user) continue;
      const page = user === 'agent' ? agent : coo;
      await goTo(page, hash);
      await byTestId(page, ready).first().waitFor();
      await settled(page);
      expect(violations, name).toEqual([]);
    }
  });
});
