import type { RfpSubmissionSummaryT } from '../../../src/server/api/schemas';

/**
 * The RFP comparison as the page reads it: RfpEvaluation of src/core/rfp/evaluation-types.ts
 * (the JSON of `covenant rfp score --format json`), written out here because that module's
 * imports (the statistics behind it) do not belong in the browser's type check. The server
 * adds `unscored` and `submittedAt` to a response submitted through the form, and
 * `submissions` when there are any.
 */

export interface Agreement {
  alpha: number | null;
  low: number | null;
  high: number | null;
  units: number;
}

export interface WeightSensitivity {
  id: string;
  weight: number;
  change: number | null;
  newWeight: number | null;
  newWinner: string | null;
  title: string;
}

export interface Signal {
  id: string;
  label: string;
  rule: string;
  met: boolean;
  detail: string;
}

export interface ComparisonVendor {
  vendor: string;
  displayName: string;
  file: string;
  rank: number | null;
  total: number | null;
  low: number | null;
  high: number | null;
  rawTotal: number | null;
  byEvaluator: { evaluator: string; total: number }[];
  bySection: { section: string; score: number | null; raw: number | null }[];
  byQuestion: {
    question: string;
    score: number | null;
    raw: { evaluator: string; score: number; note?: string }[];
  }[];
  pricing: { model: string; unit?: string; rate?: string; atRisk: number; bonusCap: number };
  classification: 'value_era_partner' | 'cost_era_vendor';
  classificationLabel: string;
  classificationReason: string;
  signals: Signal[];
  signalCount: number;
  evidence: {
    question: string;
    request: string;
    title: string;
    file?: string;
    url?: string;
    attached: boolean | null;
  }[];
  missingEvidence: { question: string; request: string; kind: string }[];
  unanswered: string[];
  unscored?: boolean;
  submittedAt?: string;
}

export interface Comparison {
  kind: 'RFPEvaluation';
  rfp: {
    name: string;
    displayName: string;
    client: string;
    currency: string;
    scale: { min: number; max: number; anchors: Record<string, string> };
    sections: {
      id: string;
      title: string;
      weight: number;
      questions: { id: string; title: string; weight: number; globalWeight: number }[];
    }[];
  };
  vendors: ComparisonVendor[];
  evaluators: { id: string; name?: string; role?: string; file: string }[];
  normalisation: {
    method: string;
    pooledMean: number;
    pooledSd: number;
    evaluators: { evaluator: string; n: number; mean: number; sd: number; degenerate: boolean }[];
    description: string;
  };
  agreement: { raw: Agreement; normalised: Agreement; bySection: (Agreement & { section: string })[] };
  ranking: {
    order: string[];
    winner: string | null;
    runnerUp: string | null;
    margin: number | null;
    evaluatorWinners: { evaluator: string; winner: string | null }[];
  };
  sensitivity: {
    sections: WeightSensitivity[];
    questions: (WeightSensitivity & { section: string })[];
    tightest: (WeightSensitivity & { level: 'section' | 'question' }) | null;
  };
  classificationRules: { minAtRisk: number; maxCoachingDays: number; minSignals: number };
  issues: { code: string; path: (string | number)[]; message: string; file?: string }[];
  submissions?: RfpSubmissionSummaryT[];
}
