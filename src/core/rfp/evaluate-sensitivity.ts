import type { RfpEvaluation } from './evaluation-types.js';
import { type RawScore, weightSensitivity } from './score.js';
import { meanScore, sectionScore } from './score-means.js';
import type { Rfp } from './types.js';

/**
 * How far each section weight and each question's weight in the total must move to change
 * the winner, and the weight the winner depends on most (none without scores).
 */
export function weightSensitivities(
  rfp: Rfp,
  vendors: string[],
  normalised: RawScore[],
  hasScores: boolean,
): RfpEvaluation['sensitivity'] {
  const sectionScores = new Map(
    vendors.map((v) => [
      v,
      new Map(rfp.sections.map((s) => [s.id, sectionScore(rfp, normalised, v, s.id) ?? 0])),
    ]),
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
  return { sections: bySection, questions: byQuestion, tightest };
}
