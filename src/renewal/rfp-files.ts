import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Issue, UserError } from '../core/issues.js';
import { type EvaluateInput, evaluateRfp, type RfpEvaluation } from '../core/rfp/evaluate.js';
import { kindOf, parseResponse, parseRfp, parseScores } from '../core/rfp/parse.js';
import type { Rfp, RfpResponse, RfpScores } from '../core/rfp/types.js';
import { isRecord, readYaml } from '../core/yaml/read-yaml.js';

/**
 * An RFP and its submissions read from files (docs/rfp.md): the RFP YAML, a folder of
 * RFPResponse files and a folder of RFPScores files (by default `scores` beside the
 * responses folder). Every problem of every file is collected and reported at once.
 */

export interface RfpFiles {
  rfp: string;
  responses: string;
  /** Default: the `scores` folder beside `responses`. */
  scores?: string;
}

const YAML = /\.ya?ml$/i;

async function text(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
}

async function yamlFiles(dir: string, what: string, required: boolean): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (!required && error.code === 'ENOENT') return [] as string[];
    throw new UserError(
      `cannot read the ${what} folder ${dir}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`,
    );
  });
  return names
    .filter((n) => YAML.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** `spec.vendor` of a response that did not parse, when it can be read. */
function vendorOf(source: string, file: string): string | null {
  const yaml = readYaml(source, file);
  const spec = yaml.ok && isRecord(yaml.value.js) ? yaml.value.js.spec : undefined;
  return isRecord(spec) && typeof spec.vendor === 'string' ? spec.vendor : null;
}

export async function readRfp(file: string): Promise<{ rfp: Rfp; warnings: Issue[] }> {
  const parsed = parseRfp(await text(file), file);
  if (!parsed.ok)
    throw new UserError(`${file}: ${parsed.issues.length} problem(s) in the RFP`, parsed.issues);
  return { rfp: parsed.value, warnings: parsed.warnings };
}

/** Reads and checks everything; throws a UserError listing every problem of every file. */
export async function loadRfpFiles(files: RfpFiles): Promise<{
  rfp: Rfp;
  responses: RfpResponse[];
  scores: RfpScores[];
  warnings: Issue[];
}> {
  const { rfp, warnings } = await readRfp(files.rfp);
  const problems: Issue[] = [];
  const responses: RfpResponse[] = [];
  const failedVendors: string[] = [];
  for (const file of await yamlFiles(files.responses, 'responses', true)) {
    const source = await text(file);
    const kind = kindOf(source);
    if (kind !== 'RFPResponse') {
      problems.push({
        code: 'wrong_kind',
        path: ['kind'],
        file,
        line: 1,
        column: 1,
        message: `expected kind RFPResponse in the responses folder, found ${kind ?? 'none'}`,
      });
      continue;
    }
    const parsed = parseResponse(source, file, rfp);
    if (parsed.ok) {
      responses.push(parsed.value);
      warnings.push(...parsed.warnings);
    } else {
      problems.push(...parsed.issues);
      // Its vendor still counts when checking the scores, so one bad response does not make every score "unknown".
      const vendor = vendorOf(source, file);
      if (vendor) failedVendors.push(vendor);
    }
  }
  const vendors = [...responses.map((r) => r.vendor), ...failedVendors];
  const scores: RfpScores[] = [];
  const scoresDir = files.scores ?? join(dirname(resolve(files.responses)), 'scores');
  for (const file of await yamlFiles(scoresDir, 'scores', files.scores !== undefined)) {
    const source = await text(file);
    if (kindOf(source) !== 'RFPScores') {
      problems.push({
        code: 'wrong_kind',
        path: ['kind'],
        file,
        line: 1,
        column: 1,
        message: `expected kind RFPScores in the scores folder, found ${kindOf(source) ?? 'none'}`,
      });
      continue;
    }
    const parsed = parseScores(source, file, rfp, vendors);
    if (parsed.ok) {
      scores.push(parsed.value);
      warnings.push(...parsed.warnings);
    } else problems.push(...parsed.issues);
  }
  if (problems.length > 0)
    throw new UserError(`${problems.length} problem(s) in the RFP's responses and scores`, problems);
  if (responses.length === 0) throw new UserError(`no RFPResponse files (*.yaml) in ${files.responses}`);
  return { rfp, responses, scores, warnings };
}

/** Loads and scores: the comparison of the responses, with attachments checked on disk. */
export async function scoreRfpFiles(
  files: RfpFiles,
  options: Pick<EvaluateInput, 'classificationRules'> = {},
): Promise<{ evaluation: RfpEvaluation; warnings: Issue[] }> {
  const { rfp, responses, scores, warnings } = await loadRfpFiles(files);
  const evaluation = evaluateRfp({
    rfp,
    responses,
    scores,
    attachmentExists: (response, file) => existsSync(resolve(dirname(response.file), file)),
    ...options,
  });
  return { evaluation, warnings };
}
