import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/issues.js';
import { parseResponse, parseScores } from '../core/rfp/parse.js';
import type { Store } from '../store/store.js';
import { submitResponse } from './rfp-responses.js';
import { saveScores } from './rfp-scores.js';
import type { RfpRecord } from './rfps.js';

/**
 * A response or an evaluator's scores from a YAML file into a stored RFP (the CLI's
 * `rfp respond` and `rfp score --from`): checked by the same parsers as the files, evidence
 * files read beside the response and stored with it.
 */

const text = (file: string) =>
  readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });

export async function respondFromFile(
  store: Store,
  tenant: string,
  rfp: RfpRecord,
  file: string,
  by: string,
) {
  const source = await text(file);
  const parsed = parseResponse(source, file, rfp.rfp);
  if (!parsed.ok)
    throw new UserError(`${file}: ${parsed.issues.length} problem(s) in the response`, parsed.issues);
  if (!rfp.vendors.includes(parsed.value.vendor))
    throw new UserError(
      `${parsed.value.vendor} is not invited to ${rfp.id} (invited: ${rfp.vendors.join(', ')})`,
    );
  const names = [
    ...new Set(parsed.value.answers.flatMap((a) => a.evidence.flatMap((e) => (e.file ? [e.file] : [])))),
  ];
  const attachments = await Promise.all(
    names.map(async (name) => ({ name, text: await text(resolve(dirname(file), name)) })),
  );
  const stored = await submitResponse(store, tenant, rfp, {
    response: parsed.value,
    source,
    attachments,
    warnings: parsed.warnings,
    submittedBy: by,
  });
  return { stored, warnings: parsed.warnings };
}

/** An RFPScores file stored as the scores of `evaluator` (one of the RFP's evaluators, by e-mail). */
export async function scoresFromFile(
  store: Store,
  tenant: string,
  rfp: RfpRecord,
  file: string,
  vendors: string[],
  evaluator: string,
) {
  const parsed = parseScores(await text(file), file, rfp.rfp, vendors);
  if (!parsed.ok)
    throw new UserError(`${file}: ${parsed.issues.length} problem(s) in the scores`, parsed.issues);
  let saved = 0;
  for (const vendor of vendors) {
    const scores = parsed.value.scores
      .filter((s) => s.vendor === vendor)
      .map((s) => ({ question: s.question, score: s.score, comment: s.note ?? null }));
    if (scores.length > 0)
      saved += (await saveScores(store, tenant, rfp, { vendor, evaluator, scores })).length;
  }
  return { evaluator, saved, warnings: parsed.warnings };
}
