import type { Row, Value } from '../store.js';

/** DuckDB's JSON-friendly rows, normalised to the store-wide value conventions. */
export function normaliseRows(rows: Record<string, unknown>[], types: string[], names: string[]): Row[] {
  const converters = types.map(converterFor);
  return rows.map((row) => {
    const out: Row = {};
    names.forEach((name, index) => {
      const value = row[name];
      out[name] = value === null || value === undefined ? null : (converters[index] as Converter)(value);
    });
    return out;
  });
}

type Converter = (value: unknown) => Value;

const identity: Converter = (value) => value as Value;

function converterFor(type: string): Converter {
  if (/^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/.test(type)) return toNumberIfSafe;
  if (type === 'TIMESTAMP WITH TIME ZONE') return (value) => isoInstant(String(value));
  return identity;
}

function toNumberIfSafe(value: unknown): Value {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : String(value);
}

/** '2026-01-01 09:00:00.5+00' -> '2026-01-01T09:00:00.5Z' (the session zone is always UTC). */
export function isoInstant(text: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)\+00$/.exec(text);
  return match ? `${match[1]}T${match[2]}Z` : text;
}
