import { UserError } from '../core/issues.js';
import { join, raw, type Sql, sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import { parseCsvHeader } from './csv-records.js';
import { readHead, type SourceFormat } from './source-format.js';

/**
 * A file as a relation of VARCHAR columns named c1..cN (the header's names never enter
 * SQL text), plus what the import needs to know about where each row came from.
 */
export interface SourceRelation {
  format: SourceFormat;
  header: string[];
  refs: Sql[];
  source: Sql;
  /** Record number (line for CSV/NDJSON, row for Parquet); null: number by staged order. */
  record: Sql | null;
  /** Problems the source format alone can see, as struct-or-NULL expressions. */
  problems: Sql[];
  /** Reason a record cannot be read at all (then no column is checked), or NULL. */
  unreadable: Sql | null;
  /** True when the value of source column i came as a binary float (not allowed for money). */
  isFloat(index: number): Sql | null;
}

const ref = (index: number) => raw(`c${index + 1}`);

export async function openSource(
  engine: Executor,
  file: string,
  format: SourceFormat,
  options: { delimiter?: string; records?: string } = {},
): Promise<SourceRelation> {
  if (format === 'csv') return csvSource(file, options.delimiter ?? ',');
  if (format === 'ndjson') return ndjsonSource(engine, file, options.records);
  return parquetSource(engine, file);
}

async function csvSource(file: string, delimiter: string): Promise<SourceRelation> {
  const header = parseCsvHeader(await readHead(file, 1_048_576), delimiter);
  checkHeader(file, header);
  const columns = header.map((_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ');
  // Malformed records (wrong field count, broken quotes) go to DuckDB's reject_errors
  // table instead of failing the file; the importer turns them into rejects.
  const source = sql`read_csv(${file}, header = true, auto_detect = false, delim = ${delimiter}, quote = '"',
    escape = '"', columns = {${raw(columns)}}, ignore_errors = true, store_rejects = true)`;
  return {
    format: 'csv',
    header,
    refs: header.map((_, i) => ref(i)),
    source,
    record: null,
    problems: [],
    unreadable: null,
    isFloat: () => null,
  };
}

async function ndjsonSource(engine: Executor, file: string, records?: string): Promise<SourceRelation> {
  if (records !== undefined) {
    // One JSON document holding the records in an array (an API's job results): one line per record.
    await engine.run(sql`CREATE OR REPLACE TEMP TABLE ndjson_lines AS SELECT CAST(unnest(json_extract(json, ${`$.${records}[*]`})) AS VARCHAR) AS line
      FROM read_json_objects(${file}, format = 'auto', maximum_object_size = 1073741824)`);
  } else {
    // One VARCHAR per physical line (0x1F never occurs unescaped in JSON), so line numbers are exact.
    await engine.run(sql`CREATE OR REPLACE TEMP TABLE ndjson_lines AS SELECT line FROM read_csv(${file},
      header = false, auto_detect = false, delim = chr(31), quote = '', escape = '', columns = {'line': 'VARCHAR'})`);
  }
  const keys = await engine.query<{ key: string }>(sql`SELECT key FROM (
      SELECT unnest(json_keys(j)) AS key, rowid AS r FROM (SELECT TRY_CAST(line AS JSON) AS j, rowid FROM ndjson_lines)
      WHERE json_type(j) = 'OBJECT') GROUP BY key ORDER BY min(r), key`);
  const header = keys.map((row) => row.key);
  if (header.length === 0)
    throw new UserError(`${file}: no JSON objects found; expected one object per line`);
  const fields = header.map(
    (key, i) => sql`j ->> ${key} AS ${ref(i)}, json_type(j -> ${key}) AS ${raw(`t${i + 1}`)}`,
  );
  const source = sql`(SELECT rowid + 1 AS line_no, json_type(j) AS object_type, ${join(fields)}
    FROM (SELECT TRY_CAST(line AS JSON) AS j, line, rowid FROM ndjson_lines) WHERE trim(line) <> '')`;
  return {
    format: 'ndjson',
    header,
    refs: header.map((_, i) => ref(i)),
    source,
    record: raw('line_no'),
    problems: [],
    unreadable: sql`CASE WHEN object_type IS DISTINCT FROM 'OBJECT' THEN 'not a JSON object' END`,
    isFloat: (index) => sql`${raw(`t${index + 1}`)} = 'DOUBLE'`,
  };
}

async function parquetSource(engine: Executor, file: string): Promise<SourceRelation> {
  const described = await engine.query<{ column_name: string; column_type: string }>(
    sql`DESCRIBE SELECT * FROM read_parquet(${file})`,
  );
  const header = described.map((row) => row.column_name);
  checkHeader(file, header);
  const quote = (name: string) => raw(`"${name.replaceAll('"', '""')}"`);
  const fields = header.map((name, i) => sql`CAST(${quote(name)} AS VARCHAR) AS ${ref(i)}`);
  const floats = described.map((row) => /^(FLOAT|DOUBLE|REAL)$/.test(row.column_type));
  return {
    format: 'parquet',
    header,
    refs: header.map((_, i) => ref(i)),
    source: sql`(SELECT file_row_number + 1 AS row_no, ${join(fields)} FROM read_parquet(${file}, file_row_number = true))`,
    record: raw('row_no'),
    problems: [],
    unreadable: null,
    isFloat: (index) => (floats[index] ? sql`${ref(index)} IS NOT NULL` : null),
  };
}

function checkHeader(file: string, header: string[]): void {
  if (header.length === 0 || header.every((name) => name === '')) {
    throw new UserError(`${file}: no header row; expected column names on the first line`);
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new UserError(`${file}: the header names column "${name}" twice`);
    seen.add(name);
  }
}
