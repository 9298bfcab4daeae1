/** The depth view: needle channels at the right depth, layers where the anatomy puts them, labels. */
import { describe, expect, it } from 'vitest';
import { crossSectionLabels, crossSectionScale, shadeCrossSection, SURFACE_FRACTION, type CrossSectionInput } from '../../../src/shading/crossSection';
import { SCALE_WIDTH_PX } from '../../../src/shading/crossSectionScale';
import { pixel } from './helpers';

const W = 400;
const H = 300;
const CELLS = 40;
const ANATOMY = { epidermisMm: 0.08, capillaryLoopsMm: 0.13, plexusMm: 0.4, dermisMm: 1.0 };

function input(punctures: { x: number; y?: number; depth: number; hour: number }[], hour: number, fill: Partial<Record<'C3' | 'C1' | 'Ep' | 'I' | 'E' | 'V' | 'T' | 'W', number>> = {}): CrossSectionInput {
  const col = (k: keyof typeof fill, d: number): Float32Array => new Float32Array(CELLS).fill(fill[k] ?? d);
  return {
    anatomy: ANATOMY,
    phototype: 3,
    hour,
    depthRangeMm: 2.5,
    patchMm: 10,
    columns: { C3: col('C3', 0), C1: col('C1', 0), Ep: col('Ep', 0), I: col('I', 0), E: col('E', 0), V: col('V', 1), T: col('T', 0), W: col('W', 0) },
    punctures: {
      xMm: Float32Array.from(punctures.map((p) => p.x)),
      yMm: Float32Array.from(punctures.map((p) => p.y ?? 5)),
      depthMm: Float32Array.from(punctures.map((p) => p.depth)),
      hour: Float64Array.from(punctures.map((p) => p.hour)),
      count: punctures.length,
    },
  };
}

function render(i: CrossSectionInput): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  shadeCrossSection(i, out, W, H);
  return out;
}

/** Pixel row whose centre lies at `depthMm` below the (unswollen) surface. */
const rowAt = (depthMm: number): number => Math.floor(SURFACE_FRACTION * H + (depthMm / 2.5) * (H * (1 - SURFACE_FRACTION)) - 0.5);

/** The needle tip's dashed line is drawn in blue. */
const blue = (o: Uint8Array, px: number, py: number): boolean => {
  const [r, g, b] = pixel(o, W, px, py);
  return b > r + 80 && b > g + 40;
};

const differs = (a: number[], b: number[]): boolean => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!) > 20;

describe('shadeCrossSection', () => {
  // x = 5.0125 mm lands in the middle of pixel column 200 (0.025 mm per pixel).
  const x = 5.0125;
  const col = 200;

  it('draws a 1.5 mm puncture as a channel reaching the 1.5 mm row and not below', () => {
    const plain = render(input([], 1));
    const out = render(input([{ x, depth: 1.5, hour: 0 }], 1));
    const bottom = rowAt(1.5);
    for (const d of [0.05, 0.5, 1, 1.45]) expect(differs(pixel(out, W, col, rowAt(d)), pixel(plain, W, col, rowAt(d)))).toBe(true);
    expect(differs(pixel(out, W, col, bottom), pixel(plain, W, col, bottom))).toBe(true);
    for (let r = bottom + 1; r < H; r++) expect(pixel(out, W, col, r)).toEqual(pixel(plain, W, col, r));
    // Blood-filled: it passed the capillary loops.
    const c = pixel(out, W, col, rowAt(1));
    expect(c[0]).toBeGreaterThan(2 * c[1]);
    // Columns 3 px away are untouched.
    for (let r = 0; r < H; r++) expect(pixel(out, W, col + 3, r)).toEqual(pixel(plain, W, col + 3, r));
  });

  it('draws a shallow channel that misses the capillaries pale, not red', () => {
    const out = render(input([{ x, depth: 0.1, hour: 0 }], 0.5));
    const c = pixel(out, W, col, rowAt(0.05));
    expect(c[0]).toBeLessThan(1.3 * c[1]);
    expect(c[1]).toBeGreaterThan(200);
  });

  it('closes channels within about a day', () => {
    const plain = render(input([], 30));
    const out = render(input([{ x, depth: 1.5, hour: 0 }], 30));
    expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
  });

  it('puts the layers at the anatomy depths: air, epidermis, dermis, fat', () => {
    const out = render(input([], 0));
    const air = pixel(out, W, 10, 2);
    const fat = pixel(out, W, 10, rowAt(2));
    const dermis = pixel(out, W, 10, rowAt(0.8));
    expect(air[2]).toBeGreaterThan(air[0]);
    // Fat is yellow: blue well below red and green.
    expect(fat[2]).toBeLessThan(fat[1] - 40);
    expect(differs(dermis, fat)).toBe(true);
  });

  it('reddens the upper dermis with inflammation and shows new collagen as fibres', () => {
    const base = render(input([], 0));
    const inflamed = render(input([], 0, { I: 1 }));
    const row = rowAt(0.3);
    let redder = 0;
    for (let px = 0; px < W; px++) if (pixel(inflamed, W, px, row)[1] < pixel(base, W, px, row)[1] - 10) redder++;
    expect(redder).toBeGreaterThan(0.5 * W);
    const collagen = render(input([], 0, { C3: 0.4, C1: 0.4 }));
    let changed = 0;
    for (let py = rowAt(0.15); py < rowAt(0.5); py++) for (let px = 0; px < W; px++) if (differs(pixel(collagen, W, px, py), pixel(base, W, px, py))) changed++;
    expect(changed).toBeGreaterThan(0.15 * W * (rowAt(0.5) - rowAt(0.15)));
  });
});

describe('crossSectionLabels', () => {
  it('labels every layer within the picture, in depth order, without overlaps', () => {
    const labels = crossSectionLabels(ANATOMY, 2.5);
    expect(labels.map((l) => l.text)).toEqual(['Epidermis', 'Capillary loops', 'Papillary dermis', 'Superficial plexus', 'Reticular dermis', 'Hypodermis (fat)']);
    for (let i = 0; i < labels.length; i++) {
      expect(labels[i]!.y).toBeGreaterThan(0);
      expect(labels[i]!.y).toBeLessThan(1);
      expect(labels[i]!.y).toBeGreaterThanOrEqual(labels[i]!.anchorY);
      if (i > 0) expect(labels[i]!.y - labels[i - 1]!.y).toBeGreaterThanOrEqual(0.069);
    }
    // The anchor of the plexus sits at its depth.
    const plexus = labels.find((l) => l.text === 'Superficial plexus')!;
    expect(plexus.anchorY).toBeCloseTo(SURFACE_FRACTION + (0.4 / 2.5) * (1 - SURFACE_FRACTION), 9);
  });

  it('leaves out the hypodermis when the dermis fills the shown depth', () => {
    const labels = crossSectionLabels({ ...ANATOMY, dermisMm: 1.5 }, 1.2);
    expect(labels.some((l) => l.text.startsWith('Hypodermis'))).toBe(false);
  });
});

describe('depth scale and needle tip (issue 10)', () => {
  it('labels ticks every 0.25 mm when they fit, else every 0.5 or 1 mm with halfway ticks', () => {
    // The app's view: 220 px for the cheek's 1.58 mm.
    const cheek = crossSectionScale(1.58, 220);
    expect(cheek.majorMm).toBe(0.25);
    expect(cheek.ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['0 mm', '0.25', '0.5', '0.75', '1.0', '1.25', '1.5']);
    const small = crossSectionScale(2.5, 100);
    expect(small.majorMm).toBe(1);
    expect(small.minorMm).toBe(0.5);
    expect(small.ticks.map((t) => t.depthMm)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(small.ticks.map((t) => t.label)).toEqual(['0 mm', '', '1.0', '', '2.0', '']);
    const mid = crossSectionScale(2.5, 200);
    expect(mid.majorMm).toBe(0.5);
    expect(mid.minorMm).toBe(0.25);
    for (const t of mid.ticks) expect(t.y).toBeCloseTo(SURFACE_FRACTION + (t.depthMm / 2.5) * (1 - SURFACE_FRACTION), 9);
  });

  it('draws the ticks on the right edge at their depths', () => {
    const out = render(input([], 0));
    const dark = (px: number, py: number): boolean => pixel(out, W, px, py).every((c) => c < 60);
    // The axis runs 12 px from the right edge; each labelled tick reaches 7 px to its left.
    for (const d of [0, 0.5, 1, 2]) {
      const row = rowAt(d);
      expect([row - 1, row, row + 1].some((r) => dark(W - 17, r))).toBe(true);
    }
    // Between ticks only the axis is dark.
    expect(dark(W - 17, rowAt(0.625))).toBe(false);
    expect(dark(W - 12, rowAt(0.625))).toBe(true);
    const without = new Uint8Array(W * H * 4);
    shadeCrossSection({ ...input([], 0), depthScale: false }, without, W, H);
    expect(pixel(without, W, W - 12, rowAt(0.75)).every((c) => c < 60)).toBe(false);
  });

  it('marks the needle tip depth with a dashed line when given', () => {
    const tip = render({ ...input([], 0), needleTipMm: 0.75 });
    const row = rowAt(0.75);
    let onRow = 0;
    for (let px = 0; px < 200; px++) if ([row, row + 1].some((r) => blue(tip, px, r))) onRow++;
    // Dashes: 6 px on, 4 off.
    expect(onRow).toBeGreaterThan(100);
    expect(onRow).toBeLessThan(140);
    for (let px = 0; px < 200; px++) expect(blue(tip, px, rowAt(0.5))).toBe(false);
    const none = render(input([], 0));
    for (let px = 0; px < 200; px++) expect(blue(none, px, row)).toBe(false);
  });

  it('keeps the tip line out of the scale column and every tick label inside it (issue 19)', () => {
    // A tip exactly at a labelled tick: the number "0.75" beside the tick must not be covered.
    const tip = render({ ...input([], 0), needleTipMm: 0.75 });
    const row = rowAt(0.75);
    for (let px = W - SCALE_WIDTH_PX; px < W - 20; px++) expect(blue(tip, px, row)).toBe(false);
    // Ink of the labels (near-black) appears only right of the scale column's left edge: "0 mm" is not cut by it.
    const plain = render(input([], 0));
    const ink = (px: number, py: number): boolean => pixel(plain, W, px, py).every((c) => c < 60);
    for (let py = 0; py < rowAt(0.1); py++) {
      for (let px = W - SCALE_WIDTH_PX - 8; px < W - SCALE_WIDTH_PX; px++) expect(ink(px, py)).toBe(false);
    }
    let inside = 0;
    for (let py = 0; py < rowAt(0.1); py++) for (let px = W - SCALE_WIDTH_PX; px < W - 20; px++) if (ink(px, py)) inside++;
    expect(inside).toBeGreaterThan(20);
  });
});
