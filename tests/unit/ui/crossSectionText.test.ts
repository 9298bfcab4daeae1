import { describe, expect, it } from 'vitest';
import { InteractiveSession, SetupSchema } from '../../../src/session/index';
import { shadeSkin } from '../../../src/shading/shadeSkin';
import { makeSkinTexture } from '../../../src/shading/skinTexture';
import { crossSectionText } from '../../../src/ui/session/crossSectionText';
import { DEFAULT_SETTINGS } from '../../../src/ui/settings';
import { punctureView, zeroFields } from '../shading/helpers';

const info = InteractiveSession.create(SetupSchema.parse({ seed: 7, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 40, texturePx: 100 })).info();
const cap = info.anatomy.capillaryLoopsMm;
const tex = makeSkinTexture({ seed: 5, sizePx: 100, patchMm: 10, conditions: [] });

/** What the depth view's text says of a tip at `tipMm`. */
const said = (tipMm: number): string => crossSectionText(info, DEFAULT_SETTINGS, { needleMm: 1, pressure: 1, tipMm });

/** Blood-red pixels the surface draws for one fresh puncture at `depthMm` (and the shading options the worker passes). */
function surfaceBlood(depthMm: number): number {
  const options = { layer: 'surface' as const, phototype: 3, hour: 10.2, anatomy: info.anatomy, bleedingFactor: info.bleedingFactor };
  const out = new Uint8Array(100 * 100 * 4);
  const plain = new Uint8Array(100 * 100 * 4);
  shadeSkin(tex, zeroFields(40), punctureView([{ x: 5.02, y: 4.98, depth: depthMm, hour: 10 }]), options, out);
  shadeSkin(tex, zeroFields(40), null, options, plain);
  let n = 0;
  for (let k = 0; k < 100 * 100; k++) if (out[4 * k] !== plain[4 * k] && out[4 * k]! > 1.8 * out[4 * k + 1]!) n++;
  return n;
}

describe('the depth view in words says what the pictures show', () => {
  it('promises no bleeding for a tip 0.025 mm past the loops, where the surface draws no blood dot', () => {
    expect(surfaceBlood(cap + 0.025)).toBe(0);
    expect(said(cap + 0.025)).toContain(', just past the capillary loops (at most a rare faint speck).');
    expect(said(cap + 0.025)).not.toContain('pinpoint bleeding');
  });

  it('speaks of pinpoint bleeding where the surface draws it', () => {
    expect(surfaceBlood(cap + 0.3)).toBeGreaterThan(0);
    expect(said(cap + 0.3)).toContain(', past the capillary loops (pinpoint bleeding).');
  });

  it('says which side of the loops a tip short of them is on', () => {
    expect(said(cap - 0.01)).toContain(', just short of the capillary loops (at most a rare faint speck).');
    expect(said(cap - 0.05)).toContain(', not reaching the capillary loops.');
  });
});
