/**
 * V13 (docs/model.md §14): one reference session, hourly samples: erythema is visible (> 0.15) by
 * 1 h after the session and is then ≥ 50 % of its peak, while V1 still holds (visible redness gone
 * after 0.5–3.5 days: v01-erythema-duration.test.ts checks it on the same session). The flush within
 * minutes is the wheal-and-flare "triple response" (Lewis 1927 [V]; clinics describe redness
 * "immediately after" [S]); its size k_R and fading time τ_R are [I].
 * 64-cell grid: erythema is linear in the injury except the mild saturation of D, which a grid of
 * 64 cells reproduces within 1e-3 (see V1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE } from '../../src/engine/index';
import { max, referenceSim, REFERENCE_SESSION, sampleHourly } from '../fixtures/engine';

describe('V13: the flare shows at once and the 1–3 day redness stays', () => {
  let erythema: number[];
  beforeAll(() => {
    const sim = referenceSim({ grid: { cells: 64 } });
    sim.applySession(REFERENCE_SESSION);
    erythema = [];
    sampleHourly(sim, 0, 7 * 24, () => erythema.push(sim.means().erythema));
  });

  it('the patch is visibly red right after the session and still 1 h later', () => {
    expect(erythema[0]).toBeGreaterThan(VISIBLE.erythema);
    expect(erythema[1]).toBeGreaterThan(VISIBLE.erythema);
  });

  it('1 h after the session erythema is at least half of its peak', () => {
    expect(erythema[1]!).toBeGreaterThanOrEqual(0.5 * max(erythema));
  });
});
