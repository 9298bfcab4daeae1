import seedrandom from 'seedrandom';

/** 2^−48, 2^52 and 2^53 of seedrandom's double construction. */
const TWO_MINUS_48 = 3.552713678800501e-15;
const TWO_52 = 4503599627370496;
const TWO_53 = 9007199254740992;

/**
 * The sampling algorithms over a uniform source, shared by both generators below: a normal by
 * Marsaglia's polar method, a lognormal, a Poisson count (Knuth's product method for small means,
 * PTRS of Hörmann 1993 for large ones).
 */
export abstract class Sampler {
  private spareNormal = Number.NaN;

  /** Uniform in [0, 1). */
  abstract uniform(): number;

  /** Standard normal (Marsaglia polar method; the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = Number.NaN;
      return v;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** Lognormal with the given log-mean and log-σ. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /**
   * Poisson-distributed count. Knuth's product method for small means; for large means the
   * transformed-rejection method PTRS (Hörmann 1993), exact and O(1).
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  }
}

/**
 * The only source of randomness in the engine: seedrandom's ARC4 generator behind named streams,
 * so that (for example) adding a stroke never changes a cohort patient's draw. Same seed → same
 * sequence in Node, the worker and the browser.
 *
 * seedrandom keys the generator (its key schedule and RC4-drop[256]) and hands over the ARC4 state;
 * the draws then run here, on a typed array in one tight loop instead of seedrandom's closure call
 * per byte (3–4× cheaper per uniform: a cohort patient draws ≈ 10⁵ of them). `uniform()` is
 * seedrandom's `prng()` step for step — six output bytes, more while the numerator is short of 52
 * bits, then the exact shift — so every value is bit-identical to seedrandom's
 * (tests/unit/engine/rng.test.ts compares long sequences).
 */
export class Rng extends Sampler {
  /** ARC4 permutation and indices (seedrandom.js, D. Bau, MIT licence). */
  private readonly s: Uint8Array;
  private i: number;
  private j: number;

  constructor(seed: number | string, stream: string) {
    super();
    const state = seedrandom(`${seed}/${stream}`, { state: true }).state();
    this.s = Uint8Array.from(state.S);
    this.i = state.i;
    this.j = state.j;
  }

  /** Uniform in [0, 1): seedrandom's double from ARC4 output bytes, bit for bit. */
  override uniform(): number {
    const s = this.s;
    let i = this.i;
    let j = this.j;
    let n = 0;
    for (let k = 0; k < 6; k++) {
      i = (i + 1) & 255;
      const t = s[i]!;
      j = (j + t) & 255;
      const u = s[j]!;
      s[i] = u;
      s[j] = t;
      n = n * 256 + s[(u + t) & 255]!;
    }
    // seedrandom divides by a power of two d; multiplying by 1/d, and halving by × 0.5, are the same exact operations.
    let scale = TWO_MINUS_48;
    let x = 0;
    while (n < TWO_52) {
      n = (n + x) * 256;
      scale *= 0.00390625;
      i = (i + 1) & 255;
      const t = s[i]!;
      j = (j + t) & 255;
      const u = s[j]!;
      s[i] = u;
      s[j] = t;
      x = s[(u + t) & 255]!;
    }
    while (n >= TWO_53) {
      n *= 0.5;
      scale *= 2;
      x >>>= 1;
    }
    this.i = i;
    this.j = j;
    return (n + x) * scale;
  }
}

/**
 * The puncture stream (docs/model.md §3, §8): xoshiro128** (Blackman & Vigna 2021, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4):36; passes BigCrush and PractRand), a 128-bit
 * state of four 32-bit words drawn from the named ARC4 stream `<seed>/<stream>` (so streams stay
 * independent and seeded as before). A puncture needs about five uniforms (its position along the
 * stroke, two normals for the lateral jitter and the depth, its share of the row's Poisson count):
 * from ARC4 that is ≈ 0.3 µs a puncture, ≈ 30 % of a cohort patient's time; from xoshiro128** a few
 * nanoseconds, with the same distributions. Uniforms have 32 random bits (2.3e-10 resolution: 1e-8 mm
 * along a 40 mm stroke). Integer operations only (Math.imul, shifts): the same values in every engine.
 */
export class FastRng extends Sampler {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number | string, stream: string) {
    super();
    const keyed = seedrandom(`${seed}/${stream}`);
    this.s0 = keyed.int32();
    this.s1 = keyed.int32();
    this.s2 = keyed.int32();
    this.s3 = keyed.int32();
    // The all-zero state is the one state xoshiro never leaves (probability 2^−128 here).
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit output of xoshiro128**, as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1): 32 random bits. */
  override uniform(): number {
    return this.nextUint32() * 2.3283064365386963e-10;
  }
}

function logFactorial(k: number): number {
  // Stirling series is accurate to < 1e-10 for k ≥ 10; sum directly below that.
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}
