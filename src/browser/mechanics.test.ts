import { describe, expect, it } from 'vitest';
import { computeSettlement } from '../contracts/settle-contract.js';
import { buildScorecard } from '../renewal/scorecard.js';
import { windowIn } from '../test-support/text-query.js';
import {
  BRIGHTPATH,
  BROWSER_NOW,
  browserSuite,
  byTestId,
  COASTLINE,
  goTo,
  TENANT,
  USERS,
} from './test-support/harness.js';

/**
 * The market mechanics in a real Chromium: Coastline's settlement page shows the defaults
 * chronic failure counts and the termination right its 2026-Q3 gave; the renewal what-if
 * re-prices a 150% pool and earn-back.
 */
const suite = browserSuite();

describe('the market mechanics on the dashboard', () => {
  it("shows Coastline's defaults and termination rights on the settlement page, as the API computes them", async () => {
    const { parts } = await computeSettlement(
      suite.world.store,
      TENANT,
      COASTLINE,
      windowIn('2026-Q4'),
      BROWSER_NOW,
      {
        mechanics: true,
      },
    );
    const outcomes = parts.at(-1)?.mechanics?.chronicFailure?.outcomes ?? [];
    // The story's slide: some outcome of Coastline has a termination right or is one default short by Q4.
    expect(outcomes.some((o) => o.terminationRight || o.oneShort)).toBe(true);
    const page = await suite.page(USERS.coo);
    await goTo(page, `#/contracts/${COASTLINE}/settlement?period=2026-Q4`);
    await byTestId(page, 'mechanics-chronic').waitFor();
    expect(await byTestId(page, 'mechanics-chronic').locator('caption').textContent()).toContain(
      '3 defaults of one outcome within 4 consecutive periods',
    );
    for (const o of outcomes) {
      const text = await byTestId(page, `chronic-${o.portfolio}-${o.metric}`).textContent();
      expect(text).toContain(o.defaults.join(', ') || '–');
      expect(text).toContain(
        o.terminationRight
          ? `Termination right from ${o.terminationRight.grantedIn} (${o.terminationRight.periods.join(', ')})`
          : o.oneShort
            ? 'One default short'
            : 'No termination right',
      );
    }
  }, 120_000);

  it("shows on Coastline's renewal page the termination rights its 2026 earned", async () => {
    const card = await buildScorecard(suite.world.store, TENANT, COASTLINE, { asOf: '2027-01-01' });
    const rights = card.mechanics?.terminationRights ?? [];
    expect(rights.length).toBeGreaterThan(0);
    const page = await suite.page(USERS.coo);
    page.setDefaultTimeout(120_000);
    await goTo(page, `#/renewal?contract=${COASTLINE}&asOf=2027-01-01`);
    const list = byTestId(page, 'renewal-termination-rights');
    await list.waitFor();
    const text = await list.textContent();
    for (const r of rights)
      expect(text).toContain(`${r.label}: Termination right from ${r.grantedIn} (${r.periods.join(', ')})`);
  }, 180_000);

  it('re-prices a 150% pool and earn-back in the what-if', async () => {
    const page = await suite.page(USERS.coo);
    await goTo(page, `#/renewal?contract=${BRIGHTPATH}&asOf=2027-01-01`);
    const result = byTestId(page, 'whatif-result').and(page.locator('[data-pending="false"]'));
    await result.waitFor();
    const total = async () => (await byTestId(page, 'whatif-total-proposed').textContent()) ?? '';
    for (const [testId, value] of [
      ['whatif-pool', '150'],
      ['whatif-earn-back-periods', '2'],
    ] as const) {
      const before = await total();
      await byTestId(page, testId).fill(value);
      await page.waitForFunction(
        (old) =>
          document.querySelector('[data-testid="whatif-result"]')?.getAttribute('data-pending') === 'false' &&
          document.querySelector('[data-testid="whatif-total-proposed"]')?.textContent !== old,
        before,
        { timeout: 20_000 },
      );
      expect(await total()).not.toBe(before);
    }
  }, 180_000);
});
