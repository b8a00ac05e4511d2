import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../issues.js';
import { kindOf, parseResponse, parseRfp, parseScores } from './parse.js';
import type { Rfp } from './types.js';

const DEFAULT_RFP = fileURLToPath(new URL('../../../rfp/default-rfp.yaml', import.meta.url));

const where = (issues: Issue[]) => issues.map((i) => `${i.line}:${i.column} ${i.code}: ${i.message}`);

const RFP = `apiVersion: covenant/v1
kind: RFP
metadata: { name: small-rfp }
spec:
  client: northwind
  currency: EUR
  sections:
    - id: outcomes
      title: Outcomes
      weight: 60%
      questions:
        - id: moved
          title: Outcomes moved
          text: Which outcomes did you move?
          weight: 100%
          evidence:
            - { id: before-after, kind: before_after_data, description: data, required: true }
    - id: price
      title: Price
      weight: 40%
      questions:
        - { id: rate, title: Rate, text: What is your rate?, weight: 100% }
`;

const rfp = (): Rfp => {
  const parsed = parseRfp(RFP, 'small.yaml');
  if (!parsed.ok) throw new Error(where(parsed.issues).join('\n'));
  return parsed.value;
};

describe('parseRfp', () => {
  it('reads the default template: six sections built on the three questions, weights that add up', () => {
    const parsed = parseRfp(readFileSync(DEFAULT_RFP, 'utf8'), DEFAULT_RFP);
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
    const value = parsed.value;
    expect(value.sections.map((s) => s.id)).toEqual([
      'outcomes',
      'talent',
      'automation',
      'price',
      'security',
      'continuity',
    ]);
    expect(value.questions).toHaveLength(15);
    expect(value.questions.reduce((sum, q) => sum + q.globalWeight, 0)).toBeCloseTo(1, 12);
    expect(value.questions.find((q) => q.id === 'outcome-per-workflow')?.evidence[0]).toMatchObject({
      kind: 'before_after_data',
      required: true,
    });
    expect(value.scale).toMatchObject({ min: 0, max: 5 });
  });

  it('normalises weights and fills defaults', () => {
    const value = rfp();
    expect(value.sections.map((s) => s.weight)).toEqual([0.6, 0.4]);
    expect(value.questions.map((q) => [q.id, q.globalWeight])).toEqual([
      ['moved', 0.6],
      ['rate', 0.4],
    ]);
    expect(value.scale).toEqual({ min: 0, max: 5, anchors: {} });
  });

  it('reports every problem of a file at once, each at its line and column', () => {
    const bad = RFP.replace('weight: 40%', 'weight: 30%')
      .replace('kind: before_after_data', 'kind: before_after')
      .replace('{ id: rate,', '{ id: moved,')
      .replace('      title: Price\n', '      title: Price\n      colour: blue\n');
    const parsed = parseRfp(bad, 'bad.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(where(parsed.issues)).toEqual([
      '7:3 weights_sum: section weights must sum to 100%, found 60% + 30% = 90%',
      expect.stringMatching(/^17:41 invalid: expected an evidence kind: one of before_after_data, /),
      '20:7 unknown_key: unknown key colour; expected one of id, title, description, weight, questions',
      '23:17 duplicate_id: question moved is used twice (first at spec.sections.0.questions.0.id)',
    ]);
    expect(parsed.issues[0]?.file).toBe('bad.yaml');
  });

  it('knows a document by its kind', () => {
    expect(kindOf(RFP)).toBe('RFP');
    expect(kindOf('apiVersion: covenant/v1\nkind: "RFPScores"  # scores\n')).toBe('RFPScores');
    expect(kindOf('a: 1')).toBeNull();
  });
});

const RESPONSE = `apiVersion: covenant/v1
kind: RFPResponse
metadata: { name: acme }
spec:
  rfp: small-rfp
  vendor: acme
  pricing: { model: outcome_based, atRisk: 12% }
  commitments: { coachingCadence: 14d }
  answers:
    - question: moved
      summary: We moved CSAT.
      evidence:
        - { request: before-after, title: CSAT, file: csat.csv, metric: csat,
            before: { period: 2025-Q4, value: 0.79 }, after: { period: 2026-Q3, value: 0.86 } }
    - question: rate
      summary: EUR 4.10 per contact.
`;

describe('parseResponse', () => {
  it('reads a response against its RFP, resolving each evidence item to the kind asked for', () => {
    const parsed = parseResponse(RESPONSE, 'acme.yaml', rfp());
    if (!parsed.ok) throw new Error(where(parsed.issues).join('\n'));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.value.pricing).toEqual({ model: 'outcome_based', atRisk: 0.12, bonusCap: 0 });
    expect(parsed.value.commitments).toEqual({ coachingCadence: 14 * 86_400, coachingCadenceText: '14d' });
    expect(parsed.value.answers[0]?.evidence[0]).toMatchObject({
      kind: 'before_after_data',
      before: { value: 0.79 },
    });
  });

  it('refuses ids the RFP does not have, with a suggestion, at their positions', () => {
    const bad = RESPONSE.replace('question: rate', 'question: rates').replace(
      'request: before-after',
      'request: before-afer',
    );
    const parsed = parseResponse(bad, 'acme.yaml', rfp());
    expect(parsed.ok ? [] : where(parsed.issues)).toEqual([
      '13:22 unknown_evidence_request: question moved asks for no evidence before-afer (did you mean before-after?); it asks for before-after',
      '15:17 unknown_question: small-rfp has no question rates (did you mean rate?)',
    ]);
  });

  it('warns about an unanswered question and missing required evidence, and keeps the response', () => {
    const thin = RESPONSE.replace(/ {6}evidence:\n.*\n.*\n/, '').replace(/ {4}- question: rate\n.*\n/, '');
    const parsed = parseResponse(thin, 'acme.yaml', rfp());
    if (!parsed.ok) throw new Error(where(parsed.issues).join('\n'));
    expect(where(parsed.warnings)).toEqual([
      '9:3 unanswered: no answer to rate',
      '10:7 missing_evidence: question moved requires evidence before-after (before_after_data); none is attached',
    ]);
  });
});

const SCORES = `apiVersion: covenant/v1
kind: RFPScores
metadata: { name: evaluator-a }
spec:
  rfp: small-rfp
  evaluator: { id: evaluator-a }
  scores:
    acme: { moved: 5, rate: { score: 3, note: pricey } }
    zeta: { moved: 2, rate: 4 }
`;

describe('parseScores', () => {
  it('reads a score per vendor and question, with notes', () => {
    const parsed = parseScores(SCORES, 'a.yaml', rfp(), ['acme', 'zeta']);
    if (!parsed.ok) throw new Error(where(parsed.issues).join('\n'));
    expect(parsed.value.scores).toEqual([
      { vendor: 'acme', question: 'moved', score: 5 },
      { vendor: 'acme', question: 'rate', score: 3, note: 'pricey' },
      { vendor: 'zeta', question: 'moved', score: 2 },
      { vendor: 'zeta', question: 'rate', score: 4 },
    ]);
  });

  it('refuses scores outside the scale, unknown vendors and questions, and gaps', () => {
    const bad = SCORES.replace('moved: 5', 'moved: 7').replace(
      'zeta: { moved: 2, rate: 4 }',
      'zetta: { moved: 2, rat: 4 }',
    );
    const parsed = parseScores(bad, 'a.yaml', rfp(), ['acme', 'zeta']);
    expect(parsed.ok ? [] : where(parsed.issues)).toEqual([
      '7:3 unscored_vendor: evaluator-a did not score zeta',
      '8:20 score_out_of_scale: a score is between 0 and 5, found 7',
      '9:5 unknown_vendor: no response from a vendor zetta (did you mean zeta?); responses are from acme, zeta',
    ]);
    const gap = parseScores(SCORES.replace(', rate: 4', ''), 'a.yaml', rfp(), ['acme', 'zeta']);
    expect(gap.ok ? [] : where(gap.issues)).toEqual(['9:5 unscored: evaluator-a did not score zeta on rate']);
  });
});
