import { type Document, LineCounter, parseDocument } from 'yaml';
import { fail, type Issue, ok, type Result } from '../issues.js';
import { Locator } from './locate.js';
import { Reporter } from './reporter.js';

/** A parsed YAML file: its plain value, and a reporter that places issues at its nodes. */
export interface YamlFile {
  doc: Document;
  /** The plain JS value (maps -> objects, sequences -> arrays). */
  js: unknown;
  rep: Reporter;
  /** YAML warnings (duplicate-ish constructs the parser tolerates). */
  warnings: Issue[];
}

/**
 * Parses YAML 1.2 with the core schema, so `2026-01-01` stays a string (1.1 would make
 * it a Date) and `yes` stays a string; a syntax error fails with its position.
 */
export function readYaml(input: string, file: string): Result<YamlFile> {
  const text = input.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
  });
  const yamlIssue = (code: string) => (error: { message: string; pos: [number, number] }) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { code, path: [], message: error.message, file, line, column: col };
  };
  if (doc.errors.length > 0) return fail(doc.errors.map(yamlIssue('yaml_syntax')));
  const rep = new Reporter(file, new Locator(text, doc, lines));
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (aliases of aliases) is refused as input, not a crash.
    return fail([{ code: 'yaml_aliases', path: [], message: (error as Error).message, file }]);
  }
  return ok({
    doc,
    js,
    rep,
    warnings: doc.warnings.map(yamlIssue('yaml_warning')),
  });
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The plain value at `path` (undefined when any step is missing). */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const part of path) {
    if (typeof part === 'number' ? !Array.isArray(current) : !isRecord(current)) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
