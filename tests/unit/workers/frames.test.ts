/**
 * Dirty-rectangle frames through the worker API (issue 8): the worker sends only the rectangle a
 * stroke changed, the main thread pastes it into the picture it holds (applySkinFrame, the view's own
 * rule), and the picture is then byte for byte the full frame shaded at the end.
 */
import { transfer, type Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { useEngineChannel } from '../../fixtures/engineChannel';
import type { Stroke } from '../../../src/engine/index';
import { penetrationMm } from '../../../src/engine/index';
import { depthToY } from '../../../src/shading/crossSection';
import { applySkinFrame } from '../../../src/view/skinFrame';
import { createEngineApi, type EngineApi, type FrameResult } from '../../../workers/engineApi';
import type { FrameRequest, SetupInput } from '../../../workers/messages';

const SIZE = 320;
const setup: SetupInput = { seed: 21, skin: { region: 'cheek', phototype: 4, conditions: ['acne-scars'] }, gridCells: 80, texturePx: SIZE };

/** The main thread's side: the picture on screen, the spare buffer, and the frame it holds. */
class Screen {
  picture: Uint8Array = new Uint8Array(SIZE * SIZE * 4);
  spare: Uint8Array = new Uint8Array(SIZE * SIZE * 4);
  since: number | undefined;
  readonly kinds: ('full' | 'rect' | 'empty')[] = [];
  readonly areas: number[] = [];

  constructor(private readonly api: Remote<EngineApi>) {}

  async frame(request: Omit<FrameRequest, 'since'>, apply = true): Promise<FrameResult> {
    const buf = this.spare;
    const f = await this.api.frame({ ...request, ...(this.since !== undefined ? { since: this.since } : {}) }, transfer(buf, [buf.buffer]));
    expect(buf.byteLength).toBe(0); // moved, not copied
    if (!apply) {
      this.spare = f.pixels;
      return f;
    }
    const a = applySkinFrame(this.picture, SIZE, f);
    this.picture = a.picture;
    this.spare = a.free;
    this.since = f.seq;
    const area = (f.rect.x1 - f.rect.x0) * (f.rect.y1 - f.rect.y0);
    this.kinds.push(f.full ? 'full' : area > 0 ? 'rect' : 'empty');
    if (!f.full) this.areas.push(area / (SIZE * SIZE));
    return f;
  }
}

/** A pointer drag: short gently curving segments, 1–3 per batch, as the view sends them. */
function drag(from: [number, number], segments: number, seed: number): Stroke[][] {
  const batches: Stroke[][] = [];
  let [x, y] = from;
  let heading = seed;
  let batch: Stroke[] = [];
  for (let k = 0; k < segments; k++) {
    heading += 0.35 * Math.sin(k * 0.9 + seed);
    let nx = x + 1.7 * Math.cos(heading);
    let ny = y + 1.7 * Math.sin(heading);
    if (nx < 0.5 || nx > 39.5 || ny < 0.5 || ny > 39.5) {
      // Turn back at the edge of the patch.
      heading += Math.PI;
      nx = x + 1.7 * Math.cos(heading);
      ny = y + 1.7 * Math.sin(heading);
    }
    batch.push({ x0Mm: x, y0Mm: y, x1Mm: nx, y1Mm: ny, needleMm: 1.5, pressure: 1.1, trackOffsetMm: 0 });
    x = nx;
    y = ny;
    if (batch.length === 1 + (batches.length % 3)) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function firstDifference(a: Uint8Array, b: Uint8Array): string | null {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      const px = i >> 2;
      return `pixel (${px % SIZE}, ${Math.floor(px / SIZE)}) channel ${i & 3}: ${a[i]} vs ${b[i]}`;
    }
  }
  return null;
}

describe('dirty-rectangle frames over a MessageChannel (as in the worker)', () => {
  let api: Remote<EngineApi>;
  useEngineChannel((opened) => (api = opened));

  /** A full frame of the current state, shaded whole (another screen that holds nothing). */
  async function fullNow(layer: FrameRequest['layer']): Promise<Uint8Array> {
    const f = await api.frame({ layer }, transfer(new Uint8Array(SIZE * SIZE * 4), []));
    expect(f.full).toBe(true);
    return f.pixels;
  }

  it('strokes arrive as rectangles, and pasted into the picture they give exactly the full frame', async () => {
    await api.init(setup);
    const screen = new Screen(api);
    await api.applyPass({ atHour: 0, needleMm: 1, pressure: 1 });
    await api.advance({ toHour: 3, exact: true });
    await screen.frame({ layer: 'surface' });
    let gesture = 1;
    for (const [start, seed] of [
      [[3, 5], 0.2],
      [[30, 35], 2.5],
      [[20, 1], 4.1],
    ] as const) {
      for (const batch of drag([start[0], start[1]], 40, seed)) {
        const r = await api.applyStrokes({ atHour: 3, strokes: batch, gesture });
        expect(r.accepted).toBe(true);
        await screen.frame({ layer: 'surface' });
      }
      gesture++;
    }
    expect(screen.kinds[0]).toBe('full');
    expect(screen.kinds.slice(1).every((k) => k === 'rect')).toBe(true);
    expect(screen.kinds.length).toBeGreaterThan(60);
    // Each stroke re-shades a part of the frame, not all of it.
    const mean = screen.areas.reduce((a, b) => a + b, 0) / screen.areas.length;
    expect(mean).toBeLessThan(0.5);
    expect(firstDifference(screen.picture, await fullNow('surface'))).toBeNull();
  });

  it('the data layers too, and a frame with nothing new carries an empty rectangle', async () => {
    await api.init(setup);
    const screen = new Screen(api);
    await screen.frame({ layer: 'erythema' });
    for (const batch of drag([10, 30], 24, 1.3)) {
      await api.applyStrokes({ atHour: 0, strokes: batch, gesture: 1 });
      await screen.frame({ layer: 'erythema' });
    }
    const idle = await screen.frame({ layer: 'erythema' });
    expect(idle.full).toBe(false);
    expect(idle.rect.x1 - idle.rect.x0).toBe(0);
    expect(screen.kinds.filter((k) => k === 'rect').length).toBeGreaterThan(10);
    expect(firstDifference(screen.picture, await fullNow('erythema'))).toBeNull();
  });

  it('a new hour, layer, pass, undo or skin sends a full frame; so does a frame the screen never applied', async () => {
    await api.init(setup);
    const screen = new Screen(api);
    const strokes = (x: number): Stroke[] => [{ x0Mm: x, y0Mm: 20, x1Mm: x + 2, y1Mm: 21, needleMm: 1, pressure: 1, trackOffsetMm: 0 }];
    const kind = async (request: Omit<FrameRequest, 'since'>, apply = true): Promise<string> => {
      const f = await screen.frame(request, apply);
      return f.full ? 'full' : f.rect.x1 > f.rect.x0 ? 'rect' : 'empty';
    };
    expect(await kind({ layer: 'surface' })).toBe('full');
    await api.applyStrokes({ atHour: 0, strokes: strokes(5), gesture: 1 });
    expect(await kind({ layer: 'surface' })).toBe('rect');
    await api.applyStrokes({ atHour: 2, strokes: strokes(9), gesture: 2 });
    expect(await kind({ layer: 'surface' })).toBe('full'); // the hour moved to bring the strokes there
    expect(await kind({ layer: 'coverage' })).toBe('full');
    await api.applyStrokes({ atHour: 2, strokes: strokes(13), gesture: 3 });
    expect(await kind({ layer: 'coverage' })).toBe('rect');
    await api.applyPass({ atHour: 2, needleMm: 1, pressure: 1 });
    expect(await kind({ layer: 'coverage' })).toBe('full');
    await api.applyStrokes({ atHour: 2, strokes: strokes(17), gesture: 4 });
    expect(await kind({ layer: 'coverage' })).toBe('rect');
    await api.undo();
    expect(await kind({ layer: 'coverage' })).toBe('full');
    expect(await kind({ layer: 'coverage', toHour: 5 })).toBe('full');
    // A frame the screen drops: the next one cannot patch a picture the screen does not have.
    await api.applyStrokes({ atHour: 5, strokes: strokes(21), gesture: 5 });
    expect(await kind({ layer: 'coverage' }, false)).toBe('rect');
    expect(await kind({ layer: 'coverage' })).toBe('full');
    await api.replay({ setup: { ...setup, skin: { ...setup.skin, phototype: 2 } }, ops: (await api.getLog()).ops, hour: 5 });
    expect(await kind({ layer: 'coverage' })).toBe('full');
    await api.startOver();
    expect(await kind({ layer: 'coverage' })).toBe('full');
    expect(firstDifference(screen.picture, await fullNow('coverage'))).toBeNull();
  });

  it('when the puncture ring buffer drops marks that still show, the frame is a full one', async () => {
    await api.init({ ...setup, gridCells: 32, texturePx: 64 });
    const small = 64;
    const pictureOf = async (since?: number): Promise<FrameResult> => api.frame({ layer: 'surface', ...(since !== undefined ? { since } : {}) }, new Uint8Array(small * small * 4));
    // Fill the log (2¹⁷ punctures) at hour 0 with long strokes across the patch.
    let total = 0;
    for (let k = 0; total < (1 << 17) + 2000; k++) {
      const y = (k * 0.37) % 40;
      const batch = Array.from({ length: 40 }, () => ({ x0Mm: -2, y0Mm: y, x1Mm: 42, y1Mm: y, needleMm: 1.5, pressure: 1 }));
      total += (await api.applyStrokes({ atHour: 0, strokes: batch })).punctures;
    }
    let f = await pictureOf();
    let picture = f.pixels;
    await api.applyStrokes({ atHour: 0, strokes: [{ x0Mm: 1, y0Mm: 1, x1Mm: 3, y1Mm: 1, needleMm: 1.5, pressure: 1 }] });
    f = await pictureOf(f.seq);
    expect(f.full).toBe(true);
    picture = applySkinFrame(picture, small, f).picture;
    const whole = (await pictureOf()).pixels;
    expect(Buffer.from(picture).equals(Buffer.from(whole))).toBe(true);
  });
});

describe('the needle tip in the depth view', () => {
  it('is drawn at the engine penetrationMm of the needle and pressure in the request', async () => {
    const api = createEngineApi();
    const info = api.init(setup);
    const W = 320;
    const H = 200;
    for (const [needleMm, pressure] of [
      [0.25, 1],
      [1.5, 1],
      [2.5, 1],
      [1, 1.4],
      [2, 0.6],
    ] as const) {
      const f = api.frame(
        { layer: 'surface', crossSection: { row: 40, widthPx: W, heightPx: H, needleMm, pressure } },
        new Uint8Array(SIZE * SIZE * 4),
        new Uint8Array(W * H * 4),
      );
      const tip = f.crossSection!.needleTipMm!;
      expect(tip).toBe(penetrationMm(info.params, needleMm, pressure, 1, 0));
      // The dashed line: needle blue along the tip's row, in 6-on/4-off dashes at the left.
      const y = Math.round(depthToY(tip, info.crossDepthMm) * H - 0.5);
      const blueAt = (x: number, row: number): boolean => {
        const o = (row * W + x) * 4;
        const px = f.crossSection!.pixels;
        return px[o + 2]! > 150 && px[o + 2]! > px[o]! + 60;
      };
      expect([0, 1, 2, 3, 4, 5, 10, 11, 20].every((x) => blueAt(x, y))).toBe(true);
      expect([7, 8, 17, 18].some((x) => blueAt(x, y))).toBe(false);
    }
    // Without a needle in the request: no tip.
    const none = api.frame({ layer: 'surface', crossSection: { row: 40, widthPx: W, heightPx: H } }, new Uint8Array(SIZE * SIZE * 4), new Uint8Array(W * H * 4));
    expect(none.crossSection!.needleTipMm).toBeNull();
  });

  it('refuses a needle or pressure out of range, naming the field', () => {
    const api = createEngineApi();
    api.init(setup);
    const cross = { row: 4, widthPx: 64, heightPx: 64 };
    expect(() => api.frame({ layer: 'surface', crossSection: { ...cross, needleMm: 9 } }, new Uint8Array(SIZE * SIZE * 4))).toThrow(/crossSection\.needleMm: 9 is above the maximum/);
    expect(() => api.frame({ layer: 'surface', crossSection: { ...cross, needleMm: 1, pressure: -1 } }, new Uint8Array(SIZE * SIZE * 4))).toThrow(/crossSection\.pressure/);
    expect(() => api.frame({ layer: 'surface', since: -2 }, new Uint8Array(SIZE * SIZE * 4))).toThrow(/since: -2 is below the minimum/);
  });
});
