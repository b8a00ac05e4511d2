/**
 * Login throttling (docs/security.md). Each attempt is admitted or refused synchronously,
 * before any password work, and an admitted attempt counts at once as pending: parallel
 * guesses cannot all pass the check before the first failure is recorded.
 *
 * Three counters: the address, the account, and the pair (address, account). Each allows
 * FREE failures, then doubles its wait per failure (1 s, 2 s, 4 s ... capped at MAX_WAIT)
 * and forgets failures older than FORGET. A success clears the account and the pair, never
 * the address (a sprayer's own account must not wash its address). The account's counter
 * binds only addresses that have failed: a correct password from a clean address always
 * gets in, so no one can lock a user out from elsewhere.
 */
const FREE = 5;
const BASE_MS = 1_000;
const MAX_WAIT_MS = 15 * 60_000;
const FORGET_MS = 60 * 60_000;
const MAX_KEYS = 100_000;

interface Counter {
  failures: number;
  pending: number;
  last: number;
}

export interface Attempt {
  /** Milliseconds to wait before trying again; 0 when admitted. */
  wait: number;
  /** Call exactly once with the outcome of an admitted attempt. */
  done(success: boolean): void;
}

export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Admits or refuses an attempt at `account` from `address`; an admitted one is pending until done. */
  attempt(address: string, account: string): Attempt {
    const now = this.clock();
    const keys = { ip: `ip:${address}`, account: `account:${account}`, pair: `pair:${address}\n${account}` };
    const ip = this.read(keys.ip, now);
    const pair = this.read(keys.pair, now);
    const binding = [ip, pair];
    if (ip.failures + ip.pending + pair.failures + pair.pending > 0)
      binding.push(this.read(keys.account, now));
    const wait = Math.max(...binding.map((c) => waitOf(c, now)));
    if (wait > 0) return { wait, done: () => undefined };
    const held = Object.values(keys).map((key) => this.hold(key, now));
    let finished = false;
    return {
      wait: 0,
      done: (success) => {
        if (finished) return;
        finished = true;
        const at = this.clock();
        for (const counter of held) {
          counter.pending -= 1;
          if (!success) {
            counter.failures += 1;
            counter.last = at;
          }
        }
        if (success) {
          this.counters.delete(keys.account);
          this.counters.delete(keys.pair);
        }
      },
    };
  }

  private read(key: string, now: number): Counter {
    const counter = this.counters.get(key);
    if (!counter) return { failures: 0, pending: 0, last: 0 };
    if (counter.pending === 0 && now - counter.last > FORGET_MS) {
      this.counters.delete(key);
      return { failures: 0, pending: 0, last: 0 };
    }
    return counter;
  }

  private hold(key: string, now: number): Counter {
    let counter = this.counters.get(key);
    if (!counter) {
      // Bounded memory: the oldest keys go first (a flood of made-up emails cannot grow it).
      if (this.counters.size >= MAX_KEYS) this.counters.delete(this.counters.keys().next().value as string);
      counter = { failures: 0, pending: 0, last: now };
      this.counters.set(key, counter);
    }
    counter.pending += 1;
    counter.last = Math.max(counter.last, now);
    return counter;
  }
}

/** Pending attempts count as failures: the FREE-th concurrent guess already waits. */
function waitOf(counter: Counter, now: number): number {
  const count = counter.failures + counter.pending;
  if (count < FREE) return 0;
  const wait = Math.min(MAX_WAIT_MS, BASE_MS * 2 ** (count - FREE));
  return Math.max(0, counter.last + wait - now);
}
