/**
 * The exponential integrator (docs/model.md §8, src/engine/integrator.ts) against exact solutions, and a whole
 * simulation stepped at the engine's steps against a fine-step RK4 solution of the docs/model.md §6 ODEs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cascadeTransfer, decayWeights, parseParams, type ModelParams, type SkinSimulation } from '../../../src/engine/index';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

/** Composite 5-point Gauss–Legendre quadrature of f over [0, h] with panels no wider than `panel`. */
function integrate(f: (s: number) => number, h: number, panel: number): number {
  const nodes = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
  const weights = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];
  const panels = Math.max(1, Math.ceil(h / panel));
  const w = h / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const mid = (p + 0.5) * w;
    let s = 0;
    for (let k = 0; k < 5; k++) s += weights[k]! * f(mid + 0.5 * w * nodes[k]!);
    sum += 0.5 * w * s;
  }
  return sum;
}

/** Exact x(h) of x′ = S0 + (S1 − S0)·t/h − x/τ by quadrature of the variation-of-constants formula. */
function exactLinearSource(x0: number, s0: number, s1: number, tau: number, h: number): number {
  const forced = integrate((s) => Math.exp(-(h - s) / tau) * (s0 + ((s1 - s0) * s) / h), h, Math.min(h, tau) / 40);
  return x0 * Math.exp(-h / tau) + forced;
}

function step(x0: number, s0: number, s1: number, tau: number, h: number): number {
  const { e, a, b } = decayWeights(tau, h);
  return x0 * e + s0 * a + (s1 - s0) * b;
}

// τ from the fastest pool (τ_W) to the slowest (τ_neo, τ_T); h from the engine's 1 h step to 10 days.
const TAUS = [0.24, 0.4, 4, 60, 150, 500, 3650];
const STEPS = [1 / 24, 0.25, 1, 10];
const GRID = TAUS.flatMap((tau) => STEPS.map((h) => ({ tau, h })));

/** Largest |value − exact| / scale over the grid, with the case that produced it. */
function worst(error: (tau: number, h: number) => number): { error: number; at: string } {
  let out = { error: 0, at: '' };
  for (const { tau, h } of GRID) {
    const e = error(tau, h);
    if (!(e <= out.error)) out = { error: e, at: `τ = ${tau} d, h = ${h} d` };
  }
  return out;
}

describe('decayWeights: exact for decay and for constant and linear sources', () => {
  it('pure decay is exact and two half steps compose to one full step', () => {
    const exact = worst((tau, h) => Math.abs(step(2.5, 0, 0, tau, h) - 2.5 * Math.exp(-h / tau)) / 2.5);
    expect(exact.error, exact.at).toBeLessThanOrEqual(1e-15);
    const halves = worst((tau, h) => Math.abs(step(step(2.5, 0, 0, tau, h / 2), 0, 0, tau, h / 2) - step(2.5, 0, 0, tau, h)) / 2.5);
    expect(halves.error, halves.at).toBeLessThanOrEqual(1e-14);
  });

  it('the constant-source weight a equals ∫₀ʰ e^(−(h−s)/τ) ds to 1e-12 even for h ≪ τ', () => {
    const w = worst((tau, h) => {
      const exact = integrate((s) => Math.exp(-(h - s) / tau), h, Math.min(h, tau) / 40);
      return Math.abs(decayWeights(tau, h).a / exact - 1);
    });
    expect(w.error, w.at).toBeLessThanOrEqual(1e-12);
  });

  it('the linear-source weight b equals ∫₀ʰ e^(−(h−s)/τ)·s/h ds to 1e-12 even for h ≪ τ', () => {
    const w = worst((tau, h) => {
      const exact = integrate((s) => (Math.exp(-(h - s) / tau) * s) / h, h, Math.min(h, tau) / 40);
      return Math.abs(decayWeights(tau, h).b / exact - 1);
    });
    expect(w.error, w.at).toBeLessThanOrEqual(1e-12);
  });

  it('a step with a constant source lands on the exact solution and composes exactly', () => {
    const exact = worst((tau, h) => {
      const x = exactLinearSource(0.3, 1.7, 1.7, tau, h);
      return Math.abs(step(0.3, 1.7, 1.7, tau, h) - x) / Math.abs(x);
    });
    expect(exact.error, exact.at).toBeLessThanOrEqual(1e-12);
    const halves = worst((tau, h) => {
      const whole = step(0.3, 1.7, 1.7, tau, h);
      return Math.abs(step(step(0.3, 1.7, 1.7, tau, h / 2), 1.7, 1.7, tau, h / 2) - whole) / whole;
    });
    expect(halves.error, halves.at).toBeLessThanOrEqual(1e-12);
  });

  it('a step with a linearly varying source lands on the exact solution', () => {
    // Scale: the size of the terms the step adds up, |x0| + τ(1 − e)·max|S|.
    const w = worst((tau, h) => {
      const x = exactLinearSource(0.3, 1.7, -0.4, tau, h);
      return Math.abs(step(0.3, 1.7, -0.4, tau, h) - x) / (0.3 + decayWeights(tau, h).a * 1.7);
    });
    expect(w.error, w.at).toBeLessThanOrEqual(1e-12);
  });

  it('stays bounded for steps thousands of times longer than τ (unconditional stability)', () => {
    // x′ = 2 − x/τ relaxes to 2τ; an explicit scheme with h/τ = 1e4 would explode.
    expect(step(1, 2, 2, 0.01, 100)).toBeCloseTo(2 * 0.01, 12);
    // With S rising by 1/100 per day the quasi-steady state lags the source: x ≈ τ·S(h) − τ²·S′.
    expect(step(1, 2, 3, 0.01, 100)).toBeCloseTo(3 * 0.01 - 0.01 * 0.01 * (1 / 100), 12);
  });
});

describe('cascadeTransfer: exact transfer from a decaying upstream pool', () => {
  const pairs = [
    { ts: 0.24, tx: 0.4 },
    { ts: 1.2, tx: 0.4 },
    { ts: 1.2, tx: 4 },
    { ts: 4, tx: 1.2 },
    { ts: 0.4, tx: 500 },
  ];
  const cases = pairs.flatMap((p) => STEPS.map((h) => ({ ...p, h })));

  it('from any upstream τs into any τx over any h it equals the convolution integral to 1e-12', () => {
    let worstCase = { error: 0, at: '' };
    for (const { ts, tx, h } of cases) {
      const exact = integrate((s) => Math.exp(-(h - s) / tx - s / ts), h, Math.min(h, ts, tx) / 40);
      const error = Math.abs(cascadeTransfer(1 / ts, 1 / tx, h) / exact - 1);
      if (!(error <= worstCase.error)) worstCase = { error, at: `τs = ${ts}, τx = ${tx}, h = ${h}` };
    }
    expect(worstCase.error, worstCase.at).toBeLessThanOrEqual(1e-12);
  });

  it.each(STEPS)('with equal time constants over h = %s d it equals h·e^(−h/τ) and is continuous nearby', (h) => {
    const tau = 1.2;
    const exact = h * Math.exp(-h / tau);
    expect(Math.abs(cascadeTransfer(1 / tau, 1 / tau, h) - exact)).toBeLessThanOrEqual(1e-14 * exact);
    expect(Math.abs(cascadeTransfer(1 / (tau * (1 + 1e-7)), 1 / tau, h) - exact)).toBeLessThanOrEqual(1e-6 * exact);
  });
});

/**
 * The right-hand side of docs/model.md §6 for one cell of the cheek (no lateral diffusion, q = m = 1,
 * g_E = 1, no R or Pu), written out apart from the engine, with the third revision's oxygen-limited
 * synthesis φ = (V·(1 − β_T·T))^n_O2 and matrix breakdown M = k_mmp·max(0, I − I_0).
 */
type State = Float64Array; // W D I E G F C3 C1 Ep V T Pg
function rhs(p: ModelParams, phi: number, y: State, out: State): void {
  const [W, D, I, E, G, F, C3, C1, Ep, V, T] = y as unknown as number[] as [number, number, number, number, number, number, number, number, number, number, number];
  const J = C3 / p.tau31 / (1 + (I / p.iCrit) ** 2);
  const oxygen = Math.max(0, V * (1 - p.betaT * T)) ** p.oxygenExponent;
  const breakdown = p.kMmp * Math.max(0, I - p.iMmp);
  out[0] = -W / p.tauW;
  out[1] = -D / p.tauD;
  out[2] = p.kI * (p.aW * W + D) - I / p.tauI;
  out[3] = p.kE * I - E / p.tauE;
  out[4] = p.kG * D - G / p.tauG;
  out[5] = p.kF * G * (1 - F / p.fMax) - F / p.tauF;
  out[6] = p.s3 * oxygen * F * (1 - (C3 + C1) / p.cMax) - J - C3 / p.tau3d - breakdown * C3;
  out[7] = J - C1 / p.tauNeo - p.epsMmp * breakdown * C1;
  out[8] = (p.kappaEp * (C3 + C1) - Ep) / p.tauEpi;
  out[9] = (1 - V) / p.tauV;
  out[10] = p.kT * Math.max(0, I - p.iCrit) * (1 - V) * (1 - T) - T / p.tauT;
  out[11] = p.kP * phi * Math.max(0, I - p.iPih) - y[11]! / p.tauP;
}

function rk4(p: ModelParams, phi: number, y0: State, days: number, dt: number): State {
  const n = y0.length;
  const y = Float64Array.from(y0);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const tmp = new Float64Array(n);
  const steps = Math.round(days / dt);
  for (let s = 0; s < steps; s++) {
    rhs(p, phi, y, k1);
    for (let i = 0; i < n; i++) tmp[i] = y[i]! + 0.5 * dt * k1[i]!;
    rhs(p, phi, tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = y[i]! + 0.5 * dt * k2[i]!;
    rhs(p, phi, tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = y[i]! + dt * k3[i]!;
    rhs(p, phi, tmp, k4);
    for (let i = 0; i < n; i++) y[i] = y[i]! + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  }
  return y;
}

const FIELDS = ['W', 'D', 'I', 'E', 'G', 'F', 'C3', 'C1', 'Ep', 'V', 'T', 'Pg'] as const;

describe('a Float64 simulation at the engine steps vs a fine-step RK4 reference', () => {
  // Without lateral diffusion every cell is the single-cell ODE system of docs/model.md §6.
  const params = parseParams({ lateralDiffusionMm2PerDay: 0 });
  const phi = params.phiByPhototype[2]; // phototype III
  const DAYS = 60;
  let sim: SkinSimulation;
  let cells: number[];
  let start: State[];
  beforeAll(() => {
    sim = referenceSim({ grid: { cells: 32 }, params, precision: 'float64' });
    sim.applySession(REFERENCE_SESSION);
    // The least, median and most injured cells: the nonlinear terms differ most between them.
    const order = Array.from(sim.fields.D.keys()).sort((a, b) => sim.fields.D[a]! - sim.fields.D[b]!);
    cells = [order[0]!, order[order.length >> 1]!, order[order.length - 1]!];
    start = cells.map((i) => Float64Array.from(FIELDS, (name) => sim.fields[name][i]!));
    sim.advanceTo(DAYS * 24);
  });

  it('the most injured cell of a reference session gets more than twice the dermal injury of the least', () => {
    expect(start[2]![1]!).toBeGreaterThan(2 * start[0]![1]!);
  });

  it.each([0, 1, 2])('collagen gain after 60 days agrees with RK4 within 1 % (cell %i: least, median, most injured)', (k) => {
    const reference = rk4(params, phi, start[k]!, DAYS, 1 / 24 / 30);
    const i = cells[k]!;
    const engine = sim.fields.C3[i]! + sim.fields.C1[i]!;
    const exact = reference[6]! + reference[7]!;
    expect(exact).toBeGreaterThan(0);
    expect(Math.abs(engine / exact - 1)).toBeLessThan(0.01);
    // The slow pools that feed the visible outputs, too.
    expect(Math.abs(sim.fields.Ep[i]! / reference[8]! - 1)).toBeLessThan(0.02);
    expect(Math.abs(sim.fields.C1[i]! / reference[7]! - 1)).toBeLessThan(0.02);
  });
});

describe('over-treatment at the engine steps vs a fine-step RK4 reference (third revision)', () => {
  // Daily sessions keep inflammation above I_0 (matrix breakdown) and capillaries damaged (oxygen-limited
  // synthesis): one day after the fourth session, from the state the engine had right after it.
  const params = parseParams({ lateralDiffusionMm2PerDay: 0 });
  const phi = params.phiByPhototype[2];
  let sim: SkinSimulation;
  let cells: number[];
  let start: State[];
  beforeAll(() => {
    sim = referenceSim({ grid: { cells: 32 }, params, precision: 'float64' });
    for (let day = 0; day < 4; day++) {
      sim.advanceTo(day * 24);
      sim.applySession(REFERENCE_SESSION);
    }
    const order = Array.from(sim.fields.I.keys()).sort((a, b) => sim.fields.I[a]! - sim.fields.I[b]!);
    cells = [order[order.length >> 1]!, order[order.length - 1]!];
    start = cells.map((i) => Float64Array.from(FIELDS, (name) => sim.fields[name][i]!));
    sim.advanceTo(4 * 24);
  });

  it('inflammation right after the fourth daily session exceeds I_0 and capillaries are damaged (the terms are active)', () => {
    expect(start[0]![2]!).toBeGreaterThan(params.iMmp);
    expect(start[0]![9]!).toBeLessThan(0.7);
  });

  it.each([0, 1])('collagen III, collagen I and the epidermis a day later agree with RK4 within 1 % (cell %i: median, most inflamed)', (k) => {
    const reference = rk4(params, phi, start[k]!, 1, 1 / 24 / 60);
    const i = cells[k]!;
    expect(Math.abs(sim.fields.C3[i]! / reference[6]! - 1)).toBeLessThan(0.01);
    expect(Math.abs(sim.fields.C1[i]! / reference[7]! - 1)).toBeLessThan(0.01);
    expect(Math.abs(sim.fields.Ep[i]! / reference[8]! - 1)).toBeLessThan(0.01);
    expect(Math.abs(sim.fields.T[i]! - reference[10]!)).toBeLessThan(0.01 * Math.max(reference[10]!, 1e-3));
  });
});
