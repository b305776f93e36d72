/**
 * The generator's only source of randomness: a 32-bit counter-based PRNG (splitmix32) with
 * Box-Muller normals. Never Math.random: the same seed must give byte-identical files.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed for row `index` of a stream: rows draw independently, so chunk size never matters. */
export function rowSeed(seed: number, streamSalt: number, index: number): number {
  return mix32(mix32(mix32(seed) ^ streamSalt) ^ Math.imul(index, 0x9e3779b9));
}

const TWO_POW_32 = 4294967296;

/** splitmix32 stream; reseed() reuses one object per chunk instead of allocating per row. */
export class Rng {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Restarts the stream at `seed` (and forgets the cached Box-Muller twin). */
  reseed(seed: number): void {
    this.state = seed | 0;
    this.spareNormal = null;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix32(this.state);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal by Box-Muller; the second value of each pair is kept for the next call. */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: log(0) never happens
    const u2 = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }

  /** exp(N(ln median, sigma)): a lognormal with the given median. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson by Knuth's product of uniforms: exact, and fast for the small means used here. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.uniform();
    while (product > limit) {
      count += 1;
      product *= this.uniform();
    }
    return count;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.uniform());
  }

  /** Index drawn with probability proportional to weights[i] (weights need not sum to 1). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let target = this.uniform() * total;
    for (let i = 0; i < weights.length; i += 1) {
      target -= weights[i] ?? 0;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }
}
