import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { datasetDef } from '../../core/dataset/catalog.js';
import { DATASET_NAMES, type DatasetDef, isDatasetName } from '../../core/dataset/types.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { Locator } from '../../core/yaml/locate.js';
import { reportZodIssues } from '../../core/yaml/report-zod.js';
import { Reporter, suggest } from '../../core/yaml/reporter.js';
import { describeType } from './convert.js';
import { columnRule, expressionAt, isTimeZone } from './rules.js';
import { envelopeSchema } from './schema.js';
import type { ColumnRule, ExprSource, MappingSpec } from './types.js';

export type { MappingSpec } from './types.js';

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses a Mapping file, reporting every problem at once with its line and column. */
export function parseMapping(text: string, file: string): Result<MappingSpec> {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const yamlIssue = (code: string) => (error: { message: string; pos: [number, number] }) => ({
    code,
    path: [],
    message: error.message,
    ...position(error.pos[0]),
  });
  if (doc.errors.length > 0) return fail(doc.errors.map(yamlIssue('yaml_syntax')));
  const warnings: Issue[] = doc.warnings.map(yamlIssue('yaml_warning'));

  const rep = new Reporter(file, new Locator(text.replace(/^\uFEFF/, ''), doc, lines));
  const js: unknown = doc.toJS();
  if (!isRecord(js)) {
    rep.node('not_a_mapping', [], 'a mapping file is a YAML map with apiVersion, kind, metadata and spec');
    return fail(rep.issues);
  }
  const envelope = envelopeSchema.safeParse(js);
  if (!envelope.success) reportZodIssues(envelope.error, envelopeSchema, js, rep);

  const spec = isRecord(js.spec) ? js.spec : {};
  const def = dataset(rep, spec.dataset);
  const zone = typeof spec.timezone === 'string' ? spec.timezone : undefined;
  if (zone !== undefined && !isTimeZone(zone)) {
    rep.node(
      'unknown_timezone',
      ['spec', 'timezone'],
      `unknown time zone ${zone}: use an IANA name like Europe/Lisbon`,
    );
  }
  const filter = filters(rep, spec.filter);
  const columns = isRecord(spec.columns)
    ? rules(rep, spec.columns, def, zone)
    : new Map<string, ColumnRule>();

  if (rep.issues.length > 0 || !envelope.success || !def) return fail(rep.issues);
  const { metadata } = envelope.data;
  return ok(
    {
      file,
      name: metadata.name,
      ...(metadata.displayName === undefined ? {} : { displayName: metadata.displayName }),
      ...(metadata.description === undefined ? {} : { description: metadata.description }),
      dataset: def.name,
      ...(zone === undefined ? {} : { timezone: zone }),
      filter,
      columns,
    },
    warnings,
  );
}

/** Reads and parses a Mapping file. */
export async function loadMapping(file: string): Promise<Result<MappingSpec>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail([
      { code: 'unreadable_file', path: [], message: `cannot read mapping ${file}: ${reason}`, file },
    ]);
  }
  return parseMapping(text, file);
}

function dataset(rep: Reporter, name: unknown): DatasetDef | undefined {
  if (typeof name !== 'string') return undefined;
  if (isDatasetName(name)) return datasetDef(name);
  const hint = suggest(name, DATASET_NAMES);
  rep.node(
    'unknown_dataset',
    ['spec', 'dataset'],
    `unknown dataset ${name}${hint}; the datasets are ${DATASET_NAMES.join(', ')}`,
  );
  return undefined;
}

function filters(rep: Reporter, filter: unknown): ExprSource[] {
  const entries: [(string | number)[], unknown][] =
    typeof filter === 'string'
      ? [[['spec', 'filter'], filter]]
      : Array.isArray(filter)
        ? filter.map((text, index) => [['spec', 'filter', index], text])
        : [];
  const sources: ExprSource[] = [];
  for (const [path, text] of entries) {
    if (typeof text !== 'string' || text === '') continue; // the schema reports it
    const parsed = expressionAt(rep, path, text);
    if (!parsed) continue;
    if (parsed.type !== 'bool' && parsed.type !== 'null') {
      const message = `a filter is a condition (a comparison, is_blank(x), and/or/not), found ${describeType(parsed.type)}`;
      rep.at('type_mismatch', path, message, parsed.source.expr.loc);
    }
    sources.push(parsed.source);
  }
  return sources;
}

function rules(
  rep: Reporter,
  columns: Record_,
  def: DatasetDef | undefined,
  zone: string | undefined,
): Map<string, ColumnRule> {
  const path = ['spec', 'columns'];
  const result = new Map<string, ColumnRule>();
  const names = def?.columns.map((column) => column.name) ?? [];
  for (const [name, value] of Object.entries(columns)) {
    const column = def?.columns.find((candidate) => candidate.name === name);
    if (def && !column) {
      const message = `${def.name} has no column ${name}${suggest(name, names)}; its columns are ${names.join(', ')}`;
      rep.key('unknown_column', path, name, message);
      continue;
    }
    const rule = columnRule(rep, [...path, name], value, column, zone);
    if (rule) result.set(name, rule);
  }
  const where = rep.locator.loc(rep.locator.key(['spec'], 'columns'));
  for (const column of def?.columns ?? []) {
    if (!column.required || Object.hasOwn(columns, column.name)) continue;
    const message = `${def?.name} needs ${column.name}: map it under columns (columns a mapping leaves out are blank)`;
    rep.at('missing_column', [...path, column.name], message, where);
  }
  return result;
}
