import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INTERACTION_HEADER, interaction } from '../test-support/fixtures.js';
import {
  apiSession,
  BRIGHTPATH,
  browserSuite,
  byTestId,
  type DemoUser,
  goTo,
  PERIOD,
  PROPOSAL,
  pageFetch,
  settled,
  USERS,
} from './test-support/harness.js';

/**
 * What users do in a real Chromium: drill from an outcome into its workflow, decide a
 * recalibration proposal as client and then as vendor, and watch an outcome tile change
 * within 2 seconds of an import, without a reload (server-sent events).
 */

const suite = browserSuite();
const pageAs = (user: DemoUser) => suite.page(user);

/** The raw numbers of the first Value inside an element. */
async function valueIn(page: Page, testId: string): Promise<{ metric: string; value: string; n: string }> {
  const value = byTestId(page, testId).locator('[data-testid="value"]').first();
  await value.waitFor();
  return {
    metric: (await value.getAttribute('data-metric')) ?? '',
    value: (await value.getAttribute('data-value')) ?? '',
    n: (await value.getAttribute('data-n')) ?? '',
  };
}

const rowHeaders = (page: Page, testId: string): Promise<string[]> =>
  byTestId(page, testId)
    .locator('tbody th')
    .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));

const OVERVIEW = `#/contracts/${BRIGHTPATH}?period=${PERIOD}`;

describe('drill into a workflow', () => {
  it('goes from an outcome tile to its drill-down with the same number, then changes the metric', async () => {
    const page = await pageAs(USERS.brightpath);
    await goTo(page, OVERVIEW);
    const tile = await valueIn(page, 'outcome-card-disputes-csat');
    await byTestId(page, 'outcome-card-disputes-csat')
      .getByRole('link', { name: /drill down/i })
      .click();
    await page.waitForURL(/#\/drilldown\?/);
    expect(new URL(page.url()).hash).toContain('portfolio=card-disputes');
    await byTestId(page, 'chart-trend').and(page.locator('[data-ready="true"]')).waitFor();
    await settled(page);
    // The same scope answers the same number on both pages.
    expect(await valueIn(page, 'drill-headline')).toEqual(tile);
    expect(await byTestId(page, 'drill-portfolio').inputValue()).toBe('card-disputes');
    expect(await byTestId(page, 'drill-metric').inputValue()).toBe('csat');

    await byTestId(page, 'drill-metric').selectOption('aht');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="drill-headline"] [data-testid="value"]')
          ?.getAttribute('data-metric') === 'aht',
    );
    await settled(page);
    expect(new URL(page.url()).hash).toContain('metric=aht');
    const headline = await valueIn(page, 'drill-headline');
    expect(Number(headline.value)).toBeGreaterThan(0);
    // The trend chart drew a series, and the tables break the same headline down.
    expect(await byTestId(page, 'chart-trend').locator('svg path').count()).toBeGreaterThan(0);
    expect(await byTestId(page, 'chart-trend').getAttribute('aria-label')).toMatch(/by day: \d+ points/);
    expect(await rowHeaders(page, 'table-by-site')).toEqual([
      'lisbon (Europe/Lisbon)',
      'manila (Asia/Manila)',
    ]);
    // Each site counts in its own local calendar, so the sites add up to the headline only
    // nearly (Manila's quarter starts and ends 7 hours before Lisbon's).
    const siteNs = await byTestId(page, 'table-by-site')
      .locator('[data-testid="value"]')
      .evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-n'))));
    for (const n of siteNs) expect(n).toBeGreaterThan(0);
    const total = siteNs.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - Number(headline.n))).toBeLessThanOrEqual(Number(headline.n) * 0.02);
    expect((await rowHeaders(page, 'table-by-channel')).length).toBeGreaterThan(1);
    expect(await byTestId(page, 'error-banner').count()).toBe(0);

    // Another portfolio: its first outcome by default.
    await byTestId(page, 'drill-portfolio').selectOption('simple-requests');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="drill-headline"] [data-testid="value"]')
          ?.getAttribute('data-metric') === 'resolution_rate',
    );
    await settled(page);
    expect(await rowHeaders(page, 'table-by-path')).toEqual(expect.arrayContaining(['bot', 'human']));
  });
});

describe('a recalibration proposal', () => {
  it('is approved by the client admin, then by the BrightPath vendor manager, and becomes version 2', async () => {
    const client = await pageAs(USERS.coo);
    await byTestId(client, 'nav-proposals').click();
    const status = byTestId(client, `proposal-status-${PROPOSAL}`);
    await expect(status.textContent()).resolves.toBe('open');
    await byTestId(client, `approve-${PROPOSAL}`).click();
    const card = byTestId(client, `proposal-${PROPOSAL}`);
    await card.getByRole('status').filter({ hasText: 'waiting for vendor' }).waitFor();
    await card.getByText('Awaiting: vendor.').waitFor();
    expect(await status.textContent()).toBe('open');
    expect(await byTestId(client, `approve-${PROPOSAL}`).count()).toBe(0);

    const vendor = await pageAs(USERS.brightpath);
    await byTestId(vendor, 'nav-proposals').click();
    await byTestId(vendor, `proposal-${PROPOSAL}`).getByText('Awaiting: vendor.').waitFor();
    await byTestId(vendor, `approve-${PROPOSAL}`).click();
    await byTestId(vendor, `proposal-status-${PROPOSAL}`).filter({ hasText: 'applied' }).waitFor();
    expect(await byTestId(vendor, `approve-${PROPOSAL}`).count()).toBe(0);

    // The contract now lists version 2, on the page and over the API.
    await byTestId(vendor, 'nav-contracts').click();
    await byTestId(vendor, `contract-row-${BRIGHTPATH}`)
      .getByText(/^v2 from /)
      .waitFor();
    const detail = await pageFetch(vendor, 'GET', `/api/contracts/${BRIGHTPATH}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toMatch(/"version":2/);
    // The client's open page heard about it too (the decision bumps the data version).
    await byTestId(client, `proposal-status-${PROPOSAL}`).filter({ hasText: 'applied' }).waitFor();
  });
});

describe('live update', () => {
  it('changes an outcome tile within 2 seconds of an import, without a reload', async () => {
    const page = await pageAs(USERS.coo);
    await goTo(page, OVERVIEW);
    await byTestId(page, 'outcome-card-disputes-csat').waitFor();
    await settled(page);
    // Connected: the server has sent its current version.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="data-version"]')?.getAttribute('data-version') !== '',
    );
    const marker = byTestId(page, 'data-version');
    const before = {
      version: await marker.getAttribute('data-version'),
      refreshes: await marker.getAttribute('data-refreshes'),
      tile: await valueIn(page, 'outcome-card-disputes-csat'),
      text: await byTestId(page, 'outcome-card-disputes-csat').locator('.value-main').textContent(),
    };
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // 40 unhappy card-dispute surveys at BrightPath Lisbon in August (in the quarter on screen).
    const rows = Array.from({ length: 40 }, (_, i) =>
      interaction(`live-${i}`, {
        started_at: `2026-08-${String(3 + (i % 20)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`,
        customer_id: `live-customer-${i}`,
        agent_id: suite.world.agentId,
        csat: '1',
      }),
    );
    const admin = await apiSession(suite.world, USERS.coo);
    const upload = await admin.send(
      'POST',
      '/api/imports/interactions?filename=x.csv',
      [INTERACTION_HEADER, ...rows].join('\n'),
    );
    expect(upload.status).toBe(200);
    expect(((await upload.json()) as { accepted: number }).accepted).toBe(40);

    const started = Date.now();
    await page
      .waitForFunction(
        ({ version, n }) => {
          const marker = document.querySelector('[data-testid="data-version"]');
          const value = document.querySelector(
            '[data-testid="outcome-card-disputes-csat"] [data-testid="value"]',
          );
          return marker?.getAttribute('data-version') !== version && value?.getAttribute('data-n') !== n;
        },
        { version: before.version, n: before.tile.n },
        { timeout: 2_000 },
      )
      .catch(async (error: Error) => {
        const now = {
          version: await marker.getAttribute('data-version'),
          refreshes: await marker.getAttribute('data-refreshes'),
          tile: await valueIn(page, 'outcome-card-disputes-csat'),
        };
        throw new Error(
          `no live update within 2 s of the import: before ${JSON.stringify(before)}, ${Date.now() - started} ms later ${JSON.stringify(now)}`,
          { cause: error },
        );
      });
    const elapsed = Date.now() - started;
    const after = await valueIn(page, 'outcome-card-disputes-csat');
    expect(Number(after.n)).toBe(Number(before.tile.n) + 40);
    expect(Number(after.value)).toBeLessThan(Number(before.tile.value));
    expect(await byTestId(page, 'outcome-card-disputes-csat').locator('.value-main').textContent()).not.toBe(
      before.text,
    );
    expect(Number(await marker.getAttribute('data-refreshes'))).toBeGreaterThan(Number(before.refreshes));
    expect(loads).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(elapsed).toBeLessThan(2_000);
  });
});
