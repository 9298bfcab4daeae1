import { transfer, type Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { useEngineChannel } from '../../fixtures/engineChannel';
import { createEngineApi, type EngineApi } from '../../../workers/engineApi';
import type { SetupInput } from '../../../workers/messages';

const setup: SetupInput = { seed: 7, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 64, texturePx: 128 };

describe('engine API over a MessageChannel (as in the worker)', () => {
  let api: Remote<EngineApi>;
  useEngineChannel((opened) => (api = opened));

  it('shades a frame into the transferred buffer and hands it back', async () => {
    await api.init(setup);
    const pixels = new Uint8Array(128 * 128 * 4);
    const result = await api.frame({ layer: 'surface' }, transfer(pixels, [pixels.buffer]));
    expect(pixels.byteLength).toBe(0); // moved, not copied
    expect(result.pixels.length).toBe(128 * 128 * 4);
    expect(result.pixels[3]).toBe(255);
    expect(result.snapshot.hour).toBe(0);
    expect(result.snapshot.means.capillaryIntegrity).toBeCloseTo(1, 6);
  });

  it('rejects a bad message with the field and its range, and keeps working', async () => {
    await api.init(setup);
    await expect(api.applyStrokes({ atHour: 0, strokes: [{ x0Mm: 0, y0Mm: 0, x1Mm: 5, y1Mm: 0, needleMm: 7 }] })).rejects.toThrow(
      /strokes\[0\]\.needleMm: 7 is above the maximum; allowed 0\.25–3 mm/,
    );
    await expect(api.advance({ toHour: -1, exact: true })).rejects.toThrow(/toHour: -1 is below the minimum/);
    await expect(api.frame({ layer: 'xray' }, new Uint8Array(128 * 128 * 4))).rejects.toThrow(/layer: "xray" is not allowed; allowed: surface/);
    await expect(api.advance({ toHour: 5, exact: true, extra: 1 })).rejects.toThrow(/unknown field "extra"/);
    await expect(api.init({ ...setup, skin: { region: 'knee', phototype: 3 } })).rejects.toThrow(/skin\.region: "knee" is not allowed/);
    await expect(api.applyPass({ atHour: 0, needleMm: 1.5, pressure: 1, passIndex: 3 })).rejects.toThrow(/unknown field "passIndex"/);
    expect((await api.advance({ toHour: 5, exact: true })).hour).toBe(5);
  });

  it('blocks strokes over a blocking contraindication unless overridden', async () => {
    const blocked = await api.init({ ...setup, skin: { region: 'cheek', phototype: 3, conditions: ['herpes'] } });
    expect(blocked.blocked).toBe(true);
    const stroke = { x0Mm: 0, y0Mm: 20, x1Mm: 40, y1Mm: 20, needleMm: 1.5 };
    const refused = await api.applyStrokes({ atHour: 0, strokes: [stroke] });
    expect(refused.accepted).toBe(false);
    expect(refused.punctures).toBe(0);
    await api.init({ ...setup, override: true, skin: { region: 'cheek', phototype: 3, conditions: ['herpes'] } });
    const accepted = await api.applyStrokes({ atHour: 0, strokes: [stroke] });
    expect(accepted.accepted).toBe(true);
    expect(accepted.punctures).toBeGreaterThan(0);
  });
});

describe('stroke → punctures at the view/worker boundary', () => {
  it('a 40 mm horizontal stroke leaves ≈ 15.3/cm² over the drum band and nothing far from it', () => {
    const api = createEngineApi();
    api.init({ ...setup, gridCells: 160 });
    const r = api.applyStrokes({ atHour: 0, strokes: [{ x0Mm: 0, y0Mm: 20, x1Mm: 40, y1Mm: 20, needleMm: 1.5 }] });
    // 4 cm × 2 cm band at 15.28/cm² → 122 expected; Poisson σ ≈ 11.
    expect(r.punctures).toBeGreaterThan(122 - 4 * 11);
    expect(r.punctures).toBeLessThan(122 + 4 * 11);
    const near = api.inspect({ ix: 80, iy: 80 });
    const far = api.inspect({ ix: 80, iy: 20 }); // 15 mm from the path: beyond the drum and the kernel
    expect(near.passes).toBe(1);
    expect(far.passes).toBe(0);
    expect(far.sessionDensityPerCm2).toBe(0);
    expect(far.state.W).toBe(0);
  });

  it('the operation log replays to a bit-identical state, however the frames chunked time', () => {
    const a = createEngineApi();
    a.init(setup);
    const buf = new Uint8Array(128 * 128 * 4);
    a.applyStrokes({ atHour: 0, strokes: [{ x0Mm: -5, y0Mm: 12, x1Mm: 45, y1Mm: 14, needleMm: 1.5, pressure: 1.2 }] });
    a.applyPass({ atHour: 0, needleMm: 1.5, pressure: 1 });
    for (const h of [1, 2, 5, 9, 30, 31, 47]) a.frame({ layer: 'surface', toHour: h }, buf);
    a.applyStrokes({ atHour: 50, strokes: [{ x0Mm: 20.123, y0Mm: -3, x1Mm: 21, y1Mm: 43, needleMm: 2 }] });
    for (const h of [60, 100, 200, 333]) a.frame({ layer: 'erythema', toHour: h }, buf);
    a.advance({ toHour: 340, exact: true });
    a.frame({ layer: 'surface', toHour: 500 }, buf);
    const log = a.getLog();
    const b = createEngineApi();
    b.replay({ setup, ops: log.ops, hour: 500 });
    const fa = a.frame({ layer: 'surface' }, new Uint8Array(128 * 128 * 4));
    const fb = b.frame({ layer: 'surface' }, new Uint8Array(128 * 128 * 4));
    expect(fb.snapshot.hour).toBe(fa.snapshot.hour);
    expect(fb.snapshot.means).toEqual(fa.snapshot.means);
    expect(b.stateHash()).toEqual(a.stateHash());
    for (const [ix, iy] of [[10, 12], [32, 32], [50, 3]] as const) {
      expect(b.inspect({ ix, iy }).state).toEqual(a.inspect({ ix, iy }).state);
    }
    expect(Array.from(fb.pixels)).toEqual(Array.from(fa.pixels));
  });

  it('refuses a corrupted saved session with a clear message', () => {
    const api = createEngineApi();
    expect(() => api.replay({ setup, ops: [{ op: 'strokes', hour: 0, flat: [1, 2, 3] }], hour: 0 })).toThrow(/saved session: ops\[0\]\.flat: a stroke record is truncated/);
    expect(() => api.replay({ setup, ops: [{ op: 'strokes', hour: 0, flat: [0, 0, 5, 0, 9, 1, 0] }], hour: 0 })).toThrow(/ops\[0\]: a stroke is out of range/);
    expect(() => api.replay({ setup, ops: [{ op: 'jump', hour: 0 }], hour: 0 })).toThrow(/saved session: ops\[0\]/);
  });
});
