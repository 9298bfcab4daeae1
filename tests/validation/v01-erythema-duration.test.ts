/**
 * V1 (docs/model.md §14): after one reference session visible erythema (patch-mean I > 0.15) is gone
 * after 1–3 days (accepted 0.5–3.5 d); after one 0.25 mm session it is never visible after 12 h.
 * Clinical reports [V]/[S]; Chu 2021.
 *
 * Grid: 64 cells. Erythema here is a patch mean of a quantity that is linear in the injury (I does
 * not feed back on W, D), so the grid only changes where the density lands, not its mean: the
 * 64-cell and 160-cell patch means differ by < 1e-3 (cohort.test.ts checks the same for collagen).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE } from '../../src/engine/index';
import { referenceSim, REFERENCE_SESSION, sampleHourly } from '../fixtures/engine';

interface ErythemaTrace {
  peak: number;
  /** Last sampled hour with visible erythema; −1 if never. */
  lastVisibleHour: number;
  /** Largest erythema at or after hour 12. */
  maxAfter12h: number;
}

function erythemaAfterSession(needleMm: number): ErythemaTrace {
  const sim = referenceSim({ grid: { cells: 64 } });
  sim.applySession({ ...REFERENCE_SESSION, needleMm });
  const trace: ErythemaTrace = { peak: 0, lastVisibleHour: -1, maxAfter12h: 0 };
  sampleHourly(sim, 0, 10 * 24, (hour) => {
    const i = sim.means().erythema;
    trace.peak = Math.max(trace.peak, i);
    if (i > VISIBLE.erythema) trace.lastVisibleHour = hour;
    if (hour >= 12) trace.maxAfter12h = Math.max(trace.maxAfter12h, i);
  });
  return trace;
}

describe('V1: erythema duration after one session', () => {
  let reference: ErythemaTrace;
  let cosmetic: ErythemaTrace;
  beforeAll(() => {
    reference = erythemaAfterSession(1.5);
    cosmetic = erythemaAfterSession(0.25);
  });

  it('one reference session makes the patch visibly red', () => {
    expect(reference.peak).toBeGreaterThan(VISIBLE.erythema);
  });

  it('erythema from one reference session is gone between 0.5 and 3.5 days after it', () => {
    expect(reference.lastVisibleHour / 24).toBeGreaterThanOrEqual(0.5);
    expect(reference.lastVisibleHour / 24).toBeLessThanOrEqual(3.5);
  });

  it('a 0.25 mm session never leaves visible erythema after 12 hours', () => {
    expect(cosmetic.maxAfter12h).toBeLessThanOrEqual(VISIBLE.erythema);
  });
});
