import type { Issue, Result } from '../issues.js';
import { byPosition, finishDocument, readDocument } from '../yaml/document.js';
import type { YamlFile } from '../yaml/read-yaml.js';
import type { Reporter } from '../yaml/reporter.js';

/** What parsing each RFP kind shares: the one document reader of core/yaml (document.ts). */

export type Path = (string | number)[];

export { byPosition };

/** Reads the file, checks the shape and returns the parsed value with its reporters; null on failure. */
export function read<T>(
  text: string,
  file: string,
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
  kind: string,
): { ok: true; data: T | null; yaml: YamlFile; warn: Reporter } | { ok: false; issues: Issue[] } {
  const doc = readDocument(text, file, schema, kind);
  return doc.ok ? { ok: true, ...doc.value } : doc;
}

export function finish<T>(yaml: YamlFile, warn: Reporter, value: T | null): Result<T> {
  return finishDocument({ data: null, yaml, warn }, value);
}
