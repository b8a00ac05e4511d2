import { expect } from 'vitest';

/**
 * Every store must give the results the reference store (DuckDB, in memory, loaded with
 * the same data and asked the same things in the same order) gives: the same JSON,
 * numbers equal within 1e-9 (relative above 1), since float sums and averages may differ
 * in the last bits between engines (PostgreSQL averages integers in numeric, and reads
 * the additive contact metrics from its daily rollups).
 */
export const TOLERANCE = 1e-9;

/** Paths where actual and expected differ (beyond the tolerance for numbers). */
export function differences(actual: unknown, expected: unknown, path = '$'): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
    return Math.abs(actual - expected) <= TOLERANCE * scale ||
      (Number.isNaN(actual) && Number.isNaN(expected))
      ? []
      : [`${path}: ${actual} != ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${path}: length ${actual.length} != ${expected.length}`];
    return actual.flatMap((a, i) => differences(a, expected[i], `${path}[${i}]`));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(e)])].sort();
    return keys.flatMap((key) =>
      key in a && key in e
        ? differences(a[key], e[key], `${path}.${key}`)
        : [`${path}.${key}: missing on one side`],
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
}

/** Asserts the store's results equal the reference's, after a JSON round trip (as an API sends them). */
export function expectSame(actual: unknown, reference: unknown): void {
  const json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;
  expect(differences(json(actual), json(reference))).toEqual([]);
}
