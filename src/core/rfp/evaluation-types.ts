import type { Issue } from '../issues.js';
import type { Classification, ClassificationRules, Signal } from './classify.js';
import type { Agreement, Normalisation, WeightSensitivity } from './score.js';
import type { EvidenceItem, Rfp, RfpResponse, RfpScores } from './types.js';

/**
 * The shapes of the comparison of an RFP's responses (docs/rfp.md) that evaluateRfp
 * (evaluate.ts) returns: what `covenant rfp score --format json` prints and the comparison
 * page renders, and its input (the parsed files and an attachment check).
 */

export interface VendorEvaluation {
  vendor: string;
  displayName: string;
  file: string;
  rank: number | null;
  /** Weighted total of normalised scores, on the RFP's scale. */
  total: number | null;
  low: number | null;
  high: number | null;
  /** The same weighting of the raw scores (before normalisation), for reference. */
  rawTotal: number | null;
  byEvaluator: { evaluator: string; total: number }[];
  bySection: { section: string; score: number | null; raw: number | null }[];
  byQuestion: {
    question: string;
    score: number | null;
    raw: { evaluator: string; score: number; note?: string }[];
  }[];
  pricing: RfpResponse['pricing'];
  classification: Classification;
  classificationLabel: string;
  classificationReason: string;
  signals: Signal[];
  signalCount: number;
  evidence: (EvidenceItem & { question: string; attached: boolean | null })[];
  missingEvidence: { question: string; request: string; kind: string }[];
  unanswered: string[];
}

export interface RfpEvaluation {
  kind: 'RFPEvaluation';
  rfp: {
    name: string;
    displayName: string;
    client: string;
    currency: string;
    scale: Rfp['scale'];
    sections: {
      id: string;
      title: string;
      weight: number;
      questions: { id: string; title: string; weight: number; globalWeight: number }[];
    }[];
  };
  vendors: VendorEvaluation[];
  evaluators: { id: string; name?: string; role?: string; file: string }[];
  normalisation: Normalisation & { description: string };
  agreement: {
    raw: Agreement;
    normalised: Agreement;
    bySection: ({ section: string } & Agreement)[];
  };
  ranking: {
    order: string[];
    winner: string | null;
    runnerUp: string | null;
    /** Winner's total minus the runner-up's. */
    margin: number | null;
    /** Each evaluator's own winner (normalised scores). */
    evaluatorWinners: { evaluator: string; winner: string | null }[];
  };
  sensitivity: {
    sections: (WeightSensitivity & { title: string })[];
    questions: (WeightSensitivity & { title: string; section: string })[];
    /** The weight the winner depends on most: the smallest change that makes another vendor win. */
    tightest: (WeightSensitivity & { title: string; level: 'section' | 'question' }) | null;
  };
  classificationRules: ClassificationRules;
  issues: Issue[];
}

export interface EvaluateInput {
  rfp: Rfp;
  responses: RfpResponse[];
  scores: RfpScores[];
  /** Whether an evidence file of a response exists (null: not checked). */
  attachmentExists?: (response: RfpResponse, file: string) => boolean | null;
  classificationRules?: ClassificationRules;
}
