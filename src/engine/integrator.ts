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
 * Exact transfer from a purely decaying upstream pool (rate r, 1/day) into x (rate rTo) over s days,
 * i.e. the response at s of x to a unit pulse into the upstream pool:
 * ∫₀ˢ e^(−rTo(s−u)) e^(−r·u) du = (e^(−r·s) − e^(−rTo·s)) / (rTo − r), with the limit s·e^(−r·s) when r = rTo.
 */
export function cascadeTransfer(r: number, rTo: number, s: number): number {
  const d = rTo - r;
  if (Math.abs(d) < 1e-9 * Math.max(r, rTo)) return s * Math.exp(-r * s);
  return (Math.exp(-r * s) - Math.exp(-rTo * s)) / d;
}

/**
 * Inflammation I after a stretch without new injury, in closed form (docs/model.md §7–8): I decays
 * by `eI` and receives the exact transfer (`wToI`, `dToI`, from cascadeTransfer) of the decaying
 * wound signal W (weight aW) and debris D, scaled by the inflammation rate kIq. The one statement of
 * it: the integrator's step and mid-step, and the hourly erythema follow-up, all call it (the same
 * expression gives the same bits, which the determinism tests check).
 */
export function inflammationAfter(i0: number, w0: number, d0: number, kIq: number, aW: number, eI: number, wToI: number, dToI: number): number {
  return i0 * eI + kIq * (aW * w0 * wToI + d0 * dToI);
}
