import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../core/issues.js';
import { parseResponse, parseScores } from '../core/rfp/parse.js';
import { submitResponse } from '../records/rfp-responses.js';
import { saveScores } from '../records/rfp-scores.js';
import { DEFAULT_RFP_FILE, DEMO_RFP_DIR } from '../records/rfp-template.js';
import { createRfp, findRfp } from '../records/rfps.js';
import type { Store } from '../store/store.js';

/**
 * The demo's RFP (docs/rfp.md, The demo), loaded into the store as any RFP is: the default
 * RFP as created on 2 November, three vendors' responses with their evidence files, and
 * the two evaluators' scores, who are the demo's client users. Its deadline (4 December,
 * 17:00 UTC) has passed: the demo RFP is decided, and a late response is refused.
 */

export const DEMO_RFP = {
  id: 'northwind-support-2027',
  deadline: '2026-12-04T17:00:00Z',
  createdAt: '2026-11-02T09:00:00.000Z',
  /** The scores files' evaluators as the demo's users (demo-users.ts). */
  evaluators: { 'evaluator-a': 'coo@northwind.example', 'evaluator-b': 'vendors@northwind.example' },
  vendors: ['brightpath', 'coastline', 'harbourline'],
} as const;

const yamlIn = async (dir: string) =>
  (await readdir(dir))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));

/** Loads the demo RFP once: a store that has it already (the demo loaded again) keeps it as it is. */
export async function loadDemoRfp(store: Store, tenant: string): Promise<void> {
  if (await findRfp(store, tenant, DEMO_RFP.id)) return;
  const record = await createRfp(
    store,
    tenant,
    {
      source: await readFile(DEFAULT_RFP_FILE, 'utf8'),
      file: 'rfp/default-rfp.yaml',
      deadline: DEMO_RFP.deadline,
      evaluators: Object.values(DEMO_RFP.evaluators),
      vendors: DEMO_RFP.vendors,
    },
    { checkEvaluators: false, at: DEMO_RFP.createdAt },
  );
  for (const file of await yamlIn(join(DEMO_RFP_DIR, 'responses'))) {
    const source = await readFile(file, 'utf8');
    const shown = `rfp/demo/responses/${file.split(/[\\/]/).at(-1)}`;
    const parsed = parseResponse(source, shown, record.rfp);
    if (!parsed.ok) throw new UserError(`${shown}: not a valid response`, parsed.issues);
    const names = parsed.value.answers.flatMap((a) => a.evidence.flatMap((e) => (e.file ? [e.file] : [])));
    const attachments = await Promise.all(
      [...new Set(names)].map(async (name) => ({
        name,
        text: await readFile(resolve(dirname(file), name), 'utf8'),
      })),
    );
    await submitResponse(store, tenant, record, {
      response: parsed.value,
      source,
      attachments,
      warnings: parsed.warnings,
      submittedBy: `ops@${parsed.value.vendor}.example`,
      at: `${parsed.value.submitted ?? '2026-12-01'}T12:00:00.000Z`,
    });
  }
  for (const file of await yamlIn(join(DEMO_RFP_DIR, 'scores'))) {
    const shown = `rfp/demo/scores/${file.split(/[\\/]/).at(-1)}`;
    const parsed = parseScores(await readFile(file, 'utf8'), shown, record.rfp, DEMO_RFP.vendors);
    if (!parsed.ok) throw new UserError(`${shown}: not valid scores`, parsed.issues);
    const id = parsed.value.evaluator.id as keyof typeof DEMO_RFP.evaluators;
    const evaluator = DEMO_RFP.evaluators[id];
    if (!evaluator) throw new UserError(`${shown}: the demo has no user for evaluator ${id}`);
    for (const vendor of DEMO_RFP.vendors) {
      const scores = parsed.value.scores
        .filter((s) => s.vendor === vendor)
        .map((s) => ({ question: s.question, score: s.score, comment: s.note ?? null }));
      await saveScores(store, tenant, record, { vendor, evaluator, scores, at: '2026-12-05T10:00:00.000Z' });
    }
  }
}
