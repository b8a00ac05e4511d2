import pg from 'pg';
import type { SqlValue } from '../../core/sql/fragment.js';
import { isoInstant } from '../duckdb/values.js';

/**
 * PostgreSQL's text values, parsed to the store-wide conventions DuckDB's driver returns
 * (store.ts): integers as numbers (a bigint beyond 2^53 as its digits), exact decimals
 * as strings, timestamptz as 'YYYY-MM-DDTHH:MM:SS(.fff)Z', dates as 'YYYY-MM-DD', JSON as
 * its text. Set per pool, never on pg's global parsers, so other users of pg are untouched.
 * The session time zone is UTC (see postgres-store.ts), so instants arrive as '...+00'.
 */
const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  time: 1083,
  timetz: 1266,
  interval: 1186,
  json: 114,
  jsonb: 3802,
  timestamptzArray: 1185,
  dateArray: 1182,
  int8Array: 1016,
} as const;

const asText = (value: string) => value;

function bigintValue(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** '{a,b}' with pg's own array parser, each element converted. */
const arrayOf =
  (convert: (text: string) => unknown) =>
  (text: string): unknown[] => {
    const parse = pg.types.getTypeParser(1009 as never) as unknown as (value: string) => (string | null)[];
    return parse(text).map((element) => (element === null ? null : convert(element)));
  };

const PARSERS = new Map<number, (text: string) => unknown>([
  [OID.int8, bigintValue],
  [OID.numeric, asText],
  [OID.date, asText],
  [OID.timestamp, asText],
  [OID.timestamptz, isoInstant],
  [OID.time, asText],
  [OID.timetz, asText],
  [OID.interval, asText],
  [OID.json, asText],
  [OID.jsonb, asText],
  [OID.timestamptzArray, arrayOf(isoInstant)],
  [OID.dateArray, arrayOf(asText)],
  [OID.int8Array, arrayOf(bigintValue)],
]);

/** The `types` option of a pg pool: our parsers first, pg's defaults for the rest. */
export const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      const parser = PARSERS.get(oid);
      if (parser) return parser;
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Bound values as pg sends them: bigints as their digits, lists as PostgreSQL arrays. */
export function toPostgres(params: readonly SqlValue[]): unknown[] {
  return params.map((value) => (typeof value === 'bigint' ? value.toString() : value));
}
