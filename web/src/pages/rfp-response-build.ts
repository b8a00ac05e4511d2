import {
  type AnswerDraft,
  answerOf,
  COMMITMENTS,
  type Questions,
  type ResponseDraft,
} from './rfp-response-draft';

/**
 * The draft as the RFPResponse document the server parses (JSON, with the evidence files
 * read as text), and the way back: which form field a problem's path is about.
 */

/** A number when the text is one; otherwise the text, so the server names the problem at its field. */
const numberOr = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
const percentOf = (text: string): string => (/%$/.test(text.trim()) ? text.trim() : `${text.trim()}%`);

export interface Built {
  body: { response: Record<string, unknown>; attachments: { name: string; text: string }[] };
  /** spec.answers[i] -> question id; evidence k of answer i -> draft key; attachments[j] -> draft key. */
  answerQuestion: string[];
  evidenceKeys: number[][];
  attachmentKeys: number[];
}

export async function buildResponse(rfp: Questions, vendor: string, draft: ResponseDraft): Promise<Built> {
  const { displayName, submitted, pricing, commitments, answers } = draft;
  const attachments: { name: string; text: string }[] = [];
  const attachmentKeys: number[] = [];
  const answerQuestion: string[] = [];
  const evidenceKeys: number[][] = [];
  const answerList: Record<string, unknown>[] = [];
  for (const section of rfp.sections) {
    for (const q of section.questions) {
      const a = answerOf(answers, q.id);
      if (a.summary.trim() === '' && a.evidence.length === 0) continue;
      const items: Record<string, unknown>[] = [];
      const keys: number[] = [];
      for (const e of a.evidence) {
        const item: Record<string, unknown> = { request: e.request, title: e.title };
        if (e.file) {
          item.file = e.file.name;
          const text = await e.file.text();
          const same = attachments.findIndex((x) => x.name === e.file?.name);
          if (same < 0 || attachments[same]?.text !== text) {
            attachments.push({ name: e.file.name, text });
            attachmentKeys.push(e.key);
          }
        }
        if (e.url.trim()) item.url = e.url.trim();
        if (e.metric.trim()) item.metric = e.metric.trim();
        if (e.workflow.trim()) item.workflow = e.workflow.trim();
        const measured = (period: string, value: string, n: string) =>
          period || value || n
            ? { period, value: numberOr(value), ...(n.trim() ? { n: numberOr(n) } : {}) }
            : undefined;
        const before = measured(e.beforePeriod, e.beforeValue, e.beforeN);
        const after = measured(e.afterPeriod, e.afterValue, e.afterN);
        if (before) item.before = before;
        if (after) item.after = after;
        items.push(item);
        keys.push(e.key);
      }
      answerList.push({ question: q.id, summary: a.summary, evidence: items });
      answerQuestion.push(q.id);
      evidenceKeys.push(keys);
    }
  }
  const c: Record<string, unknown> = {};
  for (const f of COMMITMENTS) {
    const text = (commitments[f.id] ?? '').trim();
    if (text === '') continue;
    c[f.id] = f.kind === 'percent' ? percentOf(text) : f.kind === 'number' ? numberOr(text) : text;
  }
  if (commitments.coachingMode) c.coachingMode = commitments.coachingMode;
  const spec: Record<string, unknown> = {
    rfp: rfp.name,
    vendor,
    ...(submitted ? { submitted } : {}),
    pricing: {
      model: pricing.model,
      ...(pricing.unit ? { unit: pricing.unit } : {}),
      ...(pricing.rate.trim() ? { rate: pricing.rate.trim() } : {}),
      ...(pricing.atRisk.trim() ? { atRisk: percentOf(pricing.atRisk) } : {}),
      ...(pricing.bonusCap.trim() ? { bonusCap: percentOf(pricing.bonusCap) } : {}),
    },
    commitments: c,
    answers: answerList,
  };
  const slug = `${
    vendor
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'vendor'
  }-response`;
  return {
    body: {
      response: {
        apiVersion: 'covenant/v1',
        kind: 'RFPResponse',
        metadata: { name: slug, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
        spec,
      },
      attachments,
    },
    answerQuestion,
    evidenceKeys,
    attachmentKeys,
  };
}

/** The form field a problem's path is about, or null (then it shows in the summary only). */
export function fieldOf(
  path: (string | number)[],
  built: Built,
  answers: Record<string, AnswerDraft>,
): string | null {
  const [a, b, c, d, e, f, g] = path;
  if (a === 'metadata') return b === 'displayName' ? 'displayName' : null;
  if (a === 'attachments' && typeof b === 'number') {
    const key = built.attachmentKeys[b];
    const owner = Object.entries(answers).find(([, ans]) => ans.evidence.some((x) => x.key === key));
    return owner && key !== undefined ? `evidence.${owner[0]}.${key}.file` : null;
  }
  if (a !== 'spec') return null;
  if (b === 'submitted') return 'submitted';
  if (b === 'pricing') return typeof c === 'string' ? `pricing.${c}` : 'pricing.model';
  if (b === 'commitments') return typeof c === 'string' ? `commitments.${c}` : null;
  if (b === 'answers' && typeof c === 'number') {
    const question = built.answerQuestion[c];
    if (!question) return null;
    if (d === 'evidence' && typeof e === 'number') {
      const key = built.evidenceKeys[c]?.[e];
      if (key === undefined) return `answer.${question}.summary`;
      const field = typeof f === 'string' ? f : 'title';
      if ((field === 'before' || field === 'after') && (g === 'value' || g === 'n'))
        return `evidence.${question}.${key}.${field}${g === 'value' ? 'Value' : 'N'}`;
      return `evidence.${question}.${key}.${field}`;
    }
    return `answer.${question}.summary`;
  }
  return null;
}
