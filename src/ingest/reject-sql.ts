import type { DatasetDef } from '../core/dataset/types.js';
import { join, raw, type Sql, sql } from '../core/sql/fragment.js';

/**
 * Rejects found across rows of one file, built in SQL over the staged rows: the same key
 * twice (both rows rejected, each naming the other's record) and, for interval datasets,
 * overlapping intervals of one agent (each row naming the one it overlaps).
 * Each yields (record, column, value, reason, others) where `others` are the other records.
 */
const q = (name: string) => raw(`"${name.replaceAll('"', '""')}"`);

export function duplicateKeysSql(def: DatasetDef): Sql {
  const keys = join(def.key.map(q));
  const notNull = join(
    def.key.map((k) => sql`${q(k)} IS NOT NULL`),
    ' AND ',
  );
  return sql`CREATE OR REPLACE TEMP TABLE dup_keys AS
    SELECT ${keys} FROM staged WHERE keep AND ${notNull} GROUP BY ${keys} HAVING count(*) > 1`;
}

export function duplicateRejectsSql(def: DatasetDef): Sql {
  const keys = join(def.key.map(q));
  const label = def.key.join(' + ');
  const value =
    def.key.length === 1 ? sql`CAST(${q(def.key[0] as string)} AS VARCHAR)` : sql`concat_ws(' + ', ${keys})`;
  return sql`SELECT record, ${label} AS "column", ${value} AS value,
      ${`the same ${label} appears more than once in this file`} AS reason,
      list_filter(records, r -> r <> record) AS others
    FROM (SELECT record, ${keys}, list(record) OVER (PARTITION BY ${keys}) AS records
          FROM staged JOIN dup_keys USING (${keys}) WHERE keep)`;
}

export function overlapRejectsSql(def: DatasetDef): Sql | null {
  if (!def.intervals) return null;
  const by = q(def.intervals.by);
  const start = q(def.intervals.start);
  const end = q(def.intervals.end);
  // Ordered by start: a row overlaps an earlier one when it starts before the latest end
  // seen so far, and a later one when the next row starts before its own end.
  return sql`SELECT record, ${def.intervals.start} AS "column", CAST(${start} AS VARCHAR) AS value,
      'overlaps another interval of the same agent in this file' AS reason,
      list_filter([prev_record, next_record], r -> r IS NOT NULL) AS others
    FROM (SELECT record, ${start}, ${end},
            arg_max(record, ${end}) OVER earlier AS prev_record_any,
            max(${end}) OVER earlier AS prev_end,
            lead(${start}) OVER ordered AS next_start,
            lead(record) OVER ordered AS next_record_any
          FROM staged WHERE keep AND problems IS NULL
          WINDOW ordered AS (PARTITION BY ${by} ORDER BY ${start}, record),
                 earlier AS (PARTITION BY ${by} ORDER BY ${start}, record ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
    CROSS JOIN LATERAL (SELECT CASE WHEN ${start} < prev_end THEN prev_record_any END AS prev_record,
                               CASE WHEN next_start < ${end} THEN next_record_any END AS next_record)
    WHERE prev_record IS NOT NULL OR next_record IS NOT NULL`;
}
