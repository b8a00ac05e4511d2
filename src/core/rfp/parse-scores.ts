import { fail, type Result } from '../issues.js';
import { suggest } from '../yaml/reporter.js';
import { byPosition, finish, type Path, read } from './parse-kit.js';
import { type ScoresInput, scoresSchema } from './schema.js';
import type { Rfp, RfpScores, Score } from './types.js';

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
