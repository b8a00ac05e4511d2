/**
 * Seeded binomial variates for the multinomial resampling of the bootstrap.
 *
 * One MT19937 stream (@stdlib/random-base-mt19937, seeded with the bootstrap seed) feeds
 * every draw. For a mean n·q >= 10 (q = min(p, 1 - p)) the draw is @stdlib's binomial
 * (BTRD rejection) on that stream. Below that, @stdlib flips n Bernoulli coins — O(n) per
 * draw, which made a histogram of 5,000 values over 20,000 units take minutes — so small
 * means use inversion instead (Kachitvichyanukul & Schmeiser's BINV, as numpy does): walk
 * the binomial pmf from 0 until it passes one uniform, about n·q + 1 steps.
 */
import binomial from '@stdlib/random-base-binomial';
import mt19937 from '@stdlib/random-base-mt19937';

/** Draws binomial variates: (trials, probability) => successes. */
export type BinomialDraw = (n: number, p: number) => number;

/** Below this mean, inversion is both exact and faster than rejection. */
const INVERSION_BELOW_MEAN = 10;

/** The seeded generator every bootstrap draws from (seed: a positive integer). */
export function seededBinomial(seed: number): BinomialDraw {
  if (!Number.isInteger(seed) || seed < 1 || seed > 4294967295) {
    throw new RangeError(`a bootstrap seed must be an integer in [1, 2^32 - 1], got ${seed}`);
  }
  // `normalized` (uniform on [0, 1) with 53-bit resolution) is documented in @stdlib's
  // README but missing from its type declarations.
  const generator = mt19937.factory({ seed }) as unknown as { normalized: () => number };
  const uniform = generator.normalized;
  const rejection = binomial.factory({ prng: uniform });
  return (n, p) => {
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    const q = p <= 0.5 ? p : 1 - p;
    const x = n * q < INVERSION_BELOW_MEAN ? inversion(uniform, n, q) : rejection(n, q);
    return p <= 0.5 ? x : n - x;
  };
}

/** Smallest x with P(X <= x) >= u for X ~ Binomial(n, q), q <= 0.5 and n q < 10. */
function inversion(uniform: () => number, n: number, q: number): number {
  const u = uniform();
  const ratio = q / (1 - q);
  let pmf = Math.exp(n * Math.log1p(-q)); // P(X = 0) >= e^-20 here, no underflow
  let cdf = pmf;
  let x = 0;
  // pmf(x) = pmf(x - 1) (n - x + 1)/x · q/(1 - q). The pmf > 0 guard ends the walk if
  // rounding leaves the cdf a hair below a u very close to 1.
  while (u > cdf && x < n && pmf > 0) {
    x++;
    pmf *= ((n - x + 1) / x) * ratio;
    cdf += pmf;
  }
  return x;
}
