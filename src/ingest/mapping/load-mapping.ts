import { datasetDef } from '../../core/dataset/catalog.js';
import { DATASET_NAMES, type DatasetDef, isDatasetName } from '../../core/dataset/types.js';
import { fail, type Result } from '../../core/issues.js';
import { finishDocument, readDocument } from '../../core/yaml/document.js';
import { type Reporter, suggest } from '../../core/yaml/reporter.js';
import { loadDocument } from '../../files/load-document.js';
import type { ReadOptions } from '../read-options.js';
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
  const doc = readDocument(text, file, envelopeSchema, 'Mapping');
  if (!doc.ok) return doc;
  const { yaml, data } = doc.value;
  const { js, rep } = yaml;
  if (!isRecord(js)) return fail(rep.issues);

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

  if (!data || !def) return finishDocument<MappingSpec>(doc.value, null);
  const { metadata } = data;
  return finishDocument(doc.value, {
    file,
    name: metadata.name,
    ...(metadata.displayName === undefined ? {} : { displayName: metadata.displayName }),
    ...(metadata.description === undefined ? {} : { description: metadata.description }),
    dataset: def.name,
    ...(zone === undefined ? {} : { timezone: zone }),
    ...(data.spec.read === undefined ? {} : { read: data.spec.read as ReadOptions }),
    filter,
    columns,
  });
}

/** Reads and parses a Mapping file. */
export const loadMapping = (file: string): Promise<Result<MappingSpec>> =>
  loadDocument(file, 'mapping', parseMapping);

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
