/**
 * Sampling statistics of the engine's random sources (src/engine/rng.ts): seedrandom's ARC4 (`Rng`,
 * textures and cohort patients) and xoshiro128** (`FastRng`, the punctures), each tested alike. Seeded,
 * so each check is deterministic; the bounds are 5 standard errors (or p ≈ 1e-4), so a correct sampler
 * passes for essentially any seed while a biased one (e.g. an off-by-one in PTRS) does not.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { FastRng, Rng } from '../../../src/engine/index';

describe('Rng.uniform is seedrandom, bit for bit', () => {
  // The engine runs ARC4 itself from seedrandom's keyed state (src/engine/rng.ts): every puncture,
  // cohort patient and texture depends on these exact values, in Node, the worker and the browser.
  it.each([
    [42, 'punctures'],
    ['42/patient-17', 'punctures'],
    [0, 'texture'],
    [4294967295, 'patient-199'],
  ])('seed %s, stream %s: the first 300 000 values are identical', (seed, stream) => {
    const reference = seedrandom(`${seed}/${stream}`);
    const rng = new Rng(seed, stream);
    let first = -1;
    let shortNumerators = 0;
    for (let k = 0; k < 300_000 && first < 0; k++) {
      const expected = reference();
      if (expected < 1 / 256) shortNumerators++;
      if (!Object.is(rng.uniform(), expected)) first = k;
    }
    expect(first, 'index of the first differing value').toBe(-1);
    // Values below 1/256 need more than eight ARC4 bytes: the loop that extends the numerator ran several times.
    expect(shortNumerators).toBeGreaterThan(0);
  });
});

describe('FastRng is xoshiro128** seeded from the named ARC4 stream', () => {
  /** xoshiro128** as in Blackman & Vigna's reference C code, on a Uint32Array (independent of rng.ts). */
  function reference(seed: number | string, stream: string): () => number {
    const keyed = seedrandom(`${seed}/${stream}`);
    const s = Uint32Array.from([keyed.int32(), keyed.int32(), keyed.int32(), keyed.int32()]);
    const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
    return () => {
      const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
      const t = (s[1]! << 9) >>> 0;
      s[2]! ^= s[0]!;
      s[3]! ^= s[1]!;
      s[1]! ^= s[2]!;
      s[0]! ^= s[3]!;
      s[2]! ^= t;
      s[3] = rotl(s[3]!, 11);
      return result;
    };
  }

  it.each([
    [42, 'punctures'],
    ['42/patient-17', 'punctures'],
  ])('seed %s, stream %s: 100 000 outputs as the reference, uniforms are output × 2^−32', (seed, stream) => {
    const ref = reference(seed, stream);
    const a = new FastRng(seed, stream);
    const b = new FastRng(seed, stream);
    let first = -1;
    for (let k = 0; k < 100_000 && first < 0; k++) {
      const x = ref();
      if (a.nextUint32() !== x || b.uniform() !== x / 2 ** 32) first = k;
    }
    expect(first, 'index of the first differing value').toBe(-1);
  });
});

const GENERATORS = [
  ['Rng (ARC4)', (seed: number, stream: string) => new Rng(seed, stream)],
  ['FastRng (xoshiro128**)', (seed: number, stream: string) => new FastRng(seed, stream)],
] as const;

function moments(draw: () => number, n: number): { mean: number; variance: number; samples: Float64Array } {
  const samples = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    samples[i] = x;
    sum += x;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (samples[i]! - mean) ** 2;
  return { mean, variance: ss / (n - 1), samples };
}

/** Poisson pmf via logs (stable for λ up to thousands). */
function poissonPmf(k: number, lambda: number): number {
  let logFact = 0;
  for (let i = 2; i <= k; i++) logFact += Math.log(i);
  return Math.exp(-lambda + k * Math.log(lambda) - logFact);
}

/** Upper 1e-4 quantile of χ²(df) (Wilson–Hilferty). */
function chiSquareCritical(df: number): number {
  const z = 3.719;
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Standard normal CDF (erf by Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe.each(GENERATORS)('%s: poisson', (_name, make) => {
  // 29.9 and 30 straddle the switch from Knuth's product method to PTRS.
  const LAMBDAS = [0.5, 5, 17, 29.9, 30, 100, 1000];
  const N = 100_000;

  it.each(LAMBDAS)('draws with mean λ and variance λ for λ = %s', (lambda) => {
    const rng = make(2024, `poisson-${lambda}`);
    const { mean, variance, samples } = moments(() => rng.poisson(lambda), N);
    expect(samples.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
    // Var of the sample variance of a Poisson: (λ + 2λ²)/n.
    expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / N));
  });

  it.each([5, 30, 100])('the histogram for λ = %s passes a χ² goodness-of-fit test', (lambda) => {
    const rng = make(99, `chi-${lambda}`);
    const n = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // Bins with ≥ 20 expected draws; the two tails pooled.
    const lo = Math.max(0, Math.floor(lambda - 6 * Math.sqrt(lambda)));
    const bins: { observed: number; expected: number }[] = [];
    let tailLowExpected = 0;
    for (let k = 0; k < lo; k++) tailLowExpected += poissonPmf(k, lambda) * n;
    let tailLowObserved = 0;
    for (const [k, c] of counts) if (k < lo) tailLowObserved += c;
    let pending = { observed: tailLowObserved, expected: tailLowExpected };
    let cumulative = tailLowExpected;
    for (let k = lo; cumulative < n - 20; k++) {
      const e = poissonPmf(k, lambda) * n;
      cumulative += e;
      pending = { observed: pending.observed + (counts.get(k) ?? 0), expected: pending.expected + e };
      if (pending.expected >= 20) {
        bins.push(pending);
        pending = { observed: 0, expected: 0 };
      }
    }
    let observedSoFar = 0;
    for (const b of bins) observedSoFar += b.observed;
    bins.push({ observed: n - observedSoFar, expected: n - cumulative + pending.expected });
    let chi2 = 0;
    for (const b of bins) chi2 += (b.observed - b.expected) ** 2 / b.expected;
    const df = bins.length - 1;
    expect(df).toBeGreaterThan(5);
    expect(chi2).toBeLessThan(chiSquareCritical(df));
  });

  it('returns 0 for a zero, negative or NaN mean', () => {
    const rng = make(1, 'edge');
    expect([rng.poisson(0), rng.poisson(-3), rng.poisson(Number.NaN)]).toEqual([0, 0, 0]);
  });
});

describe.each(GENERATORS)('%s: normal and uniform', (_name, make) => {
  const N = 200_000;

  it('normal draws have mean 0 and variance 1', () => {
    const rng = make(7, 'normal');
    const { mean, variance } = moments(() => rng.normal(), N);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it('normal draws follow the Gaussian CDF (Kolmogorov–Smirnov)', () => {
    const rng = make(8, 'ks');
    const { samples } = moments(() => rng.normal(), N);
    samples.sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = phi(samples[i]!);
      d = Math.max(d, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
    }
    // Critical value for p = 1e-4 is ≈ 2.15/√n.
    expect(d).toBeLessThan(2.15 / Math.sqrt(N));
  });

  it('uniform draws lie in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = make(9, 'uniform');
    const { mean, variance, samples } = moments(() => rng.uniform(), N);
    expect(samples.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
  });

  it('the same seed and stream replay the same sequence; another stream or seed does not', () => {
    const draw = (seed: number, stream: string) => {
      const rng = make(seed, stream);
      return Array.from({ length: 20 }, (_, k) => (k % 2 ? rng.normal() : rng.poisson(40)));
    };
    expect(draw(5, 'a')).toEqual(draw(5, 'a'));
    expect(draw(5, 'b')).not.toEqual(draw(5, 'a'));
    expect(draw(6, 'a')).not.toEqual(draw(5, 'a'));
  });
});
