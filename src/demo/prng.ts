/**
 * Seeded randomness. The same seed gives byte-identical files, so every generator draws
 * from its own stream (one per dataset) and per-day facts that two generators must agree
 * on (who works, who is absent) come from a stateless hash instead of a stream.
 */

/** A 32-bit finaliser (murmur3 fmix32): a good avalanche for hashing small integers. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform [0, 1) from up to four integers, without state. */
export function hashUnit(a: number, b: number, c = 0, d = 0): number {
  let h = fmix(a ^ 0x9e3779b9);
  h = fmix(h ^ Math.imul(b, 0x27d4eb2f) ^ 0x165667b1);
  h = fmix(h ^ Math.imul(c, 0x85ebca6b) ^ 0x7f4a7c15);
  h = fmix(h ^ Math.imul(d, 0xc2b2ae35) ^ 0x2545f491);
  return h / 4294967296;
}

/** sfc32: small, fast and statistically sound; seeded through the hash above. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = Number.NaN;

  constructor(seed: number, stream: number) {
    this.a = fmix(seed ^ 0xdeadbeef);
    this.b = fmix(stream ^ 0x41c64e6d ^ this.a);
    this.c = fmix(Math.imul(seed, 31) ^ Math.imul(stream, 0x9e3779b1));
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const u = 1 - this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** An index drawn from cumulative weights (last entry = total). */
  pick(cum: Float64Array): number {
    const u = this.next() * cum[cum.length - 1]!;
    let i = 0;
    while (i < cum.length - 1 && u >= cum[i]!) i++;
    return i;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i]!;
    cum[i] = s;
  }
  return cum;
}

/**
 * Dithered error diffusion: each key's successes stay within one of the sum of its
 * probabilities at every point, while which trials succeed is still random. The story's
 * rates (CSAT, resolution, errors, churn) then show at small demo scales, not only at 10M.
 */
export class Quota {
  private readonly acc: Float64Array;
  constructor(keys: number) {
    this.acc = new Float64Array(keys);
  }
  take(key: number, p: number, u: number): boolean {
    const a = this.acc[key]! + p;
    if (a > u) {
      this.acc[key] = a - 1;
      return true;
    }
    this.acc[key] = a;
    return false;
  }
}
