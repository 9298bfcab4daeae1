/**
 * The colour model of docs/appearance.md §1 as a pure function: base colours per phototype, erythema and
 * PIH calibration, and the lookup tables the pixel loop uses instead of exp and the sRGB curve.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_HEX,
  deltaE,
  EXP_NEG_LUT,
  GAMMA_LUT,
  GAMMA_LUT_SIZE,
  H_PER_INFLAMMATION,
  linearToSrgb,
  OD_LUT_SCALE,
  parseHex,
  PIGMENT_K,
  skinColour,
} from '../../../src/shading/colour';
import { lab } from './helpers';

const TYPES = [1, 2, 3, 4, 5, 6];

describe('skinColour', () => {
  it('reproduces the base hex colour of every phototype with no blood or melanin excess (± 2/255)', () => {
    for (const p of TYPES) {
      const c = skinColour(p, 0, 0);
      const hex = parseHex(BASE_HEX[p - 1]!);
      for (let ch = 0; ch < 3; ch++) expect(Math.abs(c[ch]! - hex[ch]!)).toBeLessThanOrEqual(2);
    }
  });

  it('orders the phototypes from lighter (I) to darker (VI)', () => {
    const L = TYPES.map((p) => lab(skinColour(p, 0, 0))[0]);
    for (let i = 1; i < L.length; i++) expect(L[i]!).toBeLessThan(L[i - 1]!);
  });

  it('makes skin redder with erythema: a* and R/G rise on every phototype', () => {
    for (const p of TYPES) {
      const base = skinColour(p, 0, 0);
      const red = skinColour(p, H_PER_INFLAMMATION * 0.5, 0);
      expect(lab(red)[1]).toBeGreaterThan(lab(base)[1] + 1);
      expect(red[0]! / red[1]!).toBeGreaterThan(base[0]! / base[1]!);
    }
  });

  it('puts the visible erythema threshold I = 0.15 at the minimal perceptible Δa* ≈ 2.5 on light skin', () => {
    const h = H_PER_INFLAMMATION * 0.15;
    const da = lab(skinColour(1, h, 0))[1] - lab(skinColour(1, 0, 0))[1];
    expect(da).toBeGreaterThan(2);
    expect(da).toBeLessThan(3);
  });

  it('shows the same erythema less on type VI than on type I (≈ 45 % less Δa*)', () => {
    const h = H_PER_INFLAMMATION * 0.15;
    const dE1 = deltaE(skinColour(1, 0, 0), skinColour(1, h, 0));
    const dE6 = deltaE(skinColour(6, 0, 0), skinColour(6, h, 0));
    expect(dE6).toBeLessThan(0.75 * dE1);
    const da1 = lab(skinColour(1, h, 0))[1] - lab(skinColour(1, 0, 0))[1];
    const da6 = lab(skinColour(6, h, 0))[1] - lab(skinColour(6, 0, 0))[1];
    expect(da6 / da1).toBeGreaterThan(0.4);
    expect(da6 / da1).toBeLessThan(0.7);
  });

  it('adds brown with pigment: darker and yellower without raising redness', () => {
    for (const p of TYPES) {
      const base = lab(skinColour(p, 0, 0));
      const pig = lab(skinColour(p, 0, PIGMENT_K * 0.1));
      expect(pig[0]).toBeLessThan(base[0] - 1);
      expect(pig[2]).toBeGreaterThan(base[2]);
      expect(pig[1] - base[1]).toBeLessThan(0.5);
    }
  });

  it('makes the visible pigment threshold 0.028 a just-noticeable difference on phototype IV (ΔE 1.5–3.5)', () => {
    const dE = deltaE(skinColour(4, 0, 0), skinColour(4, 0, PIGMENT_K * 0.028));
    expect(dE).toBeGreaterThan(1.5);
    expect(dE).toBeLessThan(3.5);
  });
});

describe('lookup tables', () => {
  it('EXP_NEG_LUT matches exp(−OD) to better than 0.1 %', () => {
    for (const od of [0, 0.37, 1.2345, 3.3, 7.77]) {
      const v = EXP_NEG_LUT[Math.round(od * OD_LUT_SCALE)]!;
      expect(Math.abs(v - Math.exp(-od)) / Math.exp(-od)).toBeLessThan(1e-3);
    }
  });

  it('GAMMA_LUT stays within one byte of the exact sRGB curve', () => {
    for (let i = 0; i <= 1000; i++) {
      const l = i / 1000;
      const exact = linearToSrgb(l);
      expect(Math.abs(GAMMA_LUT[Math.round(l * GAMMA_LUT_SIZE)]! - exact)).toBeLessThanOrEqual(1);
    }
  });
});
