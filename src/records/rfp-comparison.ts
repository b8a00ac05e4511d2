import { evaluateRfp, type RfpEvaluation, type VendorEvaluation } from '../core/rfp/evaluate.js';
import type { RfpScores } from '../core/rfp/types.js';
import type { Executor } from '../store/store.js';
import { listResponses, type StoredResponse } from './rfp-responses.js';
import { listScores, type StoredScore } from './rfp-scores.js';
import type { RfpRecord } from './rfps.js';

/**
 * The comparison of a stored RFP's responses (docs/rfp.md, Scoring) from the stored
 * scores: the same evaluation as `covenant rfp score` on files. As there, an evaluator's
 * scores count once they cover every vendor that responded on every question; until then
 * the evaluator is listed in `scoring` with how far they are, and a vendor nobody has
 * scored completely is shown unscored, after the ranking.
 */

export interface ScoringProgress {
  evaluator: string;
  scored: number;
  required: number;
  complete: boolean;
}

export type StoredComparison = RfpEvaluation & {
  vendors: (VendorEvaluation & { unscored: boolean; submittedAt: string; submittedBy: string })[];
  scoring: ScoringProgress[];
  deadline: string;
};

/** Each evaluator's scores as a scores file would give them, with how many of the required they hold. */
export function scoreSets(record: RfpRecord, responses: StoredResponse[], scores: StoredScore[]) {
  const vendors = new Set(responses.map((r) => r.vendor));
  const order = new Map(record.rfp.questions.map((q, i) => [q.id, i]));
  const required = vendors.size * order.size;
  return record.evaluators.map((evaluator) => {
    // In the order a scores file lists them (vendor, then the RFP's questions): sums come out the same.
    const mine = scores
      .filter((s) => s.evaluator === evaluator && vendors.has(s.vendor) && order.has(s.question))
      .sort(
        (a, b) =>
          a.vendor.localeCompare(b.vendor) || (order.get(a.question) ?? 0) - (order.get(b.question) ?? 0),
      );
    const set: RfpScores = {
      file: `${record.id}/scores/${evaluator}`,
      name: evaluator,
      rfp: record.id,
      evaluator: { id: evaluator },
      scores: mine.map((s) => ({
        vendor: s.vendor,
        question: s.question,
        score: s.score,
        ...(s.comment ? { note: s.comment } : {}),
      })),
    };
    const progress = {
      evaluator,
      scored: mine.length,
      required,
      complete: required > 0 && mine.length === required,
    };
    return { set, progress };
  });
}

export async function compareStoredRfp(
  tx: Executor,
  tenant: string,
  record: RfpRecord,
): Promise<StoredComparison> {
  const responses = await listResponses(tx, tenant, record.id);
  const scores = await listScores(tx, tenant, record.id);
  const sets = scoreSets(record, responses, scores);
  const files = new Map(responses.map((r) => [r.vendor, new Set(r.attachments.map((a) => a.name))]));
  const evaluation = evaluateRfp({
    rfp: record.rfp,
    responses: responses.map((r) => r.response),
    scores: sets.filter((s) => s.progress.complete).map((s) => s.set),
    attachmentExists: (response, file) => files.get(response.vendor)?.has(file) ?? false,
  });
  const byVendor = new Map(responses.map((r) => [r.vendor, r]));
  return {
    ...evaluation,
    vendors: evaluation.vendors.map((v) => ({
      ...v,
      unscored: v.rank === null,
      submittedAt: byVendor.get(v.vendor)?.submittedAt ?? '',
      submittedBy: byVendor.get(v.vendor)?.submittedBy ?? '',
    })),
    scoring: sets.map((s) => s.progress),
    deadline: record.deadline,
  };
}
