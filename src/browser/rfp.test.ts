import { describe, expect, it } from 'vitest';
import { browserSuite, byTestId, goTo, USERS } from './test-support/harness.js';

/**
 * RFPs on the dashboard, stored (docs/rfp.md, Stored RFPs): the client admin creates one
 * from the default template with the create form, a vendor manager answers it with the
 * response form, the evaluator scores it on the scoring page, and the comparison ranks
 * from the stored scores. The demo's RFP is in the list, loaded by `covenant demo`.
 */
const suite = browserSuite();
const ID = 'northwind-support-2030';

describe('an RFP on the dashboard', () => {
  it('is created from the template, answered by a vendor, scored by an evaluator and ranked', async () => {
    const coo = await suite.page(USERS.coo);
    await goTo(coo, '#/rfp');
    await byTestId(coo, 'rfp-row-northwind-support-2027').waitFor();
    await byTestId(coo, 'rfp-new').click();
    // Uploaded YAML is checked first: every problem with its line.
    await byTestId(coo, 'rfp-source-yaml').check();
    await byTestId(coo, 'rfp-new-yaml').fill(
      'apiVersion: covenant/v1\nkind: RFP\nmetadata: { name: Bad Name }\nspec: {}\n',
    );
    await byTestId(coo, 'rfp-new-deadline').fill('2030-01-15T17:00');
    await byTestId(coo, 'rfp-new-vendors').fill('coastline');
    await byTestId(coo, 'rfp-create-submit').click();
    const problems = byTestId(coo, 'rfp-create-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/line 3/);
    await coo.getByLabel('The default template', { exact: false }).check();
    await byTestId(coo, 'rfp-new-id').fill(ID);
    await byTestId(coo, 'rfp-new-title').fill('Support from 2030');
    await byTestId(coo, 'rfp-new-deadline').fill('2030-01-15T17:00');
    await byTestId(coo, 'rfp-new-evaluators').fill('coo@northwind.example');
    await byTestId(coo, 'rfp-new-vendors').fill('coastline, brightpath');
    await byTestId(coo, 'rfp-create-submit').click();
    await coo.waitForURL(new RegExp(`#/rfp/${ID}$`));
    await byTestId(coo, 'rfp-scoring').waitFor();

    const vendor = await suite.page(USERS.coastline);
    await goTo(vendor, '#/rfp');
    await byTestId(vendor, `rfp-link-${ID}`).click();
    await vendor.waitForURL(new RegExp(`#/rfp/${ID}/respond$`));
    await byTestId(vendor, 'rfp-field-answer.outcome-per-workflow.summary').fill(
      'Card disputes CSAT per workflow, before and after coaching.',
    );
    await byTestId(vendor, 'rfp-submit').click();
    await byTestId(vendor, 'rfp-submitted').waitFor();
    // The vendor sees no comparison.
    await goTo(vendor, `#/rfp/${ID}`);
    await byTestId(vendor, 'error-banner').waitFor();

    await goTo(coo, `#/rfp/${ID}`);
    await byTestId(coo, 'rfp-score-link').click();
    await coo.waitForURL(new RegExp(`#/rfp/${ID}/score$`));
    const card = byTestId(coo, 'rfp-score-coastline');
    await card.waitFor();
    const selects = card.locator('select');
    const count = await selects.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) await selects.nth(i).selectOption(i === 0 ? '4' : '2');
    await byTestId(coo, 'save-scores-coastline').click();
    await byTestId(coo, 'saved-coastline').waitFor();

    await goTo(coo, `#/rfp/${ID}`);
    const ranking = byTestId(coo, 'rfp-ranking');
    await ranking.waitFor();
    expect(await ranking.textContent()).toContain('coastline');
    expect(await byTestId(coo, 'rfp-scoring').textContent()).toContain(
      `coo@northwind.example: ${count} of ${count}`,
    );
  });
});
