import type { ColumnDef } from '../../dataset/types.js';
import type { Expr } from '../../expr/types.js';
import type { Dialect } from '../../sql/dialect.js';
import { raw, type Sql } from '../../sql/fragment.js';
import type { ParamValue } from '../plan-types.js';
import type { ParamDef } from '../types.js';

/** The types of metric expressions and the checks every operator and function shares. */
export type ValueType = 'bool' | 'number' | 'text' | 'timestamp' | 'date' | 'null';

export interface Typed {
  sql: Sql;
  type: ValueType;
  /** Already reported (an unknown column or function): no further issue about it. */
  reported?: boolean;
}

export interface MetricExprEnv {
  columns: readonly ColumnDef[];
  params: readonly ParamDef[];
  /** Parameter values of this query (defaults when absent). */
  values?: Record<string, ParamValue>;
  dialect: Dialect;
  issue(node: Expr, code: string, message: string): void;
}

export function columnValueType(column: ColumnDef): ValueType {
  switch (column.type.kind) {
    case 'bool':
      return 'bool';
    case 'integer':
    case 'number':
    case 'money':
      return 'number';
    case 'timestamp':
      return 'timestamp';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

export const describeValueType = (type: ValueType): string =>
  ({
    bool: 'a condition',
    number: 'a number',
    text: 'text',
    timestamp: 'a timestamp',
    date: 'a date',
    null: 'null',
  })[type];

export const NULL: Typed = { sql: raw('NULL'), type: 'null' };
export const REPORTED: Typed = { ...NULL, reported: true };

export function expect(node: Expr, value: Typed, type: ValueType, where: string, env: MetricExprEnv): void {
  if (value.type === type || value.type === 'null') return;
  env.issue(
    node,
    'type_mismatch',
    `${where} needs ${describeValueType(type)}, found ${describeValueType(value.type)}`,
  );
}

/** The one type of branches; mixing kinds is a mistake to report. */
export function unify(values: Typed[], nodes: Expr[], env: MetricExprEnv): ValueType {
  const known = values.filter((v) => v.type !== 'null');
  const first = known[0]?.type ?? 'null';
  values.forEach((value, index) => {
    if (value.type !== 'null' && value.type !== first) {
      env.issue(
        nodes[index] as Expr,
        'type_mismatch',
        `every branch must be ${describeValueType(first)}, this is ${describeValueType(value.type)}`,
      );
    }
  });
  return first;
}
