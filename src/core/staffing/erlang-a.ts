import {
  checkTarget,
  checkWorkload,
  erlangCMetrics,
  MAX_AGENTS,
  type QueueMetrics,
  StaffingNotReachable,
  type StaffingTarget,
  type Workload,
  withShrinkage,
} from './erlang-c.js';

/**
 * Erlang A (M/M/N+M, Garnett, Mandelbaum & Reiman 2002): callers abandon after an
 * exponential patience with mean `patienceSeconds`. Computed as the birth-death chain
 * over a truncated state space (k contacts in the system; births λ, deaths
 * min(k,N)·μ + max(k-N,0)·θ) in log space, so neither A^N nor N! is ever formed. The
 * tail is cut where a state's weight falls below e^-40 of the largest.
 */

export interface ErlangAMetrics extends QueueMetrics {
  /** Share of offered contacts that abandon. */
  pAbandon: number;
  /** Mean queue time over all offered contacts (answered and abandoned), seconds. */
  averageWait: number;
}

const MAX_STATES = 2_000_000;

export function erlangAMetrics(
  agents: number,
  workload: Workload,
  patienceSeconds: number,
  answerWithin: number,
): ErlangAMetrics {
  if (!(patienceSeconds > 0))
    throw new RangeError(`patience must be above 0 seconds, got ${patienceSeconds}`);
  const lambda = workload.contacts / workload.intervalSeconds;
  const mu = 1 / workload.ahtSeconds;
  const theta = Number.isFinite(patienceSeconds) ? 1 / patienceSeconds : 0;
  const traffic = lambda / mu;
  if (theta === 0 || lambda === 0) {
    const c = erlangCMetrics(agents, workload, answerWithin);
    return { ...c, pAbandon: 0, averageWait: c.asa };
  }
  const pi = stationary(agents, lambda, mu, theta);
  const n = agents;
  // A contact arriving to k >= n waits at queue position j = k - n + 1; ahead of it the
  // queue moves at r_i = nμ + (i-1)θ, and it leaves itself at θ: it is answered with
  // probability Π r_i/(r_i+θ), and E[V e^{-θV}] = that product x Σ 1/(r_i+θ).
  let answeredNow = 0;
  for (let k = 0; k < Math.min(n, pi.length); k += 1) answeredNow += pi[k] as number;
  let answeredLater = 0;
  let waitOfAnswered = 0;
  let queueLength = 0;
  let product = 1;
  let sum = 0;
  const weights: number[] = [];
  for (let k = n; k < pi.length; k += 1) {
    const j = k - n + 1;
    const r = n * mu + (j - 1) * theta;
    product *= r / (r + theta);
    sum += 1 / (r + theta);
    const p = pi[k] as number;
    answeredLater += p * product;
    waitOfAnswered += p * product * sum;
    queueLength += (k - n) * p;
    weights.push(p);
  }
  const answered = answeredNow + answeredLater;
  return {
    agents,
    traffic,
    pWait: 1 - answeredNow,
    serviceLevel: answeredNow + answeredWithin(weights, n * mu, theta, answerWithin),
    asa: waitOfAnswered / answered,
    occupancy: agents === 0 ? 0 : Math.min(1, (answered * traffic) / agents),
    pAbandon: 1 - answered,
    averageWait: queueLength / lambda,
  };
}

/** The stationary distribution of the chain, normalised in log space. */
function stationary(n: number, lambda: number, mu: number, theta: number): number[] {
  const logs = [0];
  let peak = 0;
  for (let k = 1; ; k += 1) {
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    const value = (logs[k - 1] as number) + Math.log(lambda / death);
    logs.push(value);
    peak = Math.max(peak, value);
    if (k > n && lambda < death && value < peak - 40) break;
    if (k > MAX_STATES)
      throw new RangeError('Erlang A needs too many states: is the patience very long for the load?');
  }
  const scaled = logs.map((value) => Math.exp(value - peak));
  const total = scaled.reduce((a, b) => a + b, 0);
  return scaled.map((value) => value / total);
}

/**
 * Σ_j w_j · P(answered within t | position j), by uniformization of the pure-death chain
 * on queue positions (down at r_i, killed by abandonment at θ): the mass that reaches
 * position 0 within t, summed over Poisson(Λt) steps.
 */
function answeredWithin(weights: number[], serviceRate: number, theta: number, t: number): number {
  if (weights.length === 0) return 0;
  if (t <= 0) return 0;
  const J = weights.length;
  const uniform = serviceRate + J * theta; // the largest total rate out of a position
  const mean = uniform * t;
  let mass = [0, ...weights]; // mass[i]: at queue position i (0 = answered)
  let result = 0;
  let logPoisson = -mean; // log P(0 steps)
  const steps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  for (let m = 0; m <= steps; m += 1) {
    if (m > 0) logPoisson += Math.log(mean / m);
    result += Math.exp(logPoisson) * (mass[0] as number);
    const next = new Array<number>(J + 1).fill(0);
    next[0] = mass[0] as number;
    for (let i = 1; i <= J; i += 1) {
      const here = mass[i] as number;
      if (here === 0) continue;
      const down = (serviceRate + (i - 1) * theta) / uniform;
      next[i - 1] = (next[i - 1] as number) + here * down;
      next[i] = (next[i] as number) + here * (1 - down - theta / uniform);
    }
    mass = next;
  }
  return result; // the Poisson tail past `steps` is below 1e-15
}

/**
 * Mean patience from data (Mandelbaum & Zeltyn): total queue time of all offered contacts
 * (answered and abandoned alike) / number abandoned. It is the maximum-likelihood estimate
 * for exponential patience, an answered contact's wait being a patience known only to be
 * longer. No abandons: patience is unbounded (Infinity: Erlang C).
 */
export function estimatePatience({
  totalWaitSeconds,
  abandoned,
}: {
  totalWaitSeconds: number;
  abandoned: number;
}): number {
  return abandoned === 0 ? Number.POSITIVE_INFINITY : totalWaitSeconds / abandoned;
}

export interface ErlangAStaffing extends ErlangAMetrics {
  scheduled: number;
}

/** The smallest N meeting the service level (and maxAbandon, maxOccupancy); all three only improve with N, so bisect. */
export function solveErlangA(
  workload: Workload,
  patienceSeconds: number,
  target: StaffingTarget & { maxAbandon?: number },
): ErlangAStaffing {
  checkWorkload(workload);
  checkTarget(target);
  const meets = (agents: number) => {
    const m = erlangAMetrics(agents, workload, patienceSeconds, target.answerWithin);
    return (
      m.serviceLevel >= target.serviceLevel &&
      (target.maxAbandon === undefined || m.pAbandon <= target.maxAbandon) &&
      (target.maxOccupancy === undefined || m.occupancy <= target.maxOccupancy + 1e-12)
    );
  };
  let high = Math.max(1, Math.ceil((workload.contacts * workload.ahtSeconds) / workload.intervalSeconds));
  // Doubling is bounded: past MAX_AGENTS the target is not reachable (e.g. maxAbandon 0 with finite patience).
  while (high < MAX_AGENTS && !meets(high)) high = Math.min(high * 2, MAX_AGENTS);
  if (high > MAX_AGENTS || !meets(high))
    throw new StaffingNotReachable(
      `not reachable: no count of at most ${MAX_AGENTS} agents meets the target under Erlang A`,
    );
  let low = 0; // 0 agents never meets a positive target
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  const metrics = erlangAMetrics(high, workload, patienceSeconds, target.answerWithin);
  return { ...metrics, scheduled: withShrinkage(high, target.shrinkage) };
}
