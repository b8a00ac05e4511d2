import { describe, expect, it } from 'vitest';
import { erlangAMetrics, estimatePatience, solveErlangA } from './erlang-a.js';
import { erlangCMetrics, StaffingNotReachable } from './erlang-c.js';

const example = { contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 };

/** Seeded M/M/N+M simulation, FCFS: an independent check of the formulas. */
function simulate(agents: number, patience: number, answerWithin: number, arrivals: number) {
  let seed = 12345;
  const uniform = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const exp = (mean: number) => -mean * Math.log(1 - uniform());
  const free = new Array<number>(agents).fill(0);
  let clock = 0;
  let [answeredInTime, abandoned, waitOfAnswered, answered] = [0, 0, 0, 0];
  for (let i = 0; i < arrivals; i += 1) {
    clock += exp(example.intervalSeconds / example.contacts);
    let first = 0;
    for (let a = 1; a < agents; a += 1) if ((free[a] as number) < (free[first] as number)) first = a;
    const wait = Math.max(0, (free[first] as number) - clock);
    if (wait > exp(patience)) {
      abandoned += 1;
      continue;
    }
    answered += 1;
    waitOfAnswered += wait;
    if (wait <= answerWithin) answeredInTime += 1;
    free[first] = clock + wait + exp(example.ahtSeconds);
  }
  return {
    serviceLevel: answeredInTime / arrivals,
    pAbandon: abandoned / arrivals,
    asa: waitOfAnswered / answered,
  };
}

describe('Erlang A', () => {
  it('agrees with a simulation of M/M/N+M', () => {
    for (const [agents, patience] of [
      [12, 120],
      [10, 60],
      [9, 300],
    ] as const) {
      const model = erlangAMetrics(agents, example, patience, 20);
      const sim = simulate(agents, patience, 20, 2_000_000);
      expect(model.serviceLevel).toBeCloseTo(sim.serviceLevel, 2);
      expect(model.pAbandon).toBeCloseTo(sim.pAbandon, 2);
      expect(Math.abs(model.asa - sim.asa) / sim.asa).toBeLessThan(0.05);
    }
  });

  it('tends to Erlang C as patience grows', () => {
    const a = erlangAMetrics(14, example, 1e7, 20);
    const c = erlangCMetrics(14, example, 20);
    expect(a.pWait).toBeCloseTo(c.pWait, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.asa).toBeCloseTo(c.asa, 2);
    expect(a.pAbandon).toBeLessThan(1e-4);
    expect(erlangAMetrics(14, example, Number.POSITIVE_INFINITY, 20)).toMatchObject({
      pAbandon: 0,
      serviceLevel: c.serviceLevel,
    });
  });

  it('keeps a queue stable below the load, with abandonment', () => {
    const short = erlangAMetrics(9, example, 60, 20); // 9 agents for 10 Erlangs: Erlang C would be saturated
    expect(short.pAbandon).toBeGreaterThan(0.1);
    expect(short.serviceLevel).toBeGreaterThan(0);
    expect(short.occupancy).toBeLessThan(1);
    // the carried load: answered contacts x AHT = N x occupancy
    expect(short.occupancy * 9).toBeCloseTo(10 * (1 - short.pAbandon), 10);
  });

  it('needs no more agents than Erlang C for the same target', () => {
    const staffing = solveErlangA(example, 120, { serviceLevel: 0.8, answerWithin: 20, shrinkage: 0.3 });
    expect(staffing.agents).toBeLessThanOrEqual(14);
    expect(staffing.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangAMetrics(staffing.agents - 1, example, 120, 20).serviceLevel).toBeLessThan(0.8);
    expect(staffing.scheduled).toBe(Math.ceil(staffing.agents / 0.7 - 1e-9));
    const capped = solveErlangA(example, 120, { serviceLevel: 0.5, answerWithin: 20, maxAbandon: 0.01 });
    expect(capped.pAbandon).toBeLessThanOrEqual(0.01);
  });

  it('estimates mean patience as total wait over abandons', () => {
    expect(estimatePatience({ totalWaitSeconds: 36_000, abandoned: 300 })).toBe(120);
    expect(estimatePatience({ totalWaitSeconds: 500, abandoned: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('bounded Erlang A search', () => {
  it('answers StaffingNotReachable when the load needs more than MAX_AGENTS', () => {
    expect(() =>
      solveErlangA({ contacts: 10_000_000, intervalSeconds: 1800, ahtSeconds: 3000 }, 60, {
        serviceLevel: 0.8,
        answerWithin: 20,
      }),
    ).toThrow(StaffingNotReachable);
  });
});
