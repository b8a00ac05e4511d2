import type { RfpEvaluation, VendorEvaluation } from '../../../src/core/rfp/evaluation-types';
import type { Agreement, WeightSensitivity } from '../../../src/core/rfp/score';
import type { RfpSubmissionSummaryT } from '../../../src/server/api/schemas';

/**
 * The RFP comparison as the page reads it: the JSON of `covenant rfp score --format json`
 * (core's RfpEvaluation, imported as types only), plus what the server adds for a response
 * submitted through the form: `unscored` and `submittedAt` on it, and `submissions`.
 */
export type { Agreement, WeightSensitivity };

export type ComparisonVendor = VendorEvaluation & { unscored?: boolean; submittedAt?: string };

export type Comparison = Omit<RfpEvaluation, 'vendors'> & {
  vendors: ComparisonVendor[];
  submissions?: RfpSubmissionSummaryT[];
};
