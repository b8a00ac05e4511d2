import { describe, expect, it } from 'vitest';
import { clampAsOf } from './renewal-view.js';

describe('clampAsOf', () => {
  it('maps every date after the term to the day after it, so made-up dates cost one build', () => {
    const dates = ['2027-01-01', '2030-06-30', '2999-12-31'].map((d) => clampAsOf(d, '2026-12-31'));
    expect(new Set(dates)).toEqual(new Set(['2027-01-01']));
    expect(clampAsOf('2026-04-01', '2026-12-31')).toBe('2026-04-01');
  });
});
