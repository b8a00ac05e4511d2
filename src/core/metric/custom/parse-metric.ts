import { datasetDef } from '../../dataset/catalog.js';
import { DATASET_NAMES, type DatasetDef, isDatasetName } from '../../dataset/types.js';
import { parseExpression } from '../../expr/parse.js';
import type { Result } from '../../issues.js';
import { duckdbDialect } from '../../sql/duckdb-dialect.js';
import { finishDocument, readDocument } from '../../yaml/document.js';
import { isRecord } from '../../yaml/read-yaml.js';
import { type Reporter, suggest } from '../../yaml/reporter.js';
import type { ParamDef, Unit } from '../types.js';
import { compileMetricExpr, describeValueType, type ValueType } from './expr-sql.js';
import { METRIC_TYPES, metricSchema, type ParsedMetric, paramSchema } from './schema.js';
import type { CustomMetric, CustomMetricType, MetricExpr } from './types.js';

type Path = (string | number)[];

/** What each type reads, and the type each expression must have. */
const FIELDS: Record<CustomMetricType, Partial<Record<'numerator' | 'value' | 'denominator', ValueType>>> = {
  share: { numerator: 'bool' },
  mean: { value: 'number' },
  count: {},
  ratio: { numerator: 'number', denominator: 'number' },
};
const EXPRESSIONS = ['numerator', 'value', 'denominator'] as const;

export interface ParseMetricOptions {
  /** Ids no custom metric may take (the built-in catalog's). */
  reserved: readonly string[];
}

/**
 * Parses a Metric file: the envelope and shape, the dataset, every expression's syntax,
 * columns and types, and the id against the built-in catalog, all reported at once with
 * file:line:column. Pure: the caller reads the file.
 */
export function parseMetric(text: string, file: string, options: ParseMetricOptions): Result<CustomMetric> {
  const doc = readDocument(text, file, metricSchema, 'Metric');
  if (!doc.ok) return doc;
  const { yaml, data } = doc.value;
  const { rep, js } = yaml;
  const spec = isRecord(js) && isRecord(js.spec) ? js.spec : {};
  const name = isRecord(js) && isRecord(js.metadata) ? js.metadata.name : undefined;
  if (typeof name === 'string' && options.reserved.includes(name)) {
    rep.node(
      'reserved_id',
      ['metadata', 'name'],
      `${name} is a built-in metric: a custom metric cannot shadow it; choose another name`,
    );
  }
  const def = dataset(rep, spec.dataset);
  const params = paramDefs(rep, spec.params);
  const type = METRIC_TYPES.find((t) => t === spec.type);
  const read = (field: 'where' | (typeof EXPRESSIONS)[number], want: ValueType): MetricExpr | null => {
    const written = spec[field];
    if (typeof written !== 'string' || written === '') return null;
    return expression(rep, ['spec', field], written, want, def, params);
  };
  const where = read('where', 'bool');
  const parsed: Partial<Record<(typeof EXPRESSIONS)[number], MetricExpr | null>> = {};
  if (type) {
    for (const field of EXPRESSIONS) {
      const want = FIELDS[type][field];
      const present = spec[field] !== undefined;
      if (want) {
        if (!present)
          rep.missing('required', ['spec', field], `a ${type} metric needs ${field}: ${what(field, type)}`);
        parsed[field] = read(field, want);
      } else if (present) {
        rep.key(
          'not_used',
          ['spec'],
          field,
          `a ${type} metric has no ${field} (${type} reads ${needs(type)})`,
        );
      }
    }
  }
  const unit = data ? unitOf(rep, data) : undefined;
  if (!data || !def || !unit) return finishDocument<CustomMetric>(doc.value, null);
  return finishDocument(doc.value, {
    id: data.metadata.name,
    label: data.spec.label,
    description: data.spec.description,
    dataset: def.name,
    type: data.spec.type,
    where,
    numerator: parsed.numerator ?? null,
    value: parsed.value ?? null,
    denominator: parsed.denominator ?? null,
    direction: data.spec.direction,
    unit,
    params,
    source: text,
  });
}

const needs = (type: CustomMetricType) => {
  const fields = Object.keys(FIELDS[type]);
  return fields.length === 0 ? 'only where' : `where and ${fields.join(', ')}`;
};

const what = (field: string, type: CustomMetricType) =>
  field === 'numerator' && type === 'share'
    ? 'the condition counted among the where population'
    : field === 'value'
      ? 'the number averaged'
      : 'a number summed';

function dataset(rep: Reporter, name: unknown): DatasetDef | undefined {
  if (typeof name !== 'string') return undefined;
  if (isDatasetName(name)) {
    const def = datasetDef(name);
    if (def.timeColumn) return def;
    rep.node(
      'no_time',
      ['spec', 'dataset'],
      `${name} is reference data with no time column: a metric needs a dataset of events`,
    );
    return undefined;
  }
  rep.node(
    'unknown_dataset',
    ['spec', 'dataset'],
    `unknown dataset ${name}${suggest(name, DATASET_NAMES)}; the datasets are ${DATASET_NAMES.join(', ')}`,
  );
  return undefined;
}

function expression(
  rep: Reporter,
  path: Path,
  text: string,
  want: ValueType,
  def: DatasetDef | undefined,
  params: ParamDef[],
): MetricExpr | null {
  const node = rep.locator.node(path);
  const parsed = parseExpression(text, (offset) => rep.locator.inScalar(node, offset));
  if (!parsed.ok) {
    const at = rep.locator.inScalar(node, parsed.offset);
    rep.at(
      'expression_syntax',
      path,
      `${parsed.message} (at character ${parsed.offset + 1} of: ${text})`,
      at,
    );
    return null;
  }
  if (!def) return { text, expr: parsed.expr };
  const typed = compileMetricExpr(parsed.expr, {
    columns: def.columns,
    params,
    dialect: duckdbDialect,
    issue: (at, code, message) => rep.at(code, path, message, at.loc),
  });
  if (typed.type !== want && typed.type !== 'null') {
    const field = String(path.at(-1));
    rep.at(
      'type_mismatch',
      path,
      `${field} must be ${describeValueType(want)}, found ${describeValueType(typed.type)}`,
      parsed.expr.loc,
    );
  }
  return { text, expr: parsed.expr };
}

/** The parameters, read even when another part of the file is wrong (so expressions can name them). */
function paramDefs(rep: Reporter, written: unknown): ParamDef[] {
  if (!isRecord(written)) return [];
  return Object.entries(written).flatMap(([name, raw]): ParamDef[] => {
    const checked = paramSchema.safeParse(raw);
    if (!checked.success) return []; // the schema reports it
    const p = checked.data;
    const path = ['spec', 'params', name];
    if (!/^[a-z][A-Za-z0-9_]*$/.test(name)) {
      rep.key(
        'invalid_name',
        ['spec', 'params'],
        name,
        `a parameter name is a letter then letters, digits or _`,
      );
      return [];
    }
    const kind = p.type === 'number' ? 'number' : p.type === 'text' ? 'enum' : p.type;
    const fits =
      (p.type === 'number' && typeof p.default === 'number') ||
      (p.type === 'bool' && typeof p.default === 'boolean') ||
      (p.type === 'duration' && typeof p.default === 'string' && /^\d{1,7}(s|m|h|d)$/.test(p.default)) ||
      (p.type === 'text' && typeof p.default === 'string' && (p.values ?? [p.default]).includes(p.default));
    if (!fits)
      rep.node(
        'invalid',
        [...path, 'default'],
        `the default is not a ${p.type}${p.values ? ` of ${p.values.join(', ')}` : ''}`,
      );
    if (p.type === 'text' && !p.values)
      rep.missing('required', [...path, 'values'], 'a text parameter lists its values');
    return [
      {
        name,
        kind,
        default: p.default,
        description: p.description,
        ...(p.values ? { values: p.values } : {}),
      },
    ];
  });
}

/** share is always a share; other types name their unit (a mean of seconds, a count...). */
function unitOf(rep: Reporter, data: ParsedMetric): Unit | undefined {
  const { type, unit } = data.spec;
  if (type === 'share') {
    if (unit !== undefined && unit !== 'share')
      rep.node('invalid', ['spec', 'unit'], 'a share metric has unit share');
    return 'share';
  }
  if (type === 'count') return unit ?? 'count';
  if (unit === undefined) {
    rep.missing(
      'required',
      ['spec', 'unit'],
      `a ${type} metric names its unit: seconds, count, days, money, ratio or mean_score`,
    );
    return undefined;
  }
  if (unit === 'share')
    rep.node(
      'invalid',
      ['spec', 'unit'],
      `only a share metric has unit share; a ${type} is e.g. ratio or seconds`,
    );
  return unit;
}
