import { describe, expect, it } from 'vitest';
import { staffForTerms } from './from-terms.js';

describe('staffForTerms', () => {
  const terms = {
    target: { serviceLevel: 0.8, answerWithin: 20 },
    interval: 1800,
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    model: 'erlang_c' as const,
  };

  it("reads a contract's staffing terms (80/20, 30m, 30% shrinkage, 85% occupancy)", () => {
    expect(staffForTerms(terms, { contacts: 100, ahtSeconds: 180 })).toMatchObject({
      model: 'erlang_c',
      agents: 14,
      scheduled: 20,
    });
  });

  it('uses Erlang A when the terms ask for it and patience is known', () => {
    const a = staffForTerms(
      { ...terms, model: 'erlang_a' },
      { contacts: 100, ahtSeconds: 180, patienceSeconds: 120 },
    );
    expect(a.model).toBe('erlang_a');
    expect(a.agents).toBeLessThanOrEqual(14);
    expect(staffForTerms({ ...terms, model: 'erlang_a' }, { contacts: 100, ahtSeconds: 180 }).model).toBe(
      'erlang_c',
    );
  });
});
