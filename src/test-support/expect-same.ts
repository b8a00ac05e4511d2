import { expect } from 'vitest';

/**
 * Deep-equal, numbers to 12 significant digits (as reported, core/stats/reported.ts): two
 * fresh computations of a year's ratio can differ in the 16th digit (DuckDB sums doubles in
 * parallel, in no fixed order), with or without the cache.
 */
export function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const close =
      actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
    expect(close, `${path}: ${actual} vs ${expected}`).toBe(true);
  } else if (Array.isArray(actual) && Array.isArray(expected)) {
    expect(actual.length, path).toBe(expected.length);
    for (const [i, a] of actual.entries()) expectSame(a, expected[i], `${path}[${i}]`);
  } else if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const [a, e] = [actual as Record<string, unknown>, expected as Record<string, unknown>];
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
    for (const key of Object.keys(e)) expectSame(a[key], e[key], `${path}.${key}`);
  } else expect(actual, path).toEqual(expected);
}
