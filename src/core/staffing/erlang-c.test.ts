import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  erlangCMetrics,
  MAX_AGENTS,
  StaffingNotReachable,
  solveErlangC,
  withShrinkage,
} from './erlang-c.js';

/** The published worked example: 100 contacts per 30 minutes, AHT 180 s, 80% answered within 20 s. */
const example = { contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 };

describe('Erlang C', () => {
  it('reproduces the worked example: 14 agents, 20 with 30% shrinkage', () => {
    const staffing = solveErlangC(example, { serviceLevel: 0.8, answerWithin: 20, shrinkage: 0.3 });
    expect(staffing.traffic).toBe(10);
    expect(staffing.agents).toBe(14);
    expect(staffing.scheduled).toBe(20);
    expect(staffing.binding).toBe('service_level');
    expect(staffing.occupancy).toBeCloseTo(0.7143, 4);
    expect(staffing.pWait).toBeCloseTo(0.1741, 4);
    // 1 - 0.17412 x e^(-4 x 20 / 180) = 0.88836; ASA = 0.17412 x 180 / 4 = 7.836 s
    expect(staffing.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(staffing.asa).toBeCloseTo(7.836, 3);
  });

  it('shows why 13 agents are not enough', () => {
    const thirteen = erlangCMetrics(13, example, 20);
    expect(thirteen.pWait).toBeCloseTo(0.2853, 4);
    expect(thirteen.serviceLevel).toBeCloseTo(0.7956, 4);
    expect(thirteen.serviceLevel).toBeLessThan(0.8);
  });

  it('stays finite for loads where A^N / N! overflows', () => {
    expect(erlangB(1, 1)).toBe(0.5);
    const big = erlangC(1100, 1000); // 1000^1100 / 1100! is far beyond 1e308
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(1);
    const staffing = solveErlangC(
      { contacts: 20_000, intervalSeconds: 1800, ahtSeconds: 180 },
      { serviceLevel: 0.8, answerWithin: 20 },
    );
    expect(staffing.traffic).toBe(2000);
    expect(staffing.agents).toBeGreaterThan(2000);
    expect(staffing.agents).toBeLessThan(2060);
    expect(
      erlangCMetrics(staffing.agents - 1, { contacts: 20_000, intervalSeconds: 1800, ahtSeconds: 180 }, 20)
        .serviceLevel,
    ).toBeLessThan(0.8);
  });

  it('is saturated when agents cannot keep up', () => {
    const metrics = erlangCMetrics(10, example, 20);
    expect(metrics).toMatchObject({ pWait: 1, serviceLevel: 0, asa: Number.POSITIVE_INFINITY, occupancy: 1 });
  });

  it('respects a maximum occupancy', () => {
    // 9 Erlangs: 80/60 needs 12 agents (11 answer 77.9%); 85% occupancy needs ceil(9 / 0.85) = 11, 70% needs 13
    const loose = solveErlangC(
      { ...example, contacts: 90 },
      { serviceLevel: 0.8, answerWithin: 60, maxOccupancy: 0.85 },
    );
    expect(loose).toMatchObject({ agents: 12, binding: 'service_level' });
    expect(loose.serviceLevel).toBeCloseTo(0.9021, 4);
    const tight = solveErlangC(
      { ...example, contacts: 90 },
      { serviceLevel: 0.8, answerWithin: 60, maxOccupancy: 0.7 },
    );
    expect(tight).toMatchObject({ agents: 13, binding: 'occupancy' });
  });

  it('rounds shrinkage up exactly and refuses impossible targets', () => {
    expect(withShrinkage(14, 0.3)).toBe(20);
    expect(withShrinkage(7, 0.3)).toBe(10);
    expect(withShrinkage(15, 0.3)).toBe(22);
    expect(withShrinkage(10)).toBe(10);
    expect(() => withShrinkage(10, 1)).toThrow(/shrinkage/);
    expect(() => solveErlangC(example, { serviceLevel: 1, answerWithin: 20 })).toThrow(/below 1/);
    expect(solveErlangC({ ...example, contacts: 0 }, { serviceLevel: 0.8, answerWithin: 20 })).toMatchObject({
      agents: 0,
      scheduled: 0,
    });
  });
});

describe('bounded search', () => {
  it('answers StaffingNotReachable past MAX_AGENTS instead of looping', () => {
    const started = Date.now();
    expect(() =>
      solveErlangC(
        { contacts: 1e12, intervalSeconds: 1800, ahtSeconds: 300 },
        { serviceLevel: 0.8, answerWithin: 20 },
      ),
    ).toThrow(StaffingNotReachable);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a workload that is not a number', () => {
    expect(() =>
      solveErlangC(
        { contacts: Number.NaN, intervalSeconds: 1800, ahtSeconds: 300 },
        { serviceLevel: 0.8, answerWithin: 20 },
      ),
    ).toThrow(/contacts must be a finite number/);
  });

  it('still solves the largest reachable loads', () => {
    const result = solveErlangC(
      { contacts: 500_000, intervalSeconds: 1800, ahtSeconds: 300 },
      { serviceLevel: 0.8, answerWithin: 20 },
    );
    expect(result.agents).toBeGreaterThan(result.traffic);
    expect(result.agents).toBeLessThanOrEqual(MAX_AGENTS);
  });
});
