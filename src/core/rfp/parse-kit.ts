import { fail, type Issue, ok, type Result } from '../issues.js';
import { isRecord, readYaml, type YamlFile } from '../yaml/read-yaml.js';
import { reportZodIssues } from '../yaml/report-zod.js';
import { Reporter } from '../yaml/reporter.js';

/** What parsing each RFP kind shares: reading the YAML and the schema's issues, then the result with its warnings. */

export type Path = (string | number)[];

export const byPosition = (a: Issue, b: Issue) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Reads the file, checks the shape and returns the parsed value with its reporters; null on failure. */
export function read<T>(
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

export function finish<T>(yaml: YamlFile, warn: Reporter, value: T | null): Result<T> {
  if (value === null || yaml.rep.issues.length > 0) return fail([...yaml.rep.issues].sort(byPosition));
  return ok(value, [...yaml.warnings, ...warn.issues].sort(byPosition));
}
