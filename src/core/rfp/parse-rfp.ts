import { percent } from '../contract/payout.js';
import { fraction } from '../contract/units.js';
import { fail, type Result } from '../issues.js';
import { toDecimal } from '../money/money.js';
import { isRecord } from '../yaml/read-yaml.js';
import type { Reporter } from '../yaml/reporter.js';
import { byPosition, finish, type Path, read } from './parse-kit.js';
import { type RfpInput, rfpSchema } from './schema.js';
import type { Rfp, RfpQuestion } from './types.js';

/** Parsing an RFP: sections of weighted questions, weights that sum to 100%, unique ids, a scale that goes up. */

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
