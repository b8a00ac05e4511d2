import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../core/contract/parse-contract.js';
import { BRIGHTPATH, browserSuite, byTestId, goTo, USERS } from './test-support/harness.js';

/**
 * The renewal page's negotiation what-if at demo scale 1, in a real Chromium: each change
 * of the terms is back-tested on the last four quarters and answered in under a second;
 * the edited terms download as a valid contract. Then the experiment and alerts pages.
 */
const suite = browserSuite({ scale: 1, startTimeoutMs: 600_000 });

const proposedTotal = async (page: Page) =>
  (await byTestId(page, 'whatif-total-proposed').textContent()) ?? '';

async function answered(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (old) => {
      const result = document.querySelector('[data-testid="whatif-result"]');
      const total = document.querySelector('[data-testid="whatif-total-proposed"]')?.textContent;
      return result?.getAttribute('data-pending') === 'false' && total !== old;
    },
    before,
    { timeout: 10_000 },
  );
}

describe('negotiation what-if', () => {
  it('re-prices each change in under 1 s and saves the terms as a valid contract', async () => {
    const page = await suite.page(USERS.coo);
    page.setDefaultTimeout(240_000);
    await goTo(page, `#/renewal?contract=${BRIGHTPATH}&asOf=2027-01-01`);
    await byTestId(page, 'whatif-result').and(page.locator('[data-pending="false"]')).waitFor();
    const changes: [string, string][] = [
      ['whatif-at-risk', '15'],
      ['whatif-bonus-cap', '6'],
      ['whatif-target-card-disputes-csat', '0.87'],
      ['whatif-rate', '4.4'],
    ];
    for (const [testId, value] of changes) {
      const before = await proposedTotal(page);
      const started = Date.now();
      await byTestId(page, testId).fill(value);
      await answered(page, before);
      const elapsed = Date.now() - started;
      expect(elapsed, `${testId} = ${value} answered in ${elapsed} ms`).toBeLessThan(1000);
    }
    const download = page.waitForEvent('download');
    await byTestId(page, 'whatif-save').click();
    const file = await (await download).path();
    const yaml = await readFile(file, 'utf8');
    expect(yaml).toContain('atRisk: 15%');
    expect(yaml).toContain('bonusCap: 6%');
    expect(yaml).toContain('rate: "4.40"');
    const parsed = parseContract(yaml, 'downloaded.yaml');
    expect(parsed.ok).toBe(true);
  }, 600_000);

  it('shows the coaching experiment and the alerts page', async () => {
    const page = await suite.page(USERS.coo);
    page.setDefaultTimeout(120_000);
    await goTo(page, '#/experiments?id=brightpath-coaching-2026');
    const effect = Number(await byTestId(page, 'experiment-effect').getAttribute('data-effect'));
    expect(effect).toBeGreaterThan(0);
    await byTestId(page, 'chart-experiment').and(page.locator('[data-ready="true"]')).waitFor();
    await goTo(page, `#/contracts/${BRIGHTPATH}/alerts`);
    await byTestId(page, 'money-at-risk').waitFor();
    expect(await byTestId(page, 'projection-table').locator('tbody tr').count()).toBeGreaterThan(5);
    // Every outcome tile of the overview carries its projected state.
    await goTo(page, `#/contracts/${BRIGHTPATH}?period=2026-Q3`);
    const state = byTestId(page, 'projected-state-card-disputes-csat');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="projected-state-card-disputes-csat"]')
        ?.getAttribute('data-state'),
    );
    expect(['on_track', 'at_risk', 'likely_miss', 'insufficient']).toContain(
      await state.getAttribute('data-state'),
    );
    expect(await page.locator('[data-testid^="projected-state-"][data-state=""]').count()).toBe(0);
  }, 300_000);

  it('shows the experiment and the alert history as evidence on the renewal scorecard', async () => {
    const page = await suite.page(USERS.coo);
    page.setDefaultTimeout(240_000);
    await goTo(page, `#/renewal?contract=${BRIGHTPATH}&asOf=2027-01-01`);
    await byTestId(page, 'renewal-experiment-brightpath-coaching-2026').waitFor();
    expect(await byTestId(page, 'renewal-evidence').textContent()).toContain('Alert history');
  }, 300_000);
});
