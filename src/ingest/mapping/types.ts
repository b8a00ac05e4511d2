import type { DatasetName } from '../../core/dataset/types.js';
import type { Expr, Loc } from '../../core/expr/types.js';
import type { Sql } from '../../core/sql/fragment.js';
import type { ReadOptions } from '../read-options.js';

export type { BinaryOp, Expr, Loc } from '../../core/expr/types.js';

/** The static type of an expression: every source column is text. */
export type ExprType = 'text' | 'int' | 'number' | 'bool' | 'null';

/** What compiling an expression needs from its caller. */
export interface ExprContext {
  /** The SQL reference of a source column; reports an issue and returns a placeholder when unknown. */
  column(node: Expr & { kind: 'column' }): Sql;
  issue(node: Expr, code: string, message: string): void;
}

/** An expression with where it came from, so later issues can point at it. */
export interface ExprSource {
  text: string;
  expr: Expr;
  path: (string | number)[];
  loc: Loc;
}

interface RuleBase {
  path: (string | number)[];
  loc: Loc;
}

/** How one canonical column is built. */
export type ColumnRule =
  | (RuleBase & { kind: 'expr'; source: ExprSource })
  | (RuleBase & { kind: 'const'; value: string | null })
  | (RuleBase & {
      kind: 'values';
      from: ExprSource;
      values: Map<string, string | null>;
      /** Absent: values not in the map pass through unchanged. */
      default?: { value: string | null };
    })
  | (RuleBase & {
      kind: 'datetime';
      date: ExprSource;
      time?: ExprSource;
      /** DuckDB strptime format of `date` (and of `time`, joined by one space). */
      dateFormat: string;
      timeFormat: string;
      /** What the rule builds: 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD'. */
      output: 'timestamp' | 'date';
      /** Zone of the built local timestamp (timestamp output only). */
      timezone?: string;
    });

/** A parsed, validated mapping: everything but the source file's header is checked. */
export interface MappingSpec {
  file: string;
  name: string;
  displayName?: string;
  description?: string;
  dataset: DatasetName;
  /** Zone of the local (offset-less) timestamps the mapping builds. */
  timezone?: string;
  /** How the file is read (delimiter, encoding, decimal, header row, sheet). */
  read?: ReadOptions;
  /** Rows are kept where every filter is true. */
  filter: ExprSource[];
  /** Canonical column -> rule, in file order. */
  columns: Map<string, ColumnRule>;
}

export interface CompiledMapping {
  name: string;
  dataset: DatasetName;
  /** Canonical column -> VARCHAR-valued expression (unmentioned columns are absent: NULL). */
  columns: Map<string, Sql>;
  /** Canonical timestamp column -> IANA zone of its local (offset-less) text. */
  zones: Map<string, string>;
  /** Rows are kept where this is TRUE; null keeps every row. */
  filter: Sql | null;
  /** Source columns the mapping reads, in header order. */
  sourceColumns: string[];
}
