import type { Issue } from '../issues.js';
import {
  type Classification,
  type ClassificationRules,
  classify,
  DEFAULT_CLASSIFICATION_RULES,
  type Signal,
} from './classify.js';
import {
  type Agreement,
  agreement,
  type Normalisation,
  normaliseScores,
  type RawScore,
  type WeightSensitivity,
  weightedTotals,
  weightSensitivity,
} from './score.js';
import type { EvidenceItem, Rfp, RfpResponse, RfpScores } from './types.js';

/**
 * The comparison of an RFP's responses (docs/rfp.md): what `covenant rfp score --format
 * json` prints and the comparison page renders. Pure: the parsed files in, and, to check
 * attachments, a function that says whether a response's file exists.
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

  // Mean normalised (and raw) score per vendor and question, then per section.
  const meanScore = (list: RawScore[], vendor: string, question: string) => {
    const xs = list.filter((s) => s.vendor === vendor && s.question === question).map((s) => s.score);
    return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const sectionScore = (list: RawScore[], vendor: string, sectionId: string) => {
    const section = rfp.sections.find((s) => s.id === sectionId);
    if (!section) return null;
    let sum = 0;
    for (const q of section.questions) {
      const m = meanScore(list, vendor, q.id);
      if (m === null) return null;
      sum += q.weight * m;
    }
    return sum;
  };

  const sectionScores = new Map(
    vendors.map((v) => [v, new Map(rfp.sections.map((s) => [s.id, sectionScore(normalised, v, s.id) ?? 0]))]),
  );
  const questionScores = new Map(
    vendors.map((v) => [v, new Map(rfp.questions.map((q) => [q.id, meanScore(normalised, v, q.id) ?? 0]))]),
  );
  const bySection = hasScores
    ? weightSensitivity(
        rfp.sections.map((s) => ({ id: s.id, weight: s.weight })),
        sectionScores,
      ).items.map((s) => ({ ...s, title: rfp.sections.find((x) => x.id === s.id)?.title ?? s.id }))
    : [];
  const byQuestion = hasScores
    ? weightSensitivity(
        rfp.questions.map((q) => ({ id: q.id, weight: q.globalWeight })),
        questionScores,
      ).items.map((s) => {
        const q = rfp.questions.find((x) => x.id === s.id);
        return { ...s, title: q?.title ?? s.id, section: q?.section ?? '' };
      })
    : [];
  const candidates = [
    ...bySection.map((s) => ({ ...s, level: 'section' as const })),
    ...byQuestion.map(({ section: _section, ...s }) => ({ ...s, level: 'question' as const })),
  ].filter((s) => s.change !== null);
  const tightest = candidates.sort((a, b) => Math.abs(a.change ?? 0) - Math.abs(b.change ?? 0))[0] ?? null;

  const evaluatorWinners = normalisation.evaluators.map((e) => {
    const mine = weightedTotals(
      normalised.filter((s) => s.evaluator === e.evaluator),
      weights,
      vendors,
    ).sort((a, b) => b.total - a.total || a.vendor.localeCompare(b.vendor));
    return { evaluator: e.evaluator, winner: mine[0]?.vendor ?? null };
  });

  const vendorsOut = unique.map((response): VendorEvaluation => {
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
        score: hasScores ? sectionScore(normalised, response.vendor, s.id) : null,
        raw: hasScores ? sectionScore(raw, response.vendor, s.id) : null,
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
  });
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
    sensitivity: { sections: bySection, questions: byQuestion, tightest },
    classificationRules: rules,
    issues,
  };
}
