/** The static, seeded texture: determinism, realistic feature sizes, and condition features. */
import { describe, expect, it } from 'vitest';
import { makeSkinTexture, VESSEL_NONE, type SkinTexture } from '../../../src/shading/skinTexture';

const make = (conditions: string[], seed = 1, sizePx = 200, patchMm = 20): SkinTexture => makeSkinTexture({ seed, sizePx, patchMm, conditions });

function same(a: Float32Array, b: Float32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Connected regions (4-neighbour) of pixels where `on` holds; returns their sizes in pixels. */
function regions(n: number, on: (k: number) => boolean): number[] {
  const seen = new Uint8Array(n * n);
  const sizes: number[] = [];
  for (let start = 0; start < n * n; start++) {
    if (seen[start] || !on(start)) continue;
    let size = 0;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const k = stack.pop()!;
      size++;
      const x = k % n;
      for (const j of [k - n, k + n, x > 0 ? k - 1 : -1, x < n - 1 ? k + 1 : -1]) {
        if (j >= 0 && j < n * n && !seen[j] && on(j)) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    sizes.push(size);
  }
  return sizes;
}

describe('makeSkinTexture', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = make(['acne-scars', 'rosacea']);
    const b = make(['acne-scars', 'rosacea']);
    const c = make(['acne-scars', 'rosacea'], 2);
    expect(same(a.blotch, b.blotch) && same(a.relief, b.relief) && same(a.scars!, b.scars!) && same(a.vessels.threshold, b.vessels.threshold)).toBe(true);
    expect(same(a.relief, c.relief)).toBe(false);
  });

  it('keeps features of one condition where they are when another condition is added', () => {
    const a = make(['acne-scars']);
    const b = make(['acne-scars', 'pigmentation', 'wrinkles']);
    expect(same(a.relief, b.relief)).toBe(true);
    expect(same(a.vessels.threshold, b.vessels.threshold)).toBe(true);
  });

  it('has pores at a facial density (≈ 2 per mm², Otberg 2004) drawn as small pits', () => {
    const t = make([], 4, 800, 20);
    const perMm2 = t.counts.pores! / (20 * 20);
    expect(perMm2).toBeGreaterThan(1.5);
    expect(perMm2).toBeLessThan(2.5);
    // Pores and furrows reach 0.02–0.1 mm below the surface; nothing deeper without scars.
    let deepest = 0;
    for (let k = 0; k < t.sizePx * t.sizePx; k++) deepest = Math.max(deepest, t.relief[3 * k + 2]!);
    expect(deepest).toBeGreaterThan(0.02);
    expect(deepest).toBeLessThan(0.12);
  });

  it('adds atrophic acne scars 0.5–3 mm wide, 15–40 on a 4 × 4 cm cheek, only with the condition', () => {
    expect(make([]).scars).toBeNull();
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = make(['acne-scars'], seed, 160, 40).counts.acneScars!;
      expect(c).toBeGreaterThanOrEqual(15);
      expect(c).toBeLessThanOrEqual(40);
    }
    const t = make(['acne-scars'], 7, 400, 40);
    const n = t.sizePx;
    // Separate pits (they do not merge into larger craters).
    const scars = regions(n, (k) => t.scars![3 * k + 2]! > 0.01);
    expect(scars.length).toBe(t.counts.acneScars);
    const mm2 = (s: number): number => s * t.mmPerPx * t.mmPerPx;
    for (const s of scars) {
      const diameter = 2 * Math.sqrt(mm2(s) / Math.PI);
      expect(diameter).toBeLessThan(3.6);
    }
  });

  it('adds wrinkles, macules, stretch marks and contraindication colours when present', () => {
    const t = make(['wrinkles', 'pigmentation', 'stretch-marks', 'active-acne', 'rosacea', 'rash']);
    expect(t.wrinkles).not.toBeNull();
    expect(t.tint).not.toBeNull();
    expect(t.counts.wrinkles).toBeGreaterThanOrEqual(3);
    expect(t.counts.macules).toBeGreaterThan(5);
    expect(t.counts.stretchMarks).toBeGreaterThanOrEqual(4);
    expect(t.counts.papules).toBeGreaterThanOrEqual(8);
    let maxMel = 0;
    let maxHb = 0;
    let minAlb = 0;
    for (let k = 0; k < t.tint!.mel.length; k++) {
      maxMel = Math.max(maxMel, t.tint!.mel[k]!);
      maxHb = Math.max(maxHb, t.tint!.hb[k]!);
      minAlb = Math.min(minAlb, t.tint!.alb[k]!);
    }
    expect(maxMel).toBeGreaterThan(0.2);
    expect(maxHb).toBeGreaterThan(0.3);
    // Stretch marks and pustule heads are paler than the skin around them.
    expect(minAlb).toBeLessThan(-0.05);
    expect(make(['pigmentation']).tint).not.toBeNull();
    expect(make(['keloid-tendency']).tint).toBeNull();
  });

  it('builds a vessel network whose segments appear at thresholds spread over T = 0.1–1', () => {
    const t = make([], 3, 400, 40);
    const thr: number[] = [];
    for (const v of t.vessels.threshold) if (v !== VESSEL_NONE) thr.push(v);
    expect(thr.length).toBeGreaterThan(1000);
    expect(Math.min(...thr)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...thr)).toBeLessThanOrEqual(1);
    const shownAt = (T: number): number => thr.filter((v) => v < T).length;
    expect(shownAt(0.1)).toBe(0);
    expect(shownAt(0.3)).toBeGreaterThan(0);
    expect(shownAt(0.6)).toBeGreaterThan(shownAt(0.3));
    expect(shownAt(1.01)).toBeGreaterThan(shownAt(0.6));
    expect(t.minVesselThreshold).toBeGreaterThanOrEqual(0.1);
    // Rosacea adds always-visible fine vessels.
    expect(make(['rosacea']).minVesselThreshold).toBeLessThan(0);
  });

  it('varies the micro-relief by region: pores densest on the forehead, sparse on neck and body; body coarser, eyelids finer', () => {
    const at = (region: 'forehead' | 'cheek' | 'periorbital' | 'neck' | 'body'): { pores: number; deep: number } => {
      const t = makeSkinTexture({ seed: 4, sizePx: 400, patchMm: 20, conditions: [], region });
      const d = Array.from({ length: 400 * 400 }, (_, k) => t.relief[3 * k + 2]!).sort((a, b) => a - b);
      expect(t.region).toBe(region);
      return { pores: t.counts.pores! / 400, deep: d[Math.floor(0.99 * d.length)]! };
    };
    const forehead = at('forehead');
    const cheek = at('cheek');
    const eye = at('periorbital');
    const neck = at('neck');
    const body = at('body');
    // Otberg 2004: forehead 292 follicles/cm²; trunk 22–29.
    expect(forehead.pores).toBeGreaterThan(2.5);
    expect(forehead.pores).toBeGreaterThan(cheek.pores);
    expect(cheek.pores).toBeGreaterThan(2 * neck.pores);
    expect(neck.pores).toBeGreaterThan(body.pores);
    expect(body.pores).toBeLessThan(0.5);
    expect(eye.pores).toBeLessThan(cheek.pores / 2);
    // Furrow depth: the body's net is the deepest, the thin eyelid skin's the shallowest.
    expect(body.deep).toBeGreaterThan(cheek.deep);
    expect(eye.deep).toBeLessThan(cheek.deep);
    // Without a region the texture is the cheek's.
    expect(same(make([], 4, 400, 20).relief, makeSkinTexture({ seed: 4, sizePx: 400, patchMm: 20, conditions: [], region: 'cheek' }).relief)).toBe(true);
    expect(() => makeSkinTexture({ seed: 1, sizePx: 64, patchMm: 20, conditions: [], region: 'elbow' as never })).toThrow(/region/);
  });

  it('rejects bad sizes', () => {
    expect(() => makeSkinTexture({ seed: 1, sizePx: 0, patchMm: 40, conditions: [] })).toThrow(RangeError);
    expect(() => makeSkinTexture({ seed: 1, sizePx: 64, patchMm: 0, conditions: [] })).toThrow(RangeError);
  });
});
