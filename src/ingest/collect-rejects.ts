import type { DatasetDef } from '../core/dataset/types.js';
import { raw, type Sql, sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import { recordStartLines } from './csv-records.js';
import { duplicateKeysSql, duplicateRejectsSql, overlapRejectsSql } from './reject-sql.js';
import type { SourceFormat } from './source-format.js';

export interface RejectCounts {
  read: number;
  filtered: number;
  rejected: number;
}

/**
 * Numbers the staged rows, gathers every reject of the file into the temp table
 * `reject_report` (line, column, value, reason) and defines the view `accepted`.
 */
export async function collectRejects(
  engine: Executor,
  def: DatasetDef,
  file: string,
  format: SourceFormat,
  header: string[],
  /** Lines above the header that were dropped before reading (a report's title rows). */
  lineOffset = 0,
): Promise<RejectCounts> {
  const malformed = format === 'csv' ? await malformedCsvRecords(engine, header) : [];
  await engine.run(stagedView(malformed.map((m) => m.record)));
  await engine.run(duplicateKeysSql(def));
  const parts: Sql[] = [
    sql`SELECT record, p."column" AS "column", p.value AS value, p.reason AS reason, []::BIGINT[] AS others
        FROM (SELECT record, unnest(problems) AS p FROM staged WHERE keep AND problems IS NOT NULL)`,
    duplicateRejectsSql(def),
  ];
  const overlaps = overlapRejectsSql(def);
  if (overlaps) parts.push(overlaps);
  const union = parts.map((part) => sql`(${part})`).reduce((a, b) => sql`${a} UNION ALL ${b}`);
  await engine.run(sql`CREATE OR REPLACE TEMP TABLE rejects AS ${union}`);
  for (const m of malformed) {
    await engine.run(
      sql`INSERT INTO rejects VALUES (${m.record}, ${m.column}, ${m.value}, ${m.reason}, []::BIGINT[])`,
    );
  }
  const [counts] = await engine.query<RejectCounts>(sql`SELECT
      (SELECT count(*) FROM stage WHERE keep) + ${malformed.length} AS read,
      (SELECT count(*) FROM stage WHERE NOT keep) AS filtered,
      (SELECT count(DISTINCT record) FROM rejects) AS rejected`);
  await engine.run(sql`CREATE OR REPLACE TEMP TABLE line_map (record BIGINT, line BIGINT)`);
  if (format === 'csv' && counts && counts.rejected > 0) await mapPhysicalLines(engine, file);
  // Records whose physical line differs (quoted line breaks) are in line_map; others are equal.
  await engine.run(sql`CREATE OR REPLACE TEMP TABLE reject_report AS
    SELECT coalesce(m.line, r.record) + ${lineOffset} AS line, "column", value,
      CASE WHEN len(others) = 0 THEN reason
           ELSE reason || ' (also line ' || (SELECT string_agg(CAST(coalesce(m2.line, o.o) + ${lineOffset} AS VARCHAR), ', '
                ORDER BY coalesce(m2.line, o.o)) FROM unnest(others) AS o(o) LEFT JOIN line_map m2 ON m2.record = o.o) || ')'
      END AS reason
    FROM rejects r LEFT JOIN line_map m ON m.record = r.record`);
  // Rows with problems are already excluded by problems IS NOT NULL; only cross-row rejects
  // (duplicates, overlaps) need the anti-join, so the common clean file skips it.
  const [crossRow] = await engine.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM rejects WHERE len(others) > 0`,
  );
  const notCrossRejected = crossRow?.n ? sql`AND record NOT IN (SELECT record FROM rejects)` : sql``;
  await engine.run(sql`CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM staged
    WHERE keep AND problems IS NULL ${notCrossRejected}`);
  return counts as RejectCounts;
}

interface Malformed {
  record: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Records DuckDB's CSV reader could not split into the header's columns. */
async function malformedCsvRecords(engine: Executor, header: string[]): Promise<Malformed[]> {
  const rows = await engine.query<Malformed>(
    sql`SELECT line AS record, column_name AS "column", csv_line AS value, error_message AS reason
        FROM reject_errors ORDER BY line`,
  );
  // DuckDB names columns as the importer called them (c1..cN); report the header's names.
  const named = (column: string | null) =>
    column && /^c\d+$/.test(column) ? (header[Number(column.slice(1)) - 1] ?? null) : null;
  return rows.map((row) => ({
    ...row,
    column: named(row.column),
    reason: `malformed CSV record: ${row.reason}`,
  }));
}

/**
 * CSV rows are numbered by record; a staged row's record is its position plus the header,
 * shifted past the malformed records DuckDB set aside (t_j = r_j - 1 - j for the j-th).
 */
function stagedView(malformed: number[]): Sql {
  const thresholds = malformed.map((record, j) => record - 2 - j);
  const shift =
    thresholds.length === 0
      ? sql`0`
      : raw(`len(list_filter([${thresholds.map((t) => Math.trunc(t)).join(', ')}], t -> t <= rowid))`);
  return sql`CREATE OR REPLACE TEMP VIEW staged AS
    SELECT * REPLACE (coalesce(record, rowid + 2 + ${shift}) AS record) FROM stage`;
}

/** Fills line_map for rejected records whose physical line differs (quoted line breaks). */
async function mapPhysicalLines(engine: Executor, file: string): Promise<void> {
  const rows = await engine.query<{ record: number }>(
    sql`SELECT DISTINCT unnest(list_prepend(record, others)) AS record FROM rejects`,
  );
  const map = await recordStartLines(
    file,
    rows.map((row) => row.record),
  );
  const entries = [...map].filter(([record, line]) => record !== line);
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    const values = chunk.map(([record, line]) => sql`(${record}, ${line})`).reduce((a, b) => sql`${a}, ${b}`);
    await engine.run(sql`INSERT INTO line_map VALUES ${values}`);
  }
}
