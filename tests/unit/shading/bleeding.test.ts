/**
 * One bleeding rule for every picture (drawnBleeding, punctureMarks.ts): the depth view fills a channel
 * with blood exactly when the surface draws that puncture's blood dot.
 */
import { describe, expect, it } from 'vitest';
import { SkinSimulation } from '../../../src/engine/index';
import { crossSectionSlice } from '../../../src/session/index';
import { shadeCrossSection, type CrossSectionInput } from '../../../src/shading/crossSection';
import { BLEED_MIN, drawnBleeding, punctureSeed, punctureShare } from '../../../src/shading/punctureMarks';

const W = 400;
const H = 300;

/** 15 passes on a cheek patch, and the depth view through its middle row. */
function depthView(needleMm: number): { input: CrossSectionInput; blood: number } {
  const sim = new SkinSimulation({ seed: 21, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 64 } });
  sim.applySession({ needleMm, passes: 15, pressure: 1 });
  const input = crossSectionSlice(sim, 32, 3);
  const out = new Uint8Array(W * H * 4);
  const plain = new Uint8Array(W * H * 4);
  shadeCrossSection(input, out, W, H);
  shadeCrossSection({ ...input, punctures: { ...input.punctures, count: 0 } }, plain, W, H);
  // Blood-red pixels the channels drew (vessels are in both pictures).
  let blood = 0;
  for (let k = 0; k < W * H; k++) {
    const o = 4 * k;
    const changed = out[o] !== plain[o] || out[o + 1] !== plain[o + 1] || out[o + 2] !== plain[o + 2];
    if (changed && out[o]! > 2 * out[o + 1]!) blood++;
  }
  return { input, blood };
}

/** Punctures of the depth view that bleed by the surface's rule. */
function bleedingPunctures(input: CrossSectionInput): number {
  const p = input.punctures;
  let n = 0;
  for (let k = 0; k < p.count; k++) {
    const b = drawnBleeding(p.depthMm[k]!, input.anatomy.capillaryLoopsMm, input.bleedingFactor ?? 1, punctureShare(punctureSeed(p.xMm[k]!, p.yMm[k]!)));
    if (b > BLEED_MIN) n++;
  }
  return n;
}

describe('bleeding in the depth view follows the surface', () => {
  it('fills no channel with blood after a 0.25 mm roller, whose punctures leave no blood dot on the surface', () => {
    // Some of these punctures go a few hundredths of a millimetre past the loops: the surface draws no
    // dot for them (shadeSkin.test.ts: "leaves no blood dots after a 0.25 mm roller"), so neither may the depth view.
    const home = depthView(0.25);
    const cap = home.input.anatomy.capillaryLoopsMm;
    let past = 0;
    for (let k = 0; k < home.input.punctures.count; k++) if (home.input.punctures.depthMm[k]! > cap) past++;
    expect(past).toBeGreaterThan(10);
    expect(bleedingPunctures(home.input)).toBe(0);
    expect(home.blood).toBe(0);
  });

  it('fills the channels of a 1.5 mm roller with blood', () => {
    const clinic = depthView(1.5);
    expect(bleedingPunctures(clinic.input)).toBe(clinic.input.punctures.count);
    expect(clinic.blood).toBeGreaterThan(1000);
  });
});
