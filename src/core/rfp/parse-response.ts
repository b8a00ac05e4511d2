import { fail, type Result } from '../issues.js';
import { parseDuration } from '../time/duration.js';
import { suggest } from '../yaml/reporter.js';
import { byPosition, finish, type Path, read } from './parse-kit.js';
import { type ResponseInput, responseSchema } from './schema.js';
import type { Answer, Rfp, RfpResponse } from './types.js';

/** A vendor's response; with the RFP, its question and evidence ids are checked against it. */
export function parseResponse(text: string, file: string, rfp?: Rfp): Result<RfpResponse> {
  const read1 = read<ResponseInput>(text, file, responseSchema, 'RFPResponse');
  if (!read1.ok) return fail(read1.issues);
  const { data, yaml, warn } = read1;
  const rep = yaml.rep;
  if (!data) return fail([...rep.issues].sort(byPosition));
  const spec = data.spec;
  const questions = new Map((rfp?.questions ?? []).map((q) => [q.id, q]));
  if (rfp && spec.rfp !== rfp.name) {
    rep.node('wrong_rfp', ['spec', 'rfp'], `this response answers ${spec.rfp}, not ${rfp.name}`);
  }
  const answered = new Map<string, number>();
  const answers: Answer[] = [];
  spec.answers.forEach((a, i) => {
    const at: Path = ['spec', 'answers', i];
    const question = questions.get(a.question);
    if (rfp && !question) {
      rep.node(
        'unknown_question',
        [...at, 'question'],
        `${rfp.name} has no question ${a.question}${suggest(a.question, [...questions.keys()])}`,
      );
      return;
    }
    const first = answered.get(a.question);
    if (first !== undefined) {
      rep.node(
        'duplicate_answer',
        [...at, 'question'],
        `question ${a.question} is answered twice (first in answers[${first}])`,
      );
      return;
    }
    answered.set(a.question, i);
    const requests = new Map((question?.evidence ?? []).map((e) => [e.id, e]));
    const evidence = a.evidence.flatMap((e, k) => {
      const request = requests.get(e.request);
      if (rfp && !request) {
        rep.node(
          'unknown_evidence_request',
          [...at, 'evidence', k, 'request'],
          `question ${a.question} asks for no evidence ${e.request}${suggest(e.request, [...requests.keys()])}; it asks for ${
            [...requests.keys()].join(', ') || 'none'
          }`,
        );
        return [];
      }
      if (!e.file && !e.url)
        warn.node(
          'no_attachment',
          [...at, 'evidence', k],
          `evidence "${e.title}" has neither a file nor a url`,
        );
      if (request?.kind === 'before_after_data' && !(e.before && e.after)) {
        warn.node(
          'before_after_incomplete',
          [...at, 'evidence', k],
          `before/after evidence "${e.title}" needs both before and after values to count as before and after data`,
        );
      }
      return [{ ...e, kind: request?.kind ?? 'other' }];
    });
    if (question) {
      for (const request of question.evidence) {
        if (request.required && !evidence.some((e) => e.request === request.id)) {
          warn.node(
            'missing_evidence',
            at,
            `question ${a.question} requires evidence ${request.id} (${request.kind}); none is attached`,
          );
        }
      }
    }
    answers.push({ question: a.question, summary: a.summary.trim(), evidence });
  });
  if (rfp) {
    const missing = rfp.questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
    if (missing.length > 0) warn.key('unanswered', ['spec'], 'answers', `no answer to ${missing.join(', ')}`);
  }
  const cadence = spec.commitments.coachingCadence;
  const seconds = cadence ? parseDuration(cadence) : undefined;
  const c = spec.commitments;
  return finish(yaml, warn, {
    file,
    name: data.metadata.name,
    displayName: data.metadata.displayName ?? spec.vendor,
    rfp: spec.rfp,
    vendor: spec.vendor,
    ...(spec.submitted ? { submitted: spec.submitted } : {}),
    pricing: {
      model: spec.pricing.model,
      ...(spec.pricing.unit ? { unit: spec.pricing.unit } : {}),
      ...(spec.pricing.rate ? { rate: spec.pricing.rate } : {}),
      atRisk: spec.pricing.atRisk,
      bonusCap: spec.pricing.bonusCap,
    },
    commitments: {
      ...(seconds?.ok
        ? { coachingCadence: seconds.value.seconds, coachingCadenceText: seconds.value.label }
        : {}),
      ...(c.coachingMode ? { coachingMode: c.coachingMode } : {}),
      ...(c.qaCalibrationMinAlpha !== undefined ? { qaCalibrationMinAlpha: c.qaCalibrationMinAlpha } : {}),
      ...(c.successionCoverage !== undefined ? { successionCoverage: c.successionCoverage } : {}),
      ...(c.attritionLast12Months !== undefined ? { attritionLast12Months: c.attritionLast12Months } : {}),
      ...(c.backfillDays !== undefined ? { backfillDays: c.backfillDays } : {}),
      ...(c.maxSiteShare !== undefined ? { maxSiteShare: c.maxSiteShare } : {}),
    },
    answers,
  });
}
