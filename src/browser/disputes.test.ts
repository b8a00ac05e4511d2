import { describe, expect, it } from 'vitest';
import { settleContract } from '../contracts/settle-contract.js';
import { windowIn } from '../test-support/text-query.js';
import {
  BRIGHTPATH,
  BROWSER_NOW,
  browserSuite,
  byTestId,
  goTo,
  settled,
  TENANT,
  USERS,
} from './test-support/harness.js';

/**
 * Disputes in a real Chromium: the vendor disputes a line from the settlement page (its
 * badge counts the open dispute), the client accepts it on the dispute's page, the next
 * period's settlement page shows the adjustment, and the client admin's audit page shows
 * an intact chain.
 */
const suite = browserSuite();

describe('a dispute on the dashboard', () => {
  it('is opened by the vendor on the settlement page, accepted by the client, and carried on the next period', async () => {
    await settleContract(suite.world.store, TENANT, BRIGHTPATH, windowIn('2026-Q2'), BROWSER_NOW);
    const vendor = await suite.page(USERS.brightpath);
    await goTo(vendor, `#/contracts/${BRIGHTPATH}/settlement?period=2026-Q2`);
    const badge = byTestId(vendor, 'dispute-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-open')).toBe('0');
    await vendor.getByLabel('Amount claimed').fill('1.00');
    await vendor.getByLabel('Reason').fill('The base fee misses the Porto contacts');
    await vendor.getByRole('button', { name: 'Open dispute' }).click();
    await vendor.waitForSelector('[data-testid="dispute-badge"][data-open="1"]');
    expect(await badge.textContent()).toContain('1 dispute, 1 open');

    const client = await suite.page(USERS.coo);
    await goTo(client, '#/disputes/D-1');
    await byTestId(client, 'dispute-status').waitFor();
    await client.getByLabel('Agreed amount').fill('2.00');
    await client.getByRole('button', { name: 'Accept' }).click();
    await client.waitForSelector('[data-testid="dispute-status"][data-status="accepted"]');

    await goTo(client, `#/contracts/${BRIGHTPATH}/settlement?period=2026-Q3`);
    const adjustments = byTestId(client, 'dispute-adjustments');
    await adjustments.waitFor();
    expect(await adjustments.textContent()).toMatch(/^dispute D-1: /);

    await goTo(client, '#/audit');
    await client.waitForSelector('[data-testid="audit-chain"][data-ok="true"]');
    await settled(client);
    expect(await client.locator('tbody tr').filter({ hasText: 'dispute.resolved' }).count()).toBe(1);
  }, 120_000);
});
