/**
 * Exponential integrator weights for x′ = S(t) − x/τ over a step h with S varying linearly from S0
 * to S1 (docs/model.md §8; the "ETD2" idea of Cox & Matthews 2002):
 *   x(h) = x0·e + S0·a + (S1 − S0)·b,  e = e^(−h/τ),  a = τ(1 − e),  b = τ − τ²(1 − e)/h.
 * Unconditionally stable for any h/τ and exact for sources that are constant or linear in time.
 * The frozen-source scheme the model was first specified with (docs/model.md §13) is the special
 * case S1 = S0 (first order); using the end-of-step source of upstream variables, which the cascade
 * order makes available, makes it second order.
 */
export interface DecayWeights {
  e: number;
  a: number;
  b: number;
}

export function decayWeights(tauDays: number, hDays: number): DecayWeights {
  const x = hDays / tauDays;
  const e = Math.exp(-x);
  // 1 − e loses digits for tiny x; expm1 keeps them (τ_neo = 500 d with h = 1 h gives x ≈ 1e-4).
  const oneMinusE = -Math.expm1(-x);
  const a = tauDays * oneMinusE;
  // τ − τ²(1 − e)/h cancels catastrophically for h ≪ τ (τ_T = 3650 d at h = 1 h): use its Taylor
  // series h·(1/2 − x/6 + x²/24 − x³/120 + x⁴/720) there; the truncation error is < x⁵/5040.
  const b =
    x < 0.01
      ? hDays * (0.5 - x * (1 / 6 - x * (1 / 24 - x * (1 / 120 - x / 720))))
      : tauDays - (tauDays * tauDays * oneMinusE) / hDays;
  return { e, a, b };
}

/**
 * Exact transfer from a purely decaying upstream pool into x over h:
 * ∫₀ʰ e^(−(h−s)/τx) e^(−s/τs) ds = (e^(−h/τs) − e^(−h/τx)) / (1/τx − 1/τs), with the limit h·e^(−h/τ) when τs = τx.
 */
export function cascadeWeight(tauSourceDays: number, tauTargetDays: number, hDays: number): number {
  const rs = 1 / tauSourceDays;
  const rx = 1 / tauTargetDays;
  if (Math.abs(rx - rs) < 1e-12 * Math.max(rx, rs)) return hDays * Math.exp(-hDays * rx);
  return (Math.exp(-hDays * rs) - Math.exp(-hDays * rx)) / (rx - rs);
}
