import type { ZodError, ZodType } from 'zod';
import { fail, type Issue, ok, type Result } from '../issues.js';
import { isRecord, readYaml, type YamlFile } from './read-yaml.js';
import { reportZodIssues } from './report-zod.js';
import { Reporter } from './reporter.js';

/**
 * Reading any Covenant document (the envelope in envelope.ts): the YAML with positions,
 * the schema's issues at their nodes, then the kind's own checks, then the result with
 * every issue sorted by position. Pure: callers outside core read the file's text.
 */

export const byPosition = (a: Issue, b: Issue) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

export interface ReadDocument<T> {
  /** The schema's output, or null when the shape is wrong (issues are in yaml.rep). */
  data: T | null;
  yaml: YamlFile;
  /** Collects warnings (they ride along with a valid result). */
  warn: Reporter;
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError };
}

/** Reads `text` as a document of `kind` checked by `schema`; fails only when it is not YAML or not a map. */
export function readDocument<T>(
  text: string,
  file: string,
  schema: Schema<T>,
  kind: string,
): Result<ReadDocument<T>> {
  const yaml = readYaml(text, file);
  if (!yaml.ok) return yaml;
  const { js, rep } = yaml.value;
  if (!isRecord(js)) {
    rep.node('not_a_document', [], `a ${kind} file is a YAML map with apiVersion, kind, metadata and spec`);
    return fail(rep.issues);
  }
  const parsed = schema.safeParse(js);
  if (!parsed.success) reportZodIssues(parsed.error, schema as unknown as ZodType, js, rep);
  return ok({
    data: parsed.success ? parsed.data : null,
    yaml: yaml.value,
    warn: new Reporter(file, rep.locator),
  });
}

/** The value when neither the schema nor the kind's checks found a problem; every issue otherwise. */
export function finishDocument<T>(doc: ReadDocument<unknown>, value: T | null): Result<T> {
  const { yaml, warn } = doc;
  if (value === null || yaml.rep.issues.length > 0) return fail([...yaml.rep.issues].sort(byPosition));
  return ok(value, [...yaml.warnings, ...warn.issues].sort(byPosition));
}
