import type { DatasetDef } from '../core/dataset/types.js';
import { type Sql, sql } from '../core/sql/fragment.js';

/**
 * A number written with a decimal comma (12,5) as the importer reads numbers (12.5).
 * Only text that is a plain decimal-comma number changes; anything else passes as it is,
 * so the usual checks still name a bad value. Thousands separators are not read.
 */
export function commaDecimal(text: Sql): Sql {
  return sql`(CASE WHEN regexp_full_match(trim(${text}), '[+-]?[0-9]*,[0-9]+') THEN replace(trim(${text}), ',', '.') ELSE ${text} END)`;
}

/** The source columns a decimal comma applies to: all a mapping reads, else the dataset's numeric columns. */
export function decimalRefs(refs: Sql[], header: string[], def: DatasetDef, mapped: boolean): Sql[] {
  const numeric = new Set(
    def.columns
      .filter((c) => c.type.kind === 'number' || c.type.kind === 'money' || c.type.kind === 'integer')
      .map((c) => c.name),
  );
  return refs.map((ref, i) => (mapped || numeric.has(header[i] as string) ? commaDecimal(ref) : ref));
}
