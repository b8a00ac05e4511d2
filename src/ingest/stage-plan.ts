import type { DatasetDef } from '../core/dataset/types.js';
import { UserError } from '../core/issues.js';
import { type Sql, sql } from '../core/sql/fragment.js';
import type { CompiledMapping } from './mapping/compile-mapping.js';
import type { SourceRelation } from './source-relation.js';
import type { StagePlan } from './stage-sql.js';

/**
 * Decides where each canonical column comes from: the same-named source column, or the
 * mapping's expression. A file missing required columns is refused whole, naming them.
 */
export function planStage(
  def: DatasetDef,
  src: SourceRelation,
  file: string,
  options: { mapping?: CompiledMapping; timezone?: string },
): StagePlan {
  const columns = new Map<string, Sql>();
  const used = new Set<number>();
  const { mapping } = options;
  if (mapping) {
    for (const [name, expression] of mapping.columns) columns.set(name, expression);
    for (const name of mapping.sourceColumns) used.add(src.header.indexOf(name));
  } else {
    src.header.forEach((name, index) => {
      if (def.columns.some((column) => column.name === name)) {
        columns.set(name, src.refs[index] as Sql);
        used.add(index);
      }
    });
    const missing = def.columns.filter((c) => c.required && !columns.has(c.name)).map((c) => c.name);
    if (missing.length > 0) {
      throw new UserError(
        `${file}: not a ${def.name} file: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
          `(the header has: ${src.header.join(', ')})`,
      );
    }
  }
  const problems = [...src.problems];
  if (!mapping) {
    for (const column of def.columns.filter((c) => c.type.kind === 'money')) {
      const index = src.header.indexOf(column.name);
      const isFloat = index >= 0 ? src.isFloat(index) : null;
      if (isFloat) {
        problems.push(
          sql`CASE WHEN ${isFloat} THEN {'column': ${column.name}, 'value': ${src.refs[index] as Sql}, 'reason': 'money must be a decimal string or decimal type, not a binary float'} END`,
        );
      }
    }
  }
  const extras = src.header
    .map((name, index) => ({ name, ref: src.refs[index] as Sql, index }))
    .filter((extra) => !used.has(extra.index))
    .map(({ name, ref }) => ({ name, ref }));
  return {
    def,
    source: src.source,
    columns,
    zones: mapping?.zones ?? new Map(),
    defaultZone: options.timezone ?? null,
    record: src.record,
    keep: mapping?.filter ?? null,
    extras,
    sourceProblems: problems,
    unreadable: src.unreadable,
  };
}
