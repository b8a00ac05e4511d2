import type { RawScore } from './score.js';
import type { Rfp } from './types.js';

/** Mean normalised (or raw) score per vendor and question, then per section. */

export const meanScore = (list: RawScore[], vendor: string, question: string) => {
  const xs = list.filter((s) => s.vendor === vendor && s.question === question).map((s) => s.score);
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
};

/** The section's questions' mean scores weighted by question weight; null when a question has none. */
export const sectionScore = (rfp: Rfp, list: RawScore[], vendor: string, sectionId: string) => {
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
