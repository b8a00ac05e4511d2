import { describe, expect, it } from 'vitest';
import { reported, reportedResult } from './reported.js';

describe('reported', () => {
  it('drops the float noise that summation order leaves, and keeps 12 significant digits', () => {
    expect(reported(0.7566271075517654)).toBe(reported(0.7566271075517652));
    expect(reported(0.1 + 0.2)).toBe(0.3);
    expect(reported(1234.56789012345)).toBe(1234.56789012);
    expect(reported(3.2e-15)).toBe(3.2e-15);
    expect(reported(null)).toBeNull();
  });
  it('reports every number of a result, and leaves the rest', () => {
    expect(
      reportedResult({ value: 0.1 + 0.2, n: 3, low: null, p: 0.30000000000000004, metric: 'x' }),
    ).toEqual({
      value: 0.3,
      n: 3,
      low: null,
      p: 0.3,
      metric: 'x',
    });
  });
});
