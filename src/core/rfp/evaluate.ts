import type { Issue } from '../issues.js';
import { DEFAULT_CLASSIFICATION_RULES } from './classify.js';
import { weightSensitivities } from './evaluate-sensitivity.js';
import type { EvaluateInput, RfpEvaluation } from './evaluation-types.js';
import { agreement, normaliseScores, type RawScore, weightedTotals } from './score.js';
import { vendorEvaluation } from './vendor-evaluation.js';

export type { EvaluateInput, RfpEvaluation, VendorEvaluation } from './evaluation-types.js';

/**
 * The comparison of an RFP's responses (docs/rfp.md): what `covenant rfp score --format
 * json` prints and the comparison page renders. Pure: the parsed files in, and, to check
 * attachments, a function that says whether a response's file exists. The shapes are in
 * evaluation-types.ts.
 */

const NORMALISATION_TEXT =
  "z-scores per evaluator over all of the evaluator's scores (population sd), put back on the RFP's scale with the pooled mean and sd of all scores: normalised = pooled mean + pooled sd x (score - evaluator mean) / evaluator sd";

export function evaluateRfp(input: EvaluateInput): RfpEvaluation {
  const { rfp, responses } = input;
  const rules = input.classificationRules ?? DEFAULT_CLASSIFICATION_RULES;
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const r of responses) {
    const first = seen.get(r.vendor);
    if (first)
      issues.push({
        code: 'duplicate_vendor',
        path: [],
        file: r.file,
        message: `${r.vendor} responded twice (also ${first}): the later file is ignored`,
      });
    else seen.set(r.vendor, r.file);
  }
  const unique = responses.filter((r) => seen.get(r.vendor) === r.file);
  const vendors = unique.map((r) => r.vendor);
  const evaluatorFiles = new Map<string, string>();
  const scoreSets = input.scores.filter((s) => {
    const first = evaluatorFiles.get(s.evaluator.id);
    if (first) {
      issues.push({
        code: 'duplicate_evaluator',
        path: [],
        file: s.file,
        message: `${s.evaluator.id} scored twice (also ${first}): the later file is ignored`,
      });
      return false;
    }
    evaluatorFiles.set(s.evaluator.id, s.file);
    return true;
  });
  const raw: RawScore[] = scoreSets.flatMap((set) =>
    set.scores
      .filter((s) => vendors.includes(s.vendor))
      .map((s) => ({ evaluator: set.evaluator.id, vendor: s.vendor, question: s.question, score: s.score })),
  );
  const { normalised, normalisation } = normaliseScores(raw);
  for (const e of normalisation.evaluators) {
    if (e.degenerate)
      issues.push({
        code: 'degenerate_evaluator',
        path: [],
        message: `${e.evaluator} gave every answer the same score: their scores carry no ranking information`,
      });
  }
  const weights = new Map(rfp.questions.map((q) => [q.id, q.globalWeight]));
  const hasScores = raw.length > 0;
  const totals = hasScores ? weightedTotals(normalised, weights, vendors) : [];
  const rawTotals = hasScores ? weightedTotals(raw, weights, vendors) : [];
  const order = [...totals]
    .sort((a, b) => b.total - a.total || a.vendor.localeCompare(b.vendor))
    .map((t) => t.vendor);

  const sensitivity = weightSensitivities(rfp, vendors, normalised, hasScores);

  const evaluatorWinners = normalisation.evaluators.map((e) => {
    const mine = weightedTotals(
      normalised.filter((s) => s.evaluator === e.evaluator),
      weights,
      vendors,
    ).sort((a, b) => b.total - a.total || a.vendor.localeCompare(b.vendor));
    return { evaluator: e.evaluator, winner: mine[0]?.vendor ?? null };
  });

  const vendorsOut = unique.map((response) =>
    vendorEvaluation(response, {
      input,
      rules,
      scoreSets,
      raw,
      normalised,
      hasScores,
      totals,
      rawTotals,
      order,
    }),
  );
  vendorsOut.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.vendor.localeCompare(b.vendor));
  for (const v of vendorsOut) {
    for (const e of v.evidence) {
      if (e.attached === false)
        issues.push({
          code: 'missing_attachment',
          path: [],
          file: v.file,
          message: `${v.vendor}: attachment ${e.file} (${e.title}) is not there`,
        });
    }
  }
  const [winner, runnerUp] = order;
  const tw = totals.find((t) => t.vendor === winner)?.total;
  const tr = totals.find((t) => t.vendor === runnerUp)?.total;
  return {
    kind: 'RFPEvaluation',
    rfp: {
      name: rfp.name,
      displayName: rfp.displayName,
      client: rfp.client,
      currency: rfp.currency,
      scale: rfp.scale,
      sections: rfp.sections.map((s) => ({
        id: s.id,
        title: s.title,
        weight: s.weight,
        questions: s.questions.map((q) => ({
          id: q.id,
          title: q.title,
          weight: q.weight,
          globalWeight: q.globalWeight,
        })),
      })),
    },
    vendors: vendorsOut,
    evaluators: scoreSets.map((s) => ({ ...s.evaluator, file: s.file })),
    normalisation: { ...normalisation, description: NORMALISATION_TEXT },
    agreement: {
      raw: agreement(raw),
      normalised: agreement(normalised),
      bySection: rfp.sections.map((s) => ({
        section: s.id,
        ...agreement(raw, (x) => s.questions.some((q) => q.id === x.question)),
      })),
    },
    ranking: {
      order,
      winner: winner ?? null,
      runnerUp: runnerUp ?? null,
      margin: tw !== undefined && tr !== undefined ? tw - tr : null,
      evaluatorWinners,
    },
    sensitivity,
    classificationRules: rules,
    issues,
  };
}
