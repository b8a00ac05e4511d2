import { describe, expect, it } from 'vitest';
import { alphaFromMatrix } from '../stats/krippendorff.js';
import { classify } from './classify.js';
import { evaluateRfp } from './evaluate.js';
import { agreement, normaliseScores, type RawScore, weightedTotals, weightSensitivity } from './score.js';
import type { Rfp, RfpResponse } from './types.js';

const raw = (evaluator: string, rows: [string, string, number][]): RawScore[] =>
  rows.map(([vendor, question, score]) => ({ evaluator, vendor, question, score }));

describe('normalisation per evaluator', () => {
  it('z-scores each evaluator and puts the scores back on the scale with the pooled mean and sd', () => {
    // Evaluator a gives 4 and 2 (mean 3, sd 1); b is harsher and wider, 3 and -1... on a 0-5
    // scale: b gives 5 and 1 (mean 3, sd 2). Pooled: 4, 2, 5, 1: mean 3, sd sqrt(2.5).
    // Both rank x above y by one of their own sds, so both normalise to 3 ± sqrt(2.5).
    const scores = [
      ...raw('a', [
        ['x', 'q', 4],
        ['y', 'q', 2],
      ]),
      ...raw('b', [
        ['x', 'q', 5],
        ['y', 'q', 1],
      ]),
    ];
    const { normalised, normalisation } = normaliseScores(scores);
    expect(normalisation.pooledMean).toBe(3);
    expect(normalisation.pooledSd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(normalisation.evaluators.map((e) => [e.evaluator, e.mean, e.sd])).toEqual([
      ['a', 3, 1],
      ['b', 3, 2],
    ]);
    expect(normalised.map((s) => s.score)).toEqual([
      3 + Math.sqrt(2.5),
      3 - Math.sqrt(2.5),
      3 + Math.sqrt(2.5),
      3 - Math.sqrt(2.5),
    ]);
  });

  it('removes leniency: an evaluator one point kinder everywhere normalises to the same scores', () => {
    const a = raw('a', [
      ['x', 'q1', 4],
      ['x', 'q2', 3],
      ['y', 'q1', 2],
      ['y', 'q2', 1],
    ]);
    const b = a.map((s) => ({ ...s, evaluator: 'b', score: s.score + 1 }));
    const { normalised } = normaliseScores([...a, ...b]);
    const byA = normalised.filter((s) => s.evaluator === 'a').map((s) => s.score);
    const byB = normalised.filter((s) => s.evaluator === 'b').map((s) => s.score);
    byA.forEach((v, i) => {
      expect(v).toBeCloseTo(byB[i] as number, 12);
    });
    // Raw agreement suffers from the offset; normalised agreement is perfect.
    expect(agreement([...a, ...b]).alpha).toBeLessThan(0.9);
    expect(agreement(normalised).alpha).toBeCloseTo(1, 12);
  });

  it('gives an evaluator who scores everything alike no say in the ranking', () => {
    const { normalised, normalisation } = normaliseScores([
      ...raw('a', [
        ['x', 'q', 3],
        ['y', 'q', 3],
      ]),
      ...raw('b', [
        ['x', 'q', 5],
        ['y', 'q', 1],
      ]),
    ]);
    expect(normalisation.evaluators[0]?.degenerate).toBe(true);
    expect(normalised[0]?.score).toBe(normalised[1]?.score);
  });
});

describe('agreement between evaluators', () => {
  it("is the metric engine's interval alpha over (vendor, question) units", () => {
    const scores = [
      ...raw('a', [
        ['x', 'q1', 4],
        ['x', 'q2', 3],
        ['y', 'q1', 2],
        ['y', 'q2', 1],
        ['z', 'q1', 5],
      ]),
      ...raw('b', [
        ['x', 'q1', 5],
        ['x', 'q2', 3],
        ['y', 'q1', 1],
        ['y', 'q2', 2],
        ['z', 'q1', 4],
      ]),
      ...raw('c', [
        ['x', 'q1', 4],
        ['y', 'q1', 2],
      ]),
    ];
    const matrix = [
      [4, 5, 4],
      [3, 3, null],
      [2, 1, 2],
      [1, 2, null],
      [5, 4, null],
    ];
    const result = agreement(scores);
    expect(result.units).toBe(5);
    expect(result.alpha).toBeCloseTo(alphaFromMatrix(matrix, 'interval') as number, 12);
    expect(result.low).not.toBeNull();
    expect(result.low as number).toBeLessThanOrEqual(result.alpha as number);
  });
});

describe('weighted totals', () => {
  it('averages the evaluators’ weighted totals, with a t interval over evaluators', () => {
    const weights = new Map([
      ['q1', 0.6],
      ['q2', 0.4],
    ]);
    // a: x = 0.6 x 4 + 0.4 x 2 = 3.2; b: x = 0.6 x 3 + 0.4 x 4 = 3.4. Mean 3.3, sd of the two
    // totals = 0.1414, t(0.975, 1) = 12.706: 3.3 ± 12.706 x 0.1414 / sqrt(2) = 3.3 ± 1.2706.
    const scores = [
      ...raw('a', [
        ['x', 'q1', 4],
        ['x', 'q2', 2],
      ]),
      ...raw('b', [
        ['x', 'q1', 3],
        ['x', 'q2', 4],
      ]),
    ];
    const [x] = weightedTotals(scores, weights, ['x']);
    expect(x?.total).toBeCloseTo(3.3, 12);
    expect(x?.byEvaluator.map((e) => e.total)).toEqual([3.2, expect.closeTo(3.4, 12)]);
    expect(x?.low).toBeCloseTo(3.3 - 1.27062, 4);
    expect(x?.high).toBeCloseTo(3.3 + 1.27062, 4);
    // One evaluator: no interval.
    expect(weightedTotals(raw('a', [['x', 'q1', 4]]), weights, ['x'])[0]).toMatchObject({
      low: null,
      high: null,
    });
  });
});

describe('weight sensitivity', () => {
  it('finds the smallest change of each weight that makes a challenger tie the winner (hand-computed)', () => {
    // Two sections weighted 60% / 40%. A scores (4, 2): 3.2; B scores (3, 4): 3.4, so B wins.
    // Section 1: R_A = 3.2 - 0.6 x 4 = 0.8, R_B = 3.4 - 0.6 x 3 = 1.6; the gap B - A = 0.2 moves by
    // (3 - 4) - (1.6 - 0.8) / 0.4 = -3 per unit of weight, so it closes at +0.2 / 3 = +6.67 pp:
    // at 66.67% / 33.33% both total 3.333. Section 2 is its mirror: -6.67 pp.
    const scores = new Map([
      [
        'A',
        new Map([
          ['s1', 4],
          ['s2', 2],
        ]),
      ],
      [
        'B',
        new Map([
          ['s1', 3],
          ['s2', 4],
        ]),
      ],
    ]);
    const result = weightSensitivity(
      [
        { id: 's1', weight: 0.6 },
        { id: 's2', weight: 0.4 },
      ],
      scores,
    );
    expect(result.winner).toBe('B');
    expect(result.items[0]?.change).toBeCloseTo(0.2 / 3, 12);
    expect(result.items[0]?.newWeight).toBeCloseTo(2 / 3, 12);
    expect(result.items[0]?.newWinner).toBe('A');
    expect(result.items[1]?.change).toBeCloseTo(-0.2 / 3, 12);
  });

  it('takes the nearest challenger, and says when no weight in 0..100% changes the winner', () => {
    // Three sections, a third each. W (5, 5, 1) = 3.667; P (4, 4, 4) = 4; C (1, 1, 5) = 2.333.
    // P wins. Moving section 3's weight w (s1 and s2 share the rest equally): P stays at 4, C is
    // 1 + 4w (ties P at w = 75%, +41.67 pp) and W is 5 - 4w (ties P at w = 25%, -8.33 pp): W is nearer.
    const scores = new Map([
      [
        'W',
        new Map([
          ['s1', 5],
          ['s2', 5],
          ['s3', 1],
        ]),
      ],
      [
        'P',
        new Map([
          ['s1', 4],
          ['s2', 4],
          ['s3', 4],
        ]),
      ],
      [
        'C',
        new Map([
          ['s1', 1],
          ['s2', 1],
          ['s3', 5],
        ]),
      ],
    ]);
    const third = 1 / 3;
    const result = weightSensitivity(
      [
        { id: 's1', weight: third },
        { id: 's2', weight: third },
        { id: 's3', weight: third },
      ],
      scores,
    );
    expect(result.winner).toBe('P');
    const s3 = result.items[2];
    // W ties P when s3's weight w gives 5(1 - w) + w = 4(1 - w) + 4w, i.e. w = 0.25: -8.33 pp.
    expect(s3?.change).toBeCloseTo(0.25 - third, 12);
    expect(s3?.newWinner).toBe('W');
    // Raising s1 (the others scaled down together): W's total 5w + 3(1 - w) passes P's 4 at w = 0.5.
    expect(result.items[0]?.change).toBeCloseTo(0.5 - third, 12);
    // A clear winner everywhere: nothing changes it.
    const clear = weightSensitivity(
      [
        { id: 's1', weight: 0.5 },
        { id: 's2', weight: 0.5 },
      ],
      new Map([
        [
          'A',
          new Map([
            ['s1', 5],
            ['s2', 5],
          ]),
        ],
        [
          'B',
          new Map([
            ['s1', 1],
            ['s2', 2],
          ]),
        ],
      ]),
    );
    expect(clear.items.map((i) => i.change)).toEqual([null, null]);
  });
});

const response = (over: Partial<RfpResponse>): RfpResponse => ({
  file: 'r.yaml',
  name: 'r',
  displayName: 'R',
  rfp: 'small-rfp',
  vendor: 'r',
  pricing: { model: 'per_contact', atRisk: 0, bonusCap: 0 },
  commitments: {},
  answers: [],
  ...over,
});

const item = (kind: string, extra: object = {}) =>
  ({ request: kind, kind, title: kind, ...extra }) as RfpResponse['answers'][number]['evidence'][number];

describe('cost-era vendor or value-era partner', () => {
  it('needs four of six signals, one of them an outcome signal', () => {
    const talentAndAutomation = response({
      commitments: { coachingCadence: 14 * 86_400, coachingCadenceText: '14d' },
      answers: [
        {
          question: 'q',
          summary: '',
          evidence: [item('succession_plan'), item('error_monitoring'), item('escalation_design')],
        },
      ],
    });
    // Four signals but none about outcomes: still a cost-era vendor.
    const c1 = classify(talentAndAutomation);
    expect([c1.classification, c1.count]).toEqual(['cost_era_vendor', 4]);
    expect(c1.reason).toContain('no outcome signal');
    // 10% at risk on per-contact pricing counts as outcome pricing.
    const c2 = classify({
      ...talentAndAutomation,
      pricing: { model: 'per_contact', atRisk: 0.1, bonusCap: 0 },
    });
    expect([c2.classification, c2.count]).toEqual(['value_era_partner', 5]);
    // Before/after data needs both values.
    const half = response({
      answers: [
        {
          question: 'q',
          summary: '',
          evidence: [item('before_after_data', { before: { period: '2025-Q4', value: 0.79 } })],
        },
      ],
    });
    expect(classify(half).signals.find((s) => s.id === 'before_after_data')?.met).toBe(false);
    // A 21-day cadence is not regular coaching.
    const slow = classify(
      response({ commitments: { coachingCadence: 21 * 86_400, coachingCadenceText: '21d' } }),
    );
    expect(slow.signals.find((s) => s.id === 'coaching_cadence')).toMatchObject({
      met: false,
      detail: 'coaching every 21d',
    });
  });
});

describe('evaluateRfp', () => {
  const rfp: Rfp = {
    name: 'small-rfp',
    displayName: 'Small',
    client: 'c',
    currency: 'EUR',
    scale: { min: 0, max: 5, anchors: {} },
    sections: [
      {
        id: 's1',
        title: 'S1',
        weight: 0.6,
        questions: [
          { id: 'q1', section: 's1', title: 'Q1', text: '', weight: 1, globalWeight: 0.6, evidence: [] },
        ],
      },
      {
        id: 's2',
        title: 'S2',
        weight: 0.4,
        questions: [
          { id: 'q2', section: 's2', title: 'Q2', text: '', weight: 1, globalWeight: 0.4, evidence: [] },
        ],
      },
    ],
    questions: [],
  };
  rfp.questions = rfp.sections.flatMap((s) => s.questions);

  it('ranks, reports agreement and sensitivity, and flags duplicate submissions', () => {
    const scores = (id: string, a: [number, number], b: [number, number]) => ({
      file: `${id}.yaml`,
      name: id,
      rfp: 'small-rfp',
      evaluator: { id },
      scores: [
        { vendor: 'a', question: 'q1', score: a[0] },
        { vendor: 'a', question: 'q2', score: a[1] },
        { vendor: 'b', question: 'q1', score: b[0] },
        { vendor: 'b', question: 'q2', score: b[1] },
      ],
    });
    const e = evaluateRfp({
      rfp,
      responses: [
        response({ vendor: 'a', file: 'a.yaml' }),
        response({ vendor: 'b', file: 'b.yaml' }),
        response({ vendor: 'a', file: 'a2.yaml' }),
      ],
      scores: [scores('e1', [4, 2], [3, 4]), scores('e2', [4, 2], [3, 4])],
    });
    expect(e.ranking.order).toEqual(['b', 'a']);
    expect(e.vendors.map((v) => v.rank)).toEqual([1, 2]);
    expect(e.agreement.raw.alpha).toBeCloseTo(1, 12);
    // Identical evaluators: the normalised scores keep the hand example's 0.2 gap on a rescaled axis.
    expect(e.sensitivity.sections[0]?.change).toBeCloseTo(0.2 / 3, 12);
    expect(e.sensitivity.tightest?.newWinner).toBe('a');
    expect(e.issues.map((i) => i.code)).toEqual(['duplicate_vendor']);
  });
});
