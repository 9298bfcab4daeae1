import { cascadeTransfer as cascade } from './integrator';
import type { ModelParams } from './params';

/**
 * Everything a step of length h needs that does not depend on the cell (docs/model.md §8), computed
 * once per h. Over one step the fast pools have closed forms: W, D, R and Pu decay; I and G receive
 * exact transfers from W and D; E receives the exact transfer of I's three modes; F the exact
 * transfer of G's two modes, with its logistic factor varying linearly over the step. The slow pools
 * (C3, C1, Ep, T, Pg) take their sources as the quadratic through the values at the start, the middle
 * and the end of the step ("half" weights give their values at the middle too).
 *
 * The weights are integrals of exponentials. Closed forms cancel catastrophically when two time
 * constants are close or h ≪ τ, so every weight is computed by composite Gauss–Legendre quadrature of
 * its integrand (error far below float32 resolution); that costs microseconds per step length, and
 * only a handful of step lengths ever occur.
 */

/** 8-point Gauss–Legendre nodes and weights on [−1, 1]. */
const GL_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498, 0.525532409916329,
  0.7966664774136267, 0.9602898564975363,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362, 0.3137066458778873,
  0.2223810344533745, 0.1012285362903763,
];
const PANELS = 48;

/** ∫₀ᵘ f(s) ds by composite 8-point Gauss–Legendre quadrature. */
export function quadrature(upper: number, f: (s: number) => number): number {
  if (upper <= 0) return 0;
  const w = upper / PANELS;
  let sum = 0;
  for (let p = 0; p < PANELS; p++) {
    const mid = (p + 0.5) * w;
    let s = 0;
    for (let k = 0; k < 8; k++) s += GL_W[k]! * f(mid + 0.5 * w * GL_X[k]!);
    sum += 0.5 * w * s;
  }
  return sum;
}

/** Weights of the quadratic source through (0, S0), (h/2, Sm), (h, S1) for a pool with rate r, at h and at h/2. */
export interface QuadraticWeights {
  e: number;
  q0: number;
  qm: number;
  q1: number;
  /** Values at the middle of the step. */
  eh: number;
  q0h: number;
  qmh: number;
  q1h: number;
}

function lagrange0(u: number): number {
  return (2 * u - 1) * (u - 1);
}
function lagrangeM(u: number): number {
  return 4 * u * (1 - u);
}
function lagrange1(u: number): number {
  return u * (2 * u - 1);
}

export function quadraticWeights(rate: number, h: number): QuadraticWeights {
  const at = (upper: number, basis: (u: number) => number): number => quadrature(upper, (s) => Math.exp(-rate * (upper - s)) * basis(s / h));
  return {
    e: Math.exp(-rate * h),
    q0: at(h, lagrange0),
    qm: at(h, lagrangeM),
    q1: at(h, lagrange1),
    eh: Math.exp(-rate * h * 0.5),
    q0h: at(h / 2, lagrange0),
    qmh: at(h / 2, lagrangeM),
    q1h: at(h / 2, lagrange1),
  };
}

/**
 * Exact propagator over h of the slow pools of a quiet cell (docs/model.md §8): with every fast pool
 * zero the system is linear, C3′ = −(1/τ3d + 1/τ31)·C3, C1′ = C3/τ31 − C1/τ_neo,
 * Ep′ = (κ_ep·(C3 + C1) − Ep)/τ_epi, V′ = (1 − V)/τ_V, T′ = −T/τ_T, Pg′ = −Pg/τ_P, so
 *   C3 ← C3·e3,  C1 ← C1·e1 + C3·c31,  Ep ← Ep·eEp + (κ_ep/τ_epi)·(C3·c3Ep + C1·c1Ep).
 * The same map moves patch sums, which is what lets samples inside a long quiet step be exact.
 */
export interface QuietWeights {
  e3: number;
  e1: number;
  c31: number;
  eEp: number;
  c3Ep: number;
  c1Ep: number;
  eV: number;
  eT: number;
  ePg: number;
  ePu: number;
}

export function quietWeights(p: ModelParams, h: number): QuietWeights {
  const r31 = 1 / p.tau31;
  const r3 = 1 / p.tau3d + r31;
  const rN = 1 / p.tauNeo;
  const rEp = 1 / p.tauEpi;
  return {
    e3: Math.exp(-r3 * h),
    e1: Math.exp(-rN * h),
    c31: r31 * cascade(r3, rN, h),
    eEp: Math.exp(-rEp * h),
    c3Ep: cascade(r3, rEp, h) + r31 * quadrature(h, (s) => Math.exp(-rEp * (h - s)) * cascade(r3, rN, s)),
    c1Ep: cascade(rN, rEp, h),
    eV: Math.exp(-h / p.tauV),
    eT: Math.exp(-h / p.tauT),
    ePg: Math.exp(-h / p.tauP),
    ePu: Math.exp(-h / p.tauPurpura),
  };
}

export interface StepWeights {
  hDays: number;
  // Pure decays.
  eW: number;
  eD: number;
  eR: number;
  ePu: number;
  eV: number;
  eVh: number;
  // Inflammation: decay and transfers from W and D, at h and h/2.
  eI: number;
  wToI: number;
  dToI: number;
  eIh: number;
  wToIh: number;
  dToIh: number;
  // Oedema: decay and exact transfers of I's modes (its own, W's, D's).
  eE: number;
  iToE: number;
  wToE: number;
  dToE: number;
  // Growth factors: decay and transfer from D.
  eG: number;
  dToG: number;
  // Fibroblasts: decay and transfers of G's modes (own, D's), plain (a) and weighted by s/h (b), at h and h/2.
  eF: number;
  gToFa: number;
  dToFa: number;
  gToFb: number;
  dToFb: number;
  eFh: number;
  gToFah: number;
  dToFah: number;
  gToFbh: number;
  dToFbh: number;
  /** The exact propagator of a quiet cell (every fast pool zero: a linear system), see `quietWeights`. */
  quiet: QuietWeights;
  // Slow pools with quadratic sources.
  C3: QuadraticWeights;
  C1: QuadraticWeights;
  Ep: QuadraticWeights;
  T: QuadraticWeights;
  Pg: QuadraticWeights;
}

export function stepWeights(p: ModelParams, hDays: number): StepWeights {
  const h = hDays;
  const rW = 1 / p.tauW;
  const rD = 1 / p.tauD;
  const rI = 1 / p.tauI;
  const rE = 1 / p.tauE;
  const rG = 1 / p.tauG;
  const rF = 1 / p.tauF;
  const half = h / 2;
  /** ∫₀ᵘ e^(−rTo(u−s))·g(s)·(weighted ? s/h : 1) ds. */
  const into = (rTo: number, upper: number, g: (s: number) => number, weighted = false): number =>
    quadrature(upper, (s) => Math.exp(-rTo * (upper - s)) * g(s) * (weighted ? s / h : 1));
  const gFromD = (s: number): number => cascade(rD, rG, s);
  const gOwn = (s: number): number => Math.exp(-rG * s);
  return {
    hDays,
    eW: Math.exp(-rW * h),
    eD: Math.exp(-rD * h),
    eR: Math.exp(-h / p.tauR),
    ePu: Math.exp(-h / p.tauPurpura),
    eV: Math.exp(-h / p.tauV),
    eVh: Math.exp(-half / p.tauV),
    eI: Math.exp(-rI * h),
    wToI: cascade(rW, rI, h),
    dToI: cascade(rD, rI, h),
    eIh: Math.exp(-rI * half),
    wToIh: cascade(rW, rI, half),
    dToIh: cascade(rD, rI, half),
    eE: Math.exp(-rE * h),
    iToE: cascade(rI, rE, h),
    wToE: into(rE, h, (s) => cascade(rW, rI, s)),
    dToE: into(rE, h, (s) => cascade(rD, rI, s)),
    eG: Math.exp(-rG * h),
    dToG: cascade(rD, rG, h),
    eF: Math.exp(-rF * h),
    gToFa: into(rF, h, gOwn),
    dToFa: into(rF, h, gFromD),
    gToFb: into(rF, h, gOwn, true),
    dToFb: into(rF, h, gFromD, true),
    eFh: Math.exp(-rF * half),
    gToFah: into(rF, half, gOwn),
    dToFah: into(rF, half, gFromD),
    gToFbh: into(rF, half, gOwn, true),
    dToFbh: into(rF, half, gFromD, true),
    quiet: quietWeights(p, h),
    // Collagen III leaves by breakdown and by maturation; the slowing of maturation by inflammation
    // enters as a source (docs/model.md §8).
    C3: quadraticWeights(1 / p.tau3d + 1 / p.tau31, h),
    C1: quadraticWeights(1 / p.tauNeo, h),
    Ep: quadraticWeights(1 / p.tauEpi, h),
    T: quadraticWeights(1 / p.tauT, h),
    Pg: quadraticWeights(1 / p.tauP, h),
  };
}
