/**
 * V15 (docs/model.md §14): "too hard" is overdoing too. One session on the cheek: 45 passes of
 * 1.5 mm give at most 1.6 × the collagen (day 60) of 15 passes, because growth-factor release
 * saturates with the session's local dose (u_sat [I]); 45 passes of 2.5 mm leave capillary
 * integrity below 0.4 at the end of the session and telangiectasia above 0.02 afterwards, because a
 * session whose local vascular dose passes u_crit breaks capillaries (c_agg [I]); 15 passes of
 * 1.5 mm stay below 0.005. Default 160² grid: the saturation and the threshold are local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SkinSimulation } from '../../src/engine/index';
import { referenceSim } from '../fixtures/engine';

interface Outcome {
  integrityAtEnd: number;
  collagenDay60: number;
  telangiectasiaDay60: number;
}

function session(needleMm: number, passes: number): Outcome {
  const sim: SkinSimulation = referenceSim();
  sim.applySession({ needleMm, passes, pressure: 1 });
  const integrityAtEnd = sim.means().capillaryIntegrity;
  sim.advanceTo(60 * 24);
  const m = sim.means();
  return { integrityAtEnd, collagenDay60: m.collagenGain, telangiectasiaDay60: m.telangiectasia };
}

describe('V15: one session too hard', () => {
  let usual: Outcome;
  let triple: Outcome;
  let deepTriple: Outcome;
  beforeAll(() => {
    usual = session(1.5, 15);
    triple = session(1.5, 45);
    deepTriple = session(2.5, 45);
  });

  it('45 passes of 1.5 mm give more collagen at day 60 than 15, but at most 1.6 times as much', () => {
    expect(triple.collagenDay60).toBeGreaterThan(usual.collagenDay60);
    expect(triple.collagenDay60).toBeLessThanOrEqual(1.6 * usual.collagenDay60);
  });

  it('45 passes of 2.5 mm leave capillary integrity below 0.4 at the end of the session', () => {
    expect(deepTriple.integrityAtEnd).toBeLessThan(0.4);
  });

  it('45 passes of 2.5 mm leave telangiectasia above 0.02 afterwards', () => {
    expect(deepTriple.telangiectasiaDay60).toBeGreaterThan(0.02);
  });

  it('15 passes of 1.5 mm leave telangiectasia below 0.005', () => {
    expect(usual.telangiectasiaDay60).toBeLessThan(0.005);
  });
});
