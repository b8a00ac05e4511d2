/**
 * The demo RFP (rfp/): the default template, three vendor responses and two evaluators'
 * scores, read from the files and ranked with the sensitivity of the ranking to the weights.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Issue, UserError } from '../core/issues.js';
import { renderRfpHtml, renderRfpTable } from '../core/rfp/format.js';
import { REPO_ROOT, tempDir } from '../test-support/fixtures.js';
import { scoreRfpFiles } from './rfp-files.js';

const RFP = join(REPO_ROOT, 'rfp/default-rfp.yaml');
const RESPONSES = join(REPO_ROOT, 'rfp/demo/responses');

describe('the demo RFP', () => {
  it('ranks the three responses, with agreement, intervals, sensitivity and the classification', async () => {
    const { evaluation: e } = await scoreRfpFiles({ rfp: RFP, responses: RESPONSES });
    expect(e.ranking.order).toEqual(['brightpath', 'coastline', 'harbourline']);
    expect(e.ranking.evaluatorWinners).toEqual([
      { evaluator: 'evaluator-a', winner: 'brightpath' },
      { evaluator: 'evaluator-b', winner: 'brightpath' },
    ]);
    const [bright, coast, harbour] = e.vendors;
    expect(bright?.total).toBeCloseTo(3.951, 3);
    expect(coast?.total).toBeCloseTo(2.444, 3);
    expect(harbour?.total).toBeCloseTo(1.492, 3);
    // Two evaluators: a t interval with one degree of freedom, wide where they disagree.
    expect(bright?.low).toBeLessThan(bright?.total as number);
    expect((coast?.high as number) - (coast?.low as number)).toBeGreaterThan(
      (bright?.high as number) - (bright?.low as number),
    );
    expect(e.ranking.margin).toBeCloseTo(1.507, 3);
    // Evaluator b is harsher; normalising removes it, so agreement on normalised scores is higher.
    expect(e.normalisation.evaluators.map((x) => [x.evaluator, Number(x.mean.toFixed(3))])).toEqual([
      ['evaluator-a', 3.022],
      ['evaluator-b', 2.156],
    ]);
    expect(e.agreement.raw.alpha).toBeCloseTo(0.758, 3);
    expect(e.agreement.normalised.alpha).toBeCloseTo(0.953, 3);
    expect(e.agreement.raw.units).toBe(45);
    // Only price moves the winner: at 90.4% instead of 15% (+75.4 pp) Harbourline ties BrightPath.
    const price = e.sensitivity.sections.find((s) => s.id === 'price');
    expect(price?.change).toBeCloseTo(0.754, 3);
    expect(price?.newWinner).toBe('harbourline');
    expect(e.sensitivity.sections.filter((s) => s.id !== 'price').every((s) => s.change === null)).toBe(true);
    expect(e.sensitivity.tightest).toMatchObject({
      level: 'question',
      id: 'pricing-model',
      newWinner: 'harbourline',
    });
    expect(e.sensitivity.tightest?.change).toBeCloseTo(0.44, 2);
    // Cost era or value era, by the stated rules.
    expect(e.vendors.map((v) => [v.vendor, v.classification, v.signalCount])).toEqual([
      ['brightpath', 'value_era_partner', 6],
      ['coastline', 'cost_era_vendor', 3],
      ['harbourline', 'cost_era_vendor', 0],
    ]);
    // Every attachment the demo responses name is in rfp/demo/evidence.
    expect(e.vendors.flatMap((v) => v.evidence.filter((x) => x.attached === false))).toEqual([]);
    expect(bright?.evidence.some((x) => x.attached === true)).toBe(true);
    expect(harbour?.missingEvidence.map((m) => m.question)).toContain('outcome-per-workflow');
    expect(e.issues).toEqual([]);
  });

  it('prints a table and a self-contained comparison page', async () => {
    const { evaluation } = await scoreRfpFiles({ rfp: RFP, responses: RESPONSES });
    const table = renderRfpTable(evaluation);
    expect(table).toContain('1     brightpath   3.95');
    expect(table).toContain('price       15%     +75.4 pp        90.4%       harbourline');
    const html = renderRfpHtml(evaluation);
    expect(html).not.toMatch(/<script|src=/i);
    expect(html).toContain('BrightPath BPO leads');
  });

  it('reports every problem of every file with its position', async () => {
    const dir = tempDir();
    const responses = join(dir, 'responses');
    mkdirSync(responses);
    cpSync(join(REPO_ROOT, 'rfp/demo/responses'), responses, { recursive: true });
    cpSync(join(REPO_ROOT, 'rfp/demo/scores'), join(dir, 'scores'), { recursive: true });
    const coastline = join(responses, 'coastline.yaml');
    writeFileSync(
      coastline,
      readFileSync(coastline, 'utf8').replace('question: escalation', 'question: escalations'),
    );
    const scores = join(dir, 'scores', 'evaluator-b.yaml');
    writeFileSync(
      scores,
      readFileSync(scores, 'utf8').replace('      retention: 0\n', '      retention: 9\n'),
    );
    const error = await scoreRfpFiles({ rfp: RFP, responses }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const issues = (error as UserError).issues.map(
      (i: Issue) => `${i.file?.slice(dir.length + 1)}:${i.line} ${i.code}`,
    );
    expect(issues).toEqual([
      'responses/coastline.yaml:91 unknown_question',
      'scores/evaluator-b.yaml:51 score_out_of_scale',
    ]);
  });
});
