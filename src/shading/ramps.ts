import { VISIBLE } from '../engine/index';
import { parseHex } from './colour';
import type { Layer } from './types';

/**
 * Colour ramps of the data layers, in the layer's internal units (the engine's values). The legend
 * (legends.ts) and the shader (shadeSkin.ts) are both built from these stops, so what the legend shows
 * is what is drawn. Stops are ColorBrewer sequential schemes (Harrower & Brewer 2003): lightness falls
 * monotonically with the value, so the order reads without the hue (checked by a test). Where an
 * effect has a visibility threshold, the ramp's first colour step, the legend's 'visible' mark and
 * the note all take it from the engine's VISIBLE, the one place it is stated.
 */

export interface RampStop {
  readonly value: number;
  readonly color: string;
}

export interface LayerRamp {
  readonly title: string;
  readonly unit: string;
  /** Legend value = internal value × scale (e.g. fraction → %). */
  readonly scale: number;
  readonly stops: readonly RampStop[];
  /** A second ramp on the same axis (collagen: the collagen III-rich end). */
  readonly secondary?: { readonly label: string; readonly stops: readonly RampStop[] };
  readonly primaryLabel?: string;
  /** Values worth a tick on the legend and, for coverage, a line on the map. */
  readonly marks: readonly { readonly value: number; readonly label: string }[];
  readonly note: string;
}

export type DataLayer = Exclude<Layer, 'surface'>;

/** Passes over a spot in one session that give the usual clinical dose (≈ 15 × 15.3 ≈ 250 /cm², docs/model.md §3). */
export const TARGET_PASSES = 15;

export const RAMPS: Record<DataLayer, LayerRamp> = {
  erythema: {
    title: 'Erythema (redness)',
    unit: 'index',
    scale: 1,
    stops: [
      { value: 0, color: '#fff5f0' },
      { value: VISIBLE.erythema, color: '#fcbba1' },
      { value: 0.35, color: '#fb6a4a' },
      { value: 0.7, color: '#cb181d' },
      { value: 1, color: '#a50f15' },
      { value: 1.5, color: '#67000d' },
    ],
    marks: [{ value: VISIBLE.erythema, label: 'visible' }],
    note: `Erythema index: inflammation I plus the flare right after rolling; redness is visible above ${VISIBLE.erythema}. One 1.5 mm session peaks near 0.7.`,
  },
  edema: {
    title: 'Oedema (swelling)',
    unit: 'index',
    scale: 1,
    stops: [
      { value: 0, color: '#f7fbff' },
      { value: VISIBLE.edema, color: '#c6dbef' },
      { value: 0.25, color: '#6baed6' },
      { value: 0.5, color: '#2171b5' },
      { value: 0.8, color: '#08306b' },
    ],
    marks: [{ value: VISIBLE.edema, label: 'visible' }],
    note: `Oedema index E; swelling is visible above ${VISIBLE.edema}.`,
  },
  collagen: {
    title: 'New collagen',
    unit: '% of baseline',
    scale: 100,
    primaryLabel: 'mostly collagen I (mature)',
    stops: [
      { value: 0, color: '#fcfbfd' },
      { value: 0.2, color: '#dadaeb' },
      { value: 0.4, color: '#9e9ac8' },
      { value: 0.6, color: '#6a51a3' },
      { value: 0.8, color: '#3f007d' },
    ],
    secondary: {
      label: 'mostly collagen III (immature)',
      stops: [
        { value: 0, color: '#fff5eb' },
        { value: 0.2, color: '#fdd0a2' },
        { value: 0.4, color: '#fd8d3c' },
        { value: 0.6, color: '#e6550d' },
        { value: 0.8, color: '#a63603' },
      ],
    },
    marks: [],
    note: 'Darker = more new collagen (III + I). Hue = maturity: orange where collagen III dominates, purple where collagen I does; mixed in proportion.',
  },
  capillaries: {
    title: 'Capillary integrity',
    unit: '% intact',
    scale: 100,
    stops: [
      { value: 0, color: '#67001f' },
      { value: 0.5, color: '#ce1256' },
      { value: 0.75, color: '#df65b0' },
      { value: 0.9, color: '#d4b9da' },
      { value: 1, color: '#f7f4f9' },
    ],
    marks: [],
    note: 'Hypothesis [I]: no published dose–response. 100 % = intact; capillaries recover over about 5 days.',
  },
  pigment: {
    title: 'Post-inflammatory pigment',
    unit: 'index',
    scale: 1,
    stops: [
      { value: 0, color: '#ffffe5' },
      { value: VISIBLE.pigment, color: '#fee391' },
      { value: 0.06, color: '#fe9929' },
      { value: 0.1, color: '#cc4c02' },
      { value: 0.15, color: '#662506' },
    ],
    marks: [{ value: VISIBLE.pigment, label: 'visible' }],
    note: `Pigment index Pg; hyperpigmentation is visible above ${VISIBLE.pigment}. Darker phototypes are most at risk.`,
  },
  coverage: {
    title: 'Coverage this session',
    unit: 'passes',
    scale: 1,
    stops: [
      { value: 0, color: '#f7fcf0' },
      { value: 5, color: '#ccebc5' },
      { value: 10, color: '#7bccc4' },
      { value: TARGET_PASSES, color: '#2b8cbe' },
      { value: 22, color: '#6a51a3' },
      { value: 30, color: '#3f007d' },
    ],
    marks: [{ value: TARGET_PASSES, label: 'target' }],
    note: `Drum passes over each spot. Yellow line: the target of ${TARGET_PASSES} passes (≈ 250 punctures/cm²); purple beyond it = more than usual.`,
  },
};

/** The colour of the coverage target line (yellow against the blue–purple ramp). */
export const TARGET_LINE_HEX = '#ffd400';

export const RAMP_LUT_SIZE = 256;

/** A ramp sampled uniformly over [min, max] of its stops: linear RGB triples, interpolated in sRGB. */
export interface RampLut {
  readonly min: number;
  readonly max: number;
  /** Index = (value − min)·invStep, clamped to [0, RAMP_LUT_SIZE − 1]. */
  readonly invStep: number;
  readonly rgb: Float32Array;
}

export function buildRampLut(stops: readonly RampStop[]): RampLut {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const rgb = new Float32Array(RAMP_LUT_SIZE * 3);
  const step = (last.value - first.value) / (RAMP_LUT_SIZE - 1);
  const c = [0, 0, 0];
  for (let i = 0; i < RAMP_LUT_SIZE; i++) {
    rampSrgb(stops, first.value + i * step, c);
    for (let ch = 0; ch < 3; ch++) {
      const s = c[ch]! / 255;
      rgb[i * 3 + ch] = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }
  }
  return { min: first.value, max: last.value, invStep: 1 / step, rgb };
}

/** sRGB (0–255) of a ramp at `value`, interpolated between stops in sRGB. */
export function rampSrgb(stops: readonly RampStop[], value: number, out: number[]): number[] {
  let j = 1;
  while (j < stops.length - 1 && value > stops[j]!.value) j++;
  const a = stops[j - 1]!;
  const b = stops[j]!;
  const t = Math.min(1, Math.max(0, (value - a.value) / (b.value - a.value)));
  const ca = parseHex(a.color);
  const cb = parseHex(b.color);
  for (let ch = 0; ch < 3; ch++) out[ch] = ca[ch]! + (cb[ch]! - ca[ch]!) * t;
  return out;
}
