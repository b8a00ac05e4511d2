import type { RfpEvaluation, VendorEvaluation } from '../../../src/core/rfp/evaluation-types';
import type { Agreement, WeightSensitivity } from '../../../src/core/rfp/score';
import type { RfpComparisonT } from '../../../src/server/api/schemas';

/**
 * The RFP comparison as the page reads it: the JSON of `covenant rfp score --format json`
 * (core's RfpEvaluation, imported as types only), plus what the stored RFP adds: who
 * submitted each response and when, `unscored` until an evaluator has scored every
 * response, each evaluator's progress and the deadline.
 */
export type { Agreement, WeightSensitivity };

export type ComparisonVendor = VendorEvaluation & { unscored?: boolean; submittedAt?: string; submittedBy?: string };

export type Comparison = Omit<RfpEvaluation, 'vendors'> & {
  vendors: ComparisonVendor[];
  scoring: RfpComparisonT['scoring'];
  deadline: string;
};
