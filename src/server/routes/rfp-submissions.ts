import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../../core/issues.js';
import { evaluateRfp, type RfpEvaluation, type VendorEvaluation } from '../../core/rfp/evaluate.js';
import type { Rfp, RfpResponse, RfpScores } from '../../core/rfp/types.js';
import { loadRfpFiles } from '../../renewal/rfp-files.js';

/**
 * The RFP routes' state: the demo RFP's files, read once, and the responses submitted to
 * this server (one map per app, lost on restart), with the comparison computed again after
 * each submission.
 */

/** The package root (src/server/routes or dist/server/routes, three levels up), as load-demo finds contracts/. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The demo RFP with its responses and evaluators' scores (docs/rfp.md, The demo). */
const DEMO_RFP = {
  rfp: join(ROOT, 'rfp', 'default-rfp.yaml'),
  responses: join(ROOT, 'rfp', 'demo', 'responses'),
  scores: join(ROOT, 'rfp', 'demo', 'scores'),
};

/** A path under the package root as the CLI prints it when run there (never the server's absolute path). */
const shown = (file: string | undefined): string | undefined => {
  if (file === undefined || !file.startsWith(ROOT)) return file;
  return relative(ROOT, file).split(sep).join('/');
};

export interface Submission {
  response: RfpResponse;
  attachments: Map<string, string>;
  submittedAt: string;
  submittedBy: string;
  warnings: Issue[];
}

export const summaryOf = (s: Submission) => ({
  vendor: s.response.vendor,
  submittedAt: s.submittedAt,
  submittedBy: s.submittedBy,
  attachments: [...s.attachments].map(([name, text]) => ({ name, bytes: Buffer.byteLength(text) })),
  warnings: s.warnings as unknown as Record<string, unknown>[],
});

/** The RFP files and the submissions of one app. */
export function rfpSubmissions() {
  /** Vendor -> their latest submitted response (this server's memory only). */
  const submissions = new Map<string, Submission>();
  let revision = 0;

  let files: Promise<{ rfp: Rfp; responses: RfpResponse[]; scores: RfpScores[] }> | null = null;
  const demoFiles = () => {
    files ??= loadRfpFiles(DEMO_RFP).catch((error: unknown) => {
      files = null;
      throw error;
    });
    return files;
  };

  /** A submitted response as the comparison shows it: classified, evidence checked, no scores. */
  const unscoredEntry = (
    rfp: Rfp,
    s: Submission,
  ): VendorEvaluation & { unscored: true; submittedAt: string } => {
    const alone = evaluateRfp({
      rfp,
      responses: [s.response],
      scores: [],
      attachmentExists: (_response, file) => s.attachments.has(file),
    });
    const entry = alone.vendors[0] as VendorEvaluation;
    return { ...entry, unscored: true, submittedAt: s.submittedAt };
  };

  /**
   * The comparison: the demo files' responses and scores, ranked; a vendor who submitted a
   * response here leaves the ranking (the evaluators scored their earlier response) and is
   * listed after it as unscored. Without submissions this is the CLI's JSON.
   */
  let evaluated: { revision: number; value: Promise<RfpEvaluation & Record<string, unknown>> } | null = null;
  const comparison = () => {
    if (evaluated?.revision !== revision) {
      const at = revision;
      const value = demoFiles().then(({ rfp, responses, scores }) => {
        const pending = [...submissions.values()].sort((a, b) =>
          a.response.vendor.localeCompare(b.response.vendor),
        );
        const superseded = new Set(pending.map((s) => s.response.vendor));
        const evaluation = evaluateRfp({
          rfp,
          responses: responses.filter((r) => !superseded.has(r.vendor)),
          scores,
          attachmentExists: (response, file) => existsSync(resolve(dirname(response.file), file)),
        });
        const out: RfpEvaluation & Record<string, unknown> = {
          ...evaluation,
          vendors: [
            ...evaluation.vendors.map((v) => ({ ...v, file: shown(v.file) ?? v.file })),
            ...pending.map((s) => unscoredEntry(rfp, s)),
          ],
          evaluators: evaluation.evaluators.map((e) => ({ ...e, file: shown(e.file) ?? e.file })),
          issues: evaluation.issues.map((i) => (i.file ? { ...i, file: shown(i.file) } : i)),
        };
        if (pending.length > 0) out.submissions = pending.map(summaryOf);
        return out;
      });
      value.catch(() => {
        if (evaluated?.revision === at) evaluated = null;
      });
      evaluated = { revision: at, value };
    }
    return evaluated.value;
  };

  return {
    demoFiles,
    unscoredEntry,
    comparison,
    /** The organisation's latest submission on this server, if any. */
    submissionOf: (organisation: string): Submission | undefined => submissions.get(organisation),
    /** Keeps the organisation's submission (replacing an earlier one); the comparison is computed again. */
    submit(organisation: string, submission: Submission): void {
      submissions.set(organisation, submission);
      revision += 1;
    },
  };
}
