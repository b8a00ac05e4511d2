import { Dec, toDecimal } from '../money/money.js';
import { fixed, signed } from './format.js';

/**
 * Direct standardisation: what an outcome's value would have been in the reference period
 * had its contacts come in the current mix. Segments are workflow x channel x path. With
 * the reference period's per-segment rates r_s and weights w_s (the segment's share of
 * the metric's denominator) and the current period's weights w'_s:
 *
 *   expected_ref = Σ w_s r_s        expected_cur = Σ w'_s r_s        shift = expected_cur - expected_ref
 *
 * The shift is what the mix alone moves the metric by, at the reference's performance in
 * each segment; the target (and the whole payout curve) moves by it. A segment the
 * reference did not have (e.g. path bot before the chatbot) has no rate of its own and
 * takes the reference's overall rate, so it moves the expectation by nothing of its own.
 * Pure: the per-segment n and rates come in.
 */

export interface SegmentKey {
  workflow: string;
  channel: string;
  path: string;
}

export interface SegmentStat extends SegmentKey {
  /** The metric's denominator in the segment (contacts, handled contacts, episodes, ...). */
  n: number;
  /** The metric's value in the segment (null with n = 0). */
  rate: number | null;
  /** For shares: the numerator, value x n rounded. */
  k?: number;
}

export interface StandardisedSegment extends SegmentKey {
  referenceN: number;
  referenceK?: number;
  referenceRate: number | null;
  /** The rate used for the segment: its own, or the reference overall rate when it had none. */
  rate: number;
  rateSource: 'segment' | 'reference overall';
  referenceWeight: number;
  currentN: number;
  currentWeight: number;
  /** w_s x r_s and w'_s x r_s. */
  referenceTerm: number;
  currentTerm: number;
}

export interface Standardisation {
  referenceOverall: number;
  referenceN: number;
  currentN: number;
  segments: StandardisedSegment[];
  expectedReference: number;
  expectedCurrent: number;
  /** expected_cur - expected_ref, rounded to `SHIFT_DIGITS` decimals: what the target moves by. */
  shift: number;
  unroundedShift: number;
  arithmetic: string[];
}

/** Shifts are rounded to 4 decimals (0.01 percentage points of a share) so the new terms read cleanly. */
export const SHIFT_DIGITS = 4;

const keyOf = (s: SegmentKey) => `${s.workflow}/${s.channel}/${s.path}`;

export function directStandardise(
  reference: readonly SegmentStat[],
  current: readonly SegmentStat[],
  referenceOverall: number,
): Standardisation {
  const byKey = new Map<string, { ref?: SegmentStat; cur?: SegmentStat }>();
  for (const s of reference) byKey.set(keyOf(s), { ...byKey.get(keyOf(s)), ref: s });
  for (const s of current) byKey.set(keyOf(s), { ...byKey.get(keyOf(s)), cur: s });
  const total = (stats: readonly SegmentStat[]) => stats.reduce((sum, s) => sum + s.n, 0);
  const [referenceN, currentN] = [total(reference), total(current)];

  const segments: StandardisedSegment[] = [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { ref, cur }]) => {
      const key = (ref ?? cur) as SegmentKey;
      const refN = ref?.n ?? 0;
      const own = ref && ref.n > 0 && ref.rate !== null ? ref.rate : null;
      const rate = own ?? referenceOverall;
      const referenceWeight = referenceN === 0 ? 0 : refN / referenceN;
      const currentWeight = currentN === 0 ? 0 : (cur?.n ?? 0) / currentN;
      return {
        workflow: key.workflow,
        channel: key.channel,
        path: key.path,
        referenceN: refN,
        ...(ref?.k === undefined ? {} : { referenceK: ref.k }),
        referenceRate: own,
        rate,
        rateSource: own === null ? 'reference overall' : 'segment',
        referenceWeight,
        currentN: cur?.n ?? 0,
        currentWeight,
        referenceTerm: referenceWeight * rate,
        currentTerm: currentWeight * rate,
      } satisfies StandardisedSegment;
    });

  // Sums in decimal so the order of the segments cannot change the last digit.
  const sum = (pick: (s: StandardisedSegment) => number) =>
    segments.reduce((acc, s) => acc.plus(toDecimal(pick(s))), new Dec(0)).toNumber();
  const expectedReference = sum((s) => s.referenceTerm);
  const expectedCurrent = currentN === 0 ? expectedReference : sum((s) => s.currentTerm);
  const unroundedShift = toDecimal(expectedCurrent).minus(toDecimal(expectedReference)).toNumber();
  const shift = toDecimal(unroundedShift).toDecimalPlaces(SHIFT_DIGITS).toNumber();
  const fallbacks = segments.filter((s) => s.rateSource === 'reference overall' && s.currentN > 0);
  const arithmetic = [
    `segments: workflow x channel x path; reference n = ${referenceN}, current n = ${currentN}`,
    `expected_ref = Σ w_s r_s = ${fixed(expectedReference, 6)} (w_s = n_s / ${referenceN}, r_s the reference rate)`,
    currentN === 0
      ? 'no current data: expected_cur = expected_ref'
      : `expected_cur = Σ w'_s r_s = ${fixed(expectedCurrent, 6)} (w'_s = n'_s / ${currentN}, the same r_s)`,
    `shift = expected_cur - expected_ref = ${signed(unroundedShift, 6)}, rounded to ${SHIFT_DIGITS} decimals: ${signed(shift, SHIFT_DIGITS)}`,
    ...(fallbacks.length > 0
      ? [
          `${fallbacks.length} segment(s) absent from the reference take the reference overall rate ${fixed(referenceOverall, 4)}: ${fallbacks.map(keyOf).join(', ')}`,
        ]
      : []),
  ];
  return {
    referenceOverall,
    referenceN,
    currentN,
    segments,
    expectedReference,
    expectedCurrent,
    shift,
    unroundedShift,
    arithmetic,
  };
}
