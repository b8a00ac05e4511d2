import { percent } from '../contract/payout.js';
import { fraction } from '../contract/units.js';
import { fail, type Issue, ok, type Result } from '../issues.js';
import { toDecimal } from '../money/money.js';
import { parseDuration } from '../time/duration.js';
import { isRecord, readYaml, type YamlFile } from '../yaml/read-yaml.js';
import { reportZodIssues } from '../yaml/report-zod.js';
import { Reporter, suggest } from '../yaml/reporter.js';
import {
  type ResponseInput,
  type RfpInput,
  responseSchema,
  rfpSchema,
  type ScoresInput,
  scoresSchema,
} from './schema.js';
import type { Answer, Rfp, RfpQuestion, RfpResponse, RfpScores, Score } from './types.js';

/**
 * Parsing the RFP kinds (docs/rfp.md) as contracts are parsed: YAML with positions, the
 * schema's issues at their nodes, then the meaning across fields and files (weights that
 * sum to 100%, ids that exist in the RFP, every question scored), every problem at once
 * with file:line:column. Warnings (an unanswered question, missing required evidence) ride
 * along with a valid file.
 */

type Path = (string | number)[];

const byPosition = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Reads the file, checks the shape and returns the parsed value with its reporters; null on failure. */
function read<T>(
  text: string,
  file: string,
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
  kind: string,
): { ok: true; data: T | null; yaml: YamlFile; warn: Reporter } | { ok: false; issues: Issue[] } {
  const yaml = readYaml(text, file);
  if (!yaml.ok) return { ok: false, issues: yaml.issues };
  const { js, rep } = yaml.value;
  if (!isRecord(js)) {
    rep.node('not_a_document', [], `a ${kind} file is a YAML map with apiVersion, kind, metadata and spec`);
    return { ok: false, issues: rep.issues };
  }
  const parsed = schema.safeParse(js);
  if (!parsed.success) reportZodIssues(parsed.error, schema as never, js, rep);
  return {
    ok: true,
    data: parsed.success ? parsed.data : null,
    yaml: yaml.value,
    warn: new Reporter(file, rep.locator),
  };
}

function finish<T>(yaml: YamlFile, warn: Reporter, value: T | null): Result<T> {
  if (value === null || yaml.rep.issues.length > 0) return fail([...yaml.rep.issues].sort(byPosition));
  return ok(value, [...yaml.warnings, ...warn.issues].sort(byPosition));
}

/** Weights that must add up to exactly 100% (decimal sum). */
function checkSum(rep: Reporter, parent: Path, key: string, what: string, weights: number[]): void {
  if (weights.length === 0) return;
  const total = weights.reduce((sum, w) => sum.plus(toDecimal(w)), toDecimal(0));
  if (total.equals(1)) return;
  rep.key(
    'weights_sum',
    parent,
    key,
    `${what} must sum to 100%, found ${weights.map((w) => percent(w)).join(' + ')} = ${percent(total)}`,
  );
}

/** Ids that must be unique in a list: the second and later uses are reported. */
function checkUnique(rep: Reporter, items: { id: string; path: Path }[], what: string): void {
  const seen = new Map<string, Path>();
  for (const { id, path } of items) {
    const first = seen.get(id);
    if (first) rep.node('duplicate_id', path, `${what} ${id} is used twice (first at ${first.join('.')})`);
    else seen.set(id, path);
  }
}

// --- RFP --------------------------------------------------------------------------------

/** The weight of a raw item, when it is one (the schema reports the others). */
const weightOf = (raw: unknown): number | undefined => {
  const parsed = WEIGHT.safeParse(isRecord(raw) ? raw.weight : undefined);
  return parsed.success ? parsed.data : undefined;
};
const WEIGHT = fraction('weight');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idOf = (raw: unknown): string | undefined =>
  isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;

/**
 * The meaning across fields, read from the plain YAML value so that one malformed field
 * does not hide the others: weights that sum to 100%, unique ids, a scale that goes up.
 */
function checkRfp(rep: Reporter, js: Record<string, unknown>): void {
  const spec = isRecord(js.spec) ? js.spec : {};
  const scale = isRecord(spec.scale) ? spec.scale : {};
  if (typeof scale.min === 'number' && typeof scale.max === 'number' && scale.min >= scale.max) {
    rep.node(
      'scale_order',
      ['spec', 'scale', 'max'],
      `the scale's max (${scale.max}) must be above its min (${scale.min})`,
    );
  }
  const sections = list(spec.sections);
  const sum = (items: unknown[], parent: Path, key: string, what: string) => {
    const weights = items.map(weightOf);
    if (weights.every((w): w is number => w !== undefined)) checkSum(rep, parent, key, what, weights);
  };
  sum(sections, ['spec'], 'sections', 'section weights');
  const ids = (items: unknown[], path: (i: number) => Path) =>
    items.flatMap((item, i) => {
      const id = idOf(item);
      return id === undefined ? [] : [{ id, path: path(i) }];
    });
  checkUnique(
    rep,
    ids(sections, (i) => ['spec', 'sections', i, 'id']),
    'section',
  );
  checkUnique(
    rep,
    sections.flatMap((section, i) =>
      ids(list(isRecord(section) ? section.questions : undefined), (j) => [
        'spec',
        'sections',
        i,
        'questions',
        j,
        'id',
      ]),
    ),
    'question',
  );
  sections.forEach((section, i) => {
    const questions = list(isRecord(section) ? section.questions : undefined);
    sum(questions, ['spec', 'sections', i], 'questions', `question weights of section ${idOf(section) ?? i}`);
    questions.forEach((q, j) => {
      checkUnique(
        rep,
        ids(list(isRecord(q) ? q.evidence : undefined), (k) => [
          'spec',
          'sections',
          i,
          'questions',
          j,
          'evidence',
          k,
          'id',
        ]),
        `evidence request of ${idOf(q) ?? j}`,
      );
    });
  });
}

export function parseRfp(text: string, file: string): Result<Rfp> {
  const read1 = read<RfpInput>(text, file, rfpSchema, 'RFP');
  if (!read1.ok) return fail(read1.issues);
  const { data, yaml, warn } = read1;
  const rep = yaml.rep;
  checkRfp(rep, yaml.js as Record<string, unknown>);
  if (!data) return fail([...rep.issues].sort(byPosition));
  const spec = data.spec;
  const sections = spec.sections.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.description ? { description: s.description } : {}),
    weight: s.weight,
    questions: s.questions.map(
      (q): RfpQuestion => ({
        id: q.id,
        section: s.id,
        title: q.title,
        text: q.text.trim(),
        weight: q.weight,
        globalWeight: toDecimal(s.weight).times(q.weight).toNumber(),
        evidence: q.evidence,
        ...(q.guidance ? { guidance: q.guidance.trim() } : {}),
      }),
    ),
  }));
  return finish(yaml, warn, {
    name: data.metadata.name,
    displayName: data.metadata.displayName ?? data.metadata.name,
    ...(data.metadata.description ? { description: data.metadata.description } : {}),
    client: spec.client,
    currency: spec.currency,
    ...(spec.issued ? { issued: spec.issued } : {}),
    ...(spec.responsesDue ? { responsesDue: spec.responsesDue } : {}),
    scale: { min: spec.scale.min, max: spec.scale.max, anchors: spec.scale.anchors ?? {} },
    sections,
    questions: sections.flatMap((s) => s.questions),
  });
}

// --- RFPResponse ------------------------------------------------------------------------

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

// --- RFPScores --------------------------------------------------------------------------

/**
 * An evaluator's scores; with the RFP every question must be scored within the scale for
 * every vendor, and with the vendors (from the responses) every vendor must be scored.
 */
export function parseScores(
  text: string,
  file: string,
  rfp?: Rfp,
  vendors?: readonly string[],
): Result<RfpScores> {
  const read1 = read<ScoresInput>(text, file, scoresSchema, 'RFPScores');
  if (!read1.ok) return fail(read1.issues);
  const { data, yaml, warn } = read1;
  const rep = yaml.rep;
  if (!data) return fail([...rep.issues].sort(byPosition));
  const spec = data.spec;
  if (rfp && spec.rfp !== rfp.name)
    rep.node('wrong_rfp', ['spec', 'rfp'], `these scores are for ${spec.rfp}, not ${rfp.name}`);
  const ids = (rfp?.questions ?? []).map((q) => q.id);
  const scores: Score[] = [];
  for (const [vendor, byQuestion] of Object.entries(spec.scores)) {
    const at: Path = ['spec', 'scores', vendor];
    if (vendors && !vendors.includes(vendor)) {
      rep.key(
        'unknown_vendor',
        ['spec', 'scores'],
        vendor,
        `no response from a vendor ${vendor}${suggest(vendor, vendors)}; responses are from ${vendors.join(', ')}`,
      );
      continue;
    }
    for (const [question, raw] of Object.entries(byQuestion)) {
      if (rfp && !ids.includes(question)) {
        rep.key(
          'unknown_question',
          at,
          question,
          `${rfp.name} has no question ${question}${suggest(question, ids)}`,
        );
        continue;
      }
      const value = typeof raw === 'number' ? raw : raw.score;
      if (rfp && (value < rfp.scale.min || value > rfp.scale.max)) {
        rep.node(
          'score_out_of_scale',
          typeof raw === 'number' ? [...at, question] : [...at, question, 'score'],
          `a score is between ${rfp.scale.min} and ${rfp.scale.max}, found ${value}`,
        );
        continue;
      }
      scores.push({
        vendor,
        question,
        score: value,
        ...(typeof raw === 'number' || !raw.note ? {} : { note: raw.note }),
      });
    }
    if (rfp) {
      const missing = ids.filter((id) => !(id in byQuestion));
      if (missing.length > 0) {
        rep.key(
          'unscored',
          ['spec', 'scores'],
          vendor,
          `${spec.evaluator.id} did not score ${vendor} on ${missing.join(', ')}`,
        );
      }
    }
  }
  for (const vendor of vendors ?? []) {
    if (!(vendor in spec.scores))
      rep.key('unscored_vendor', ['spec'], 'scores', `${spec.evaluator.id} did not score ${vendor}`);
  }
  return finish(yaml, warn, {
    file,
    name: data.metadata.name,
    rfp: spec.rfp,
    evaluator: {
      id: spec.evaluator.id,
      ...(spec.evaluator.name ? { name: spec.evaluator.name } : {}),
      ...(spec.evaluator.role ? { role: spec.evaluator.role } : {}),
    },
    scores,
  });
}

/** The kind a YAML document declares (to sort a folder's files), or null. */
export function kindOf(text: string): string | null {
  const match = /^kind:\s*["']?([A-Za-z]+)["']?\s*(#.*)?$/m.exec(text);
  return match?.[1] ?? null;
}
