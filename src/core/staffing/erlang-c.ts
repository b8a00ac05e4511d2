import { Decimal } from 'decimal.js';
import { MAX_AGENTS } from './limits.js';

/**
 * Erlang C (M/M/N, callers wait as long as it takes): the probability of waiting, service
 * level, ASA and occupancy, and the smallest N that meets a target. Computed through the
 * Erlang B recursion B(k) = A·B(k-1) / (k + A·B(k-1)), which stays in [0, 1] and so never
 * overflows as A^N / N! does.
 */

export interface Workload {
  /** Contacts offered in one interval. */
  contacts: number;
  intervalSeconds: number;
  ahtSeconds: number;
}

export interface QueueMetrics {
  agents: number;
  /** Offered load in Erlangs: contacts x AHT / interval. */
  traffic: number;
  /** Probability that a contact waits at all. */
  pWait: number;
  /** Share answered within `answerWithin` seconds. */
  serviceLevel: number;
  /** Average speed of answer, seconds. */
  asa: number;
  /** Share of agent time busy. */
  occupancy: number;
}

export const trafficOf = ({ contacts, intervalSeconds, ahtSeconds }: Workload): number =>
  (contacts * ahtSeconds) / intervalSeconds;

export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k += 1) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** From B(N): C = N·B / (N - A·(1 - B)); 1 when the agents cannot keep up (N <= A). */
const cFromB = (agents: number, traffic: number, b: number) =>
  agents <= traffic ? 1 : (agents * b) / (agents - traffic * (1 - b));

export function erlangC(agents: number, traffic: number): number {
  return cFromB(agents, traffic, erlangB(agents, traffic));
}

function metricsFrom(
  agents: number,
  traffic: number,
  pWait: number,
  ahtSeconds: number,
  answerWithin: number,
): QueueMetrics {
  const stable = agents > traffic;
  return {
    agents,
    traffic,
    pWait,
    // P(wait <= t) = 1 - C·e^{-(N-A)·t/AHT}
    serviceLevel: stable ? 1 - pWait * Math.exp((-(agents - traffic) * answerWithin) / ahtSeconds) : 0,
    asa: stable ? (pWait * ahtSeconds) / (agents - traffic) : Number.POSITIVE_INFINITY,
    occupancy: agents === 0 ? 0 : Math.min(1, traffic / agents),
  };
}

export function erlangCMetrics(agents: number, workload: Workload, answerWithin: number): QueueMetrics {
  const traffic = trafficOf(workload);
  return metricsFrom(agents, traffic, erlangC(agents, traffic), workload.ahtSeconds, answerWithin);
}

export interface StaffingTarget {
  /** e.g. 0.8 of contacts ... */
  serviceLevel: number;
  /** ... answered within 20 seconds. */
  answerWithin: number;
  /** Share of paid time not available for contacts (breaks, training, absence). */
  shrinkage?: number;
  /** The most the agents may be busy, e.g. 0.85. */
  maxOccupancy?: number;
}

export interface Staffing extends QueueMetrics {
  /** Agents to schedule: agents / (1 - shrinkage), rounded up. */
  scheduled: number;
  /** What set the number: the service level or the occupancy ceiling. */
  binding: 'service_level' | 'occupancy' | 'none';
}

/** Agents / (1 - shrinkage), rounded up in decimal: 14 / 0.7 is 20, not 20.000000000000004. */
export function withShrinkage(agents: number, shrinkage = 0): number {
  if (shrinkage < 0 || shrinkage >= 1) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  return new Decimal(agents)
    .div(new Decimal(1).minus(new Decimal(shrinkage)))
    .ceil()
    .toNumber();
}

export { MAX_AGENTS };

/** No agent count up to MAX_AGENTS meets the target: an answer, not a failure of the model. */
export class StaffingNotReachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaffingNotReachable';
  }
}

function notReachable(target: StaffingTarget, why: string): StaffingNotReachable {
  const sl = `${Math.round(target.serviceLevel * 10000) / 100}% within ${target.answerWithin} s`;
  return new StaffingNotReachable(`not reachable: ${why} (target ${sl}, at most ${MAX_AGENTS} agents)`);
}

/** Finite, non-negative contacts and positive interval and AHT; anything else is not a workload. */
export function checkWorkload({ contacts, intervalSeconds, ahtSeconds }: Workload): void {
  if (!(Number.isFinite(contacts) && contacts >= 0))
    throw new RangeError(`contacts must be a finite number of 0 or more, got ${contacts}`);
  if (!(Number.isFinite(intervalSeconds) && intervalSeconds > 0))
    throw new RangeError(`the interval must be above 0 seconds, got ${intervalSeconds}`);
  if (!(Number.isFinite(ahtSeconds) && ahtSeconds > 0))
    throw new RangeError(`AHT must be above 0 seconds, got ${ahtSeconds}`);
}

/**
 * The smallest number of agents whose service level meets the target (and whose occupancy
 * stays under the ceiling), searched up to MAX_AGENTS; past it, StaffingNotReachable.
 */
export function solveErlangC(workload: Workload, target: StaffingTarget): Staffing {
  checkWorkload(workload);
  checkTarget(target);
  const traffic = trafficOf(workload);
  const { answerWithin, serviceLevel, maxOccupancy } = target;
  if (traffic <= 0)
    return {
      ...metricsFrom(0, 0, 0, workload.ahtSeconds, answerWithin),
      serviceLevel: 1,
      scheduled: 0,
      binding: 'none',
    };
  // The occupancy ceiling alone needs A / maxOccupancy agents (a tolerance keeps 8.5 / 0.85 at 10).
  const forOccupancy = maxOccupancy === undefined ? 0 : Math.ceil(traffic / maxOccupancy - 1e-9);
  if (forOccupancy > MAX_AGENTS || Math.floor(traffic) + 1 > MAX_AGENTS)
    throw notReachable(target, `an offered load of ${Math.round(traffic)} Erlangs needs more agents`);
  let agents = Math.floor(traffic) + 1;
  let b = erlangB(agents, traffic);
  let serviceOk = agents;
  for (;;) {
    const metrics = metricsFrom(
      agents,
      traffic,
      cFromB(agents, traffic, b),
      workload.ahtSeconds,
      answerWithin,
    );
    if (metrics.serviceLevel >= serviceLevel) {
      serviceOk = agents;
      break;
    }
    agents += 1;
    if (agents > MAX_AGENTS) throw notReachable(target, 'the service level is not met');
    b = (traffic * b) / (agents + traffic * b);
  }
  const chosen = Math.max(serviceOk, forOccupancy);
  const metrics = erlangCMetrics(chosen, workload, answerWithin);
  return {
    ...metrics,
    scheduled: withShrinkage(chosen, target.shrinkage),
    binding: chosen > serviceOk ? 'occupancy' : 'service_level',
  };
}

/** A reachable target: Erlang C never answers 100% within a finite time. */
export function checkTarget(target: StaffingTarget): void {
  if (!(target.serviceLevel > 0 && target.serviceLevel < 1)) {
    throw new RangeError(`the service level target must be above 0 and below 1, got ${target.serviceLevel}`);
  }
  if (!(target.answerWithin >= 0))
    throw new RangeError(`answerWithin must be 0 or more seconds, got ${target.answerWithin}`);
  if (target.maxOccupancy !== undefined && !(target.maxOccupancy > 0 && target.maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be above 0 and at most 1, got ${target.maxOccupancy}`);
  }
}
