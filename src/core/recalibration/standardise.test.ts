import { describe, expect, it } from 'vitest';
import type { Outcome, Portfolio } from '../contract/types.js';
import { metricInfo } from '../metric/catalog.js';
import { directStandardise, type SegmentStat } from './standardise.js';
import { adjustedTarget, mixAdjustable } from './targets.js';

const seg = (
  workflow: string,
  channel: string,
  path: string,
  n: number,
  rate: number | null,
): SegmentStat => ({
  workflow,
  channel,
  path,
  n,
  rate,
});

/*
 * Hand-computed example (resolution rate of a simple-requests portfolio):
 *
 *   segment                       reference n  r_s   w_s    current n  w'_s
 *   password_reset/chat/human            100  0.90  0.50          50  0.20
 *   password_reset/voice/human           100  0.70  0.50         150  0.60
 *   password_reset/chat/bot                -     -     -          50  0.20   (new: r = overall 0.80)
 *
 *   expected_ref = 0.5 x 0.9 + 0.5 x 0.7              = 0.45 + 0.35        = 0.80
 *   expected_cur = 0.2 x 0.9 + 0.6 x 0.7 + 0.2 x 0.80  = 0.18 + 0.42 + 0.16 = 0.76
 *   shift        = 0.76 - 0.80 = -0.04: a target of 0.90 becomes 0.86, its curve moves by -0.04.
 *
 * The vendor's contacts moved toward voice, where the reference did worse, so the same
 * performance in every segment now reads 4 points lower: the target follows the mix.
 */
const reference = [
  seg('password_reset', 'chat', 'human', 100, 0.9),
  seg('password_reset', 'voice', 'human', 100, 0.7),
];
const current = [
  seg('password_reset', 'chat', 'human', 50, 0.95),
  seg('password_reset', 'voice', 'human', 150, 0.75),
  seg('password_reset', 'chat', 'bot', 50, 0.6),
];

describe('direct standardisation', () => {
  it('reproduces the hand-computed example', () => {
    const s = directStandardise(reference, current, 0.8);
    expect(s.expectedReference).toBeCloseTo(0.8, 12);
    expect(s.expectedCurrent).toBeCloseTo(0.76, 12);
    expect(s.shift).toBe(-0.04);
    expect(s.referenceN).toBe(200);
    expect(s.currentN).toBe(250);
    const bot = s.segments.find((g) => g.path === 'bot');
    expect(bot).toMatchObject({
      rate: 0.8,
      rateSource: 'reference overall',
      referenceWeight: 0,
      currentWeight: 0.2,
    });
    const voice = s.segments.find((g) => g.channel === 'voice');
    expect(voice).toMatchObject({
      rate: 0.7,
      rateSource: 'segment',
      referenceWeight: 0.5,
      currentWeight: 0.6,
    });
    expect(voice?.currentTerm).toBeCloseTo(0.42, 12);
    // The current period's own rates (0.95, 0.75, 0.6) are not used: only its weights.
    expect(s.arithmetic.join('\n')).toContain(
      'absent from the reference take the reference overall rate 0.8000',
    );
  });

  it('moves nothing when the mix is unchanged, and rounds the shift to 4 decimals', () => {
    const same = directStandardise(reference, reference, 0.8);
    expect(same.shift).toBe(0);
    // w' = (1/3, 2/3): 0.9/3 + 1.4/3 = 0.766667; shift -0.033333 -> -0.0333
    const third = directStandardise(
      reference,
      [seg('password_reset', 'chat', 'human', 1, null), seg('password_reset', 'voice', 'human', 2, null)],
      0.8,
    );
    expect(third.unroundedShift).toBeCloseTo(-1 / 30, 12);
    expect(third.shift).toBe(-0.0333);
  });

  it('keeps the expectation when the current period has no data', () => {
    const s = directStandardise(reference, [], 0.8);
    expect(s.expectedCurrent).toBe(s.expectedReference);
    expect(s.shift).toBe(0);
  });

  it('moves the target, every curve point and a written baseline by the shift', () => {
    const outcome: Outcome = {
      metric: 'resolution_rate',
      direction: 'higher',
      params: {},
      weight: 1,
      baseline: { value: 0.88 },
      target: 0.9,
      payout: {
        interpolate: 'linear',
        points: [
          { at: 0.85, pay: -1 },
          { at: 0.9, pay: 0 },
          { at: 0.94, pay: 0.5 },
        ],
      },
    };
    const portfolio: Portfolio = {
      id: 'simple-requests',
      workflows: ['password_reset'],
      weight: 1,
      minSample: 100,
      outcomes: [outcome],
    };
    const proposal = adjustedTarget(
      portfolio,
      outcome,
      directStandardise(reference, current, 0.8),
      undefined,
    );
    expect(proposal.proposedTarget).toBe(0.86);
    expect(proposal.proposedCurve.points.map((p) => p.at)).toEqual([0.81, 0.86, 0.9]);
    expect(proposal.proposedCurve.points.map((p) => p.pay)).toEqual([-1, 0, 0.5]);
    expect(proposal.proposedBaseline).toEqual({ value: 0.84 });
  });

  it('adjusts shares and means that read interactions, and keeps the rest', () => {
    for (const id of [
      'csat',
      'fcr',
      'error_rate',
      'resolution_rate',
      'retention_90d',
      'aht',
      'containment',
    ]) {
      expect(mixAdjustable(metricInfo(id)).ok, id).toBe(true);
    }
    for (const id of ['contacts', 'handle_p90', 'adherence', 'attrition', 'backlog']) {
      expect(mixAdjustable(metricInfo(id)).ok, id).toBe(false);
    }
  });
});
