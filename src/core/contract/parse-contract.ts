import { fail, type Issue, ok, type Result } from '../issues.js';
import { isRecord, readYaml } from '../yaml/read-yaml.js';
import { reportZodIssues } from '../yaml/report-zod.js';
import { Reporter } from '../yaml/reporter.js';
import { checkContract } from './checks.js';
import { normalise } from './normalise.js';
import { contractSchema } from './schema.js';
import type { Contract } from './types.js';

const byPosition = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * Parses a Contract file (contract-format.md): every problem of the file at once, each
 * with file:line:column and what was expected; warnings (e.g. a target the curve does not
 * pay 0 at) ride along with a valid contract.
 */
export function parseContract(text: string, file: string): Result<Contract> {
  const yaml = readYaml(text, file);
  if (!yaml.ok) return yaml;
  const { js, rep, warnings } = yaml.value;
  if (!isRecord(js)) {
    rep.node('not_a_contract', [], 'a contract file is a YAML map with apiVersion, kind, metadata and spec');
    return fail(rep.issues);
  }
  const warn = new Reporter(file, rep.locator);
  const parsed = contractSchema.safeParse(js);
  if (!parsed.success) reportZodIssues(parsed.error, contractSchema, js, rep);
  checkContract(rep, warn, js);
  if (!parsed.success || rep.issues.length > 0) return fail([...rep.issues].sort(byPosition));
  return ok(normalise(parsed.data), [...warnings, ...warn.issues].sort(byPosition));
}
