import { type ClassificationRules, classify } from './classify.js';
import type { EvaluateInput, VendorEvaluation } from './evaluation-types.js';
import type { RawScore, WeightedTotal } from './score.js';
import { meanScore, sectionScore } from './score-means.js';
import type { RfpResponse, RfpScores } from './types.js';

/** What the comparison knows when it writes up one vendor's response. */
export interface VendorContext {
  input: EvaluateInput;
  rules: ClassificationRules;
  scoreSets: RfpScores[];
  raw: RawScore[];
  normalised: RawScore[];
  hasScores: boolean;
  totals: WeightedTotal[];
  rawTotals: WeightedTotal[];
  order: string[];
}

/** One response in the comparison: rank and totals, scores by section and question, classification, evidence. */
export function vendorEvaluation(response: RfpResponse, ctx: VendorContext): VendorEvaluation {
  const { input, rules, scoreSets, raw, normalised, hasScores, totals, rawTotals, order } = ctx;
  const { rfp } = input;
  const t = totals.find((x) => x.vendor === response.vendor);
  const rt = rawTotals.find((x) => x.vendor === response.vendor);
  const c = classify(response, rules);
  const answered = new Set(response.answers.map((a) => a.question));
  return {
    vendor: response.vendor,
    displayName: response.displayName,
    file: response.file,
    rank: t ? order.indexOf(response.vendor) + 1 : null,
    total: t?.total ?? null,
    low: t?.low ?? null,
    high: t?.high ?? null,
    rawTotal: rt?.total ?? null,
    byEvaluator: t?.byEvaluator ?? [],
    bySection: rfp.sections.map((s) => ({
      section: s.id,
      score: hasScores ? sectionScore(rfp, normalised, response.vendor, s.id) : null,
      raw: hasScores ? sectionScore(rfp, raw, response.vendor, s.id) : null,
    })),
    byQuestion: rfp.questions.map((q) => ({
      question: q.id,
      score: meanScore(normalised, response.vendor, q.id),
      raw: scoreSets.flatMap((set) =>
        set.scores
          .filter((s) => s.vendor === response.vendor && s.question === q.id)
          .map((s) => ({
            evaluator: set.evaluator.id,
            score: s.score,
            ...(s.note ? { note: s.note } : {}),
          })),
      ),
    })),
    pricing: response.pricing,
    classification: c.classification,
    classificationLabel: c.label,
    classificationReason: c.reason,
    signals: c.signals,
    signalCount: c.count,
    evidence: response.answers.flatMap((a) =>
      a.evidence.map((e) => ({
        ...e,
        question: a.question,
        attached: e.file && input.attachmentExists ? input.attachmentExists(response, e.file) : null,
      })),
    ),
    missingEvidence: rfp.questions.flatMap((q) =>
      q.evidence
        .filter((req) => req.required)
        .filter(
          (req) =>
            !response.answers.some(
              (a) => a.question === q.id && a.evidence.some((e) => e.request === req.id),
            ),
        )
        .map((req) => ({ question: q.id, request: req.id, kind: req.kind })),
    ),
    unanswered: rfp.questions.filter((q) => !answered.has(q.id)).map((q) => q.id),
  };
}
