/**
 * A small seeded PRNG (mulberry32) and helpers. Every generated case is drawn from its own stream,
 * seeded from the suite seed, the template id and the case index, so a failing case reproduces from
 * the three values printed with it.
 */

export const DEFAULT_SEED = 20261207;

/** The suite seed: BEHAVIOUR_SEED in the environment (decimal or 0x hex), else DEFAULT_SEED. */
export function suiteSeed(): number {
  const env = typeof process !== 'undefined' ? process.env.BEHAVIOUR_SEED : undefined;
  if (env && /^(0x[0-9a-f]+|\d+)$/i.test(env.trim())) return Number(env.trim()) >>> 0;
  return DEFAULT_SEED;
}

/** FNV-1a hash of a string, 32 bits. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** A number in [lo, hi] rounded to `decimals` places. */
  num(lo: number, hi: number, decimals: number): number {
    const f = 10 ** decimals;
    return Math.round((lo + this.next() * (hi - lo)) * f) / f;
  }
  pick<T>(xs: readonly T[]): T {
    if (!xs.length) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** The seed of case `index` of template `id` under suite seed `seed`. */
export function caseSeed(seed: number, id: string, index: number): number {
  return (Math.imul(hash32(id) ^ seed, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
