import { INTERACTIVE_PARAMS } from '../../../src/session/interactiveParams';
import { describe, expect, it } from 'vitest';
import { parseScenario, penetrationMm, roundValue, runSinglePatient, SERIES, SkinSimulation } from '../../../src/engine/index';
import { InteractiveSession, LogSchema, MAX_HOUR, SetupSchema, stateHash, type LogOp, type SetupInput } from '../../../src/session/index';
import { MAX_STROKES_PER_OP } from '../../../src/session/SessionLog';

const setupInput: SetupInput = { seed: 7, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 64, texturePx: 128 };
const setup = SetupSchema.parse(setupInput);
const withSkin = (skin: SetupInput['skin'], extra: Partial<SetupInput> = {}) => SetupSchema.parse({ ...setupInput, skin, ...extra });
const stroke = (y: number, needleMm = 1.5) => ({ x0Mm: -5, y0Mm: y, x1Mm: 45, y1Mm: y + 0.3, needleMm, pressure: 1, trackOffsetMm: 0 });

describe('InteractiveSession: exact replay', () => {
  it('replaying the log on the same setup rebuilds every bit, however frames chunked time', () => {
    const a = InteractiveSession.create(setup);
    a.applyStrokes(0, [{ ...stroke(12), x0Mm: -5.123456, pressure: 1.2345 }]);
    a.applyPass(0, 1.5, 1);
    for (const h of [1, 2, 5, 9, 30, 31, 47]) a.advance(h, false);
    a.applyStrokes(50, [stroke(20, 2)], 3);
    for (const h of [60, 100, 200, 333]) a.advance(h, false);
    a.advance(340, true);
    a.applyPass(340, 1, 0.9);
    a.advance(500, false);
    const ops = LogSchema.parse(JSON.parse(JSON.stringify(a.ops)));
    const b = InteractiveSession.replay(setup, ops, 500);
    expect(b.hour).toBe(a.hour);
    expect(b.stateHash()).toBe(a.stateHash());
    const sa = a.snapshot();
    const sb = b.snapshot();
    expect(sb.means).toEqual(sa.means);
    expect(sb.sessions).toEqual(sa.sessions);
    expect(sb.warnings).toEqual(sa.warnings);
    expect(sb.passesThisSession).toBe(sa.passesThisSession);
    expect(b.ops).toEqual(a.ops);
  });

  it('quantises what the user did to 10 µm, so a JSON round trip of the log changes nothing', () => {
    const a = InteractiveSession.create(setup);
    a.applyStrokes(0, [{ ...stroke(10), x1Mm: 33.337777, needleMm: 1.5049 }]);
    const op = a.ops[0]!;
    expect(op.op).toBe('strokes');
    if (op.op === 'strokes') {
      expect(op.flat[2]).toBe(33.34);
      expect(op.flat[4]).toBe(1.5);
    }
  });

  it('refuses a log that goes back in time, naming the operation', () => {
    expect(() =>
      InteractiveSession.replay(setup, [{ op: 'advance', hour: 30 }, { op: 'pass', hour: 10, needleMm: 1.5, pressure: 1 }], 40),
    ).toThrow(/ops\[1\]: hour 10 is before/);
  });

  it('rejects a truncated stroke record at the schema', () => {
    const r = LogSchema.safeParse([{ op: 'strokes', hour: 0, flat: [1, 2, 3] }]);
    expect(r.success).toBe(false);
  });
});

describe('InteractiveSession: time', () => {
  it('moves far from any injury, where the engine takes day-long steps (frames asked for less than a day)', () => {
    const s = InteractiveSession.create(setup);
    for (let h = 1; h <= 100; h += 1) s.advance(h, false);
    // Day-long steps land on whole days: at most one step short of the clock.
    expect(s.hour).toBe(96);
    s.advance(100, true);
    expect(s.hour).toBe(100);
  });

  it('gives the same skin for the same events, whether the clock moved in small frames or in one jump', () => {
    const a = InteractiveSession.create(setup);
    const b = InteractiveSession.create(setup);
    a.applyPass(0, 1.5, 1);
    b.applyPass(0, 1.5, 1);
    for (let h = 1; h <= 24 * 9; h += 3) a.advance(h, false);
    b.advance(24 * 9, false);
    a.advance(24 * 9, true);
    b.advance(24 * 9, true);
    expect(a.stateHash()).toBe(b.stateHash());
  });
});

describe('InteractiveSession: passes follow the engine policy, as in the CLI', () => {
  it('15 passes at hour 0 give the skin of the CLI bit for bit, and its series within 0.005 as time goes on', () => {
    const scenario = parseScenario({
      version: 1,
      seed: 7,
      skin: { region: 'cheek', phototype: 3, conditions: [] },
      grid: { cells: 64 },
      sessions: [{ day: 0, needleMm: 1.5, passes: 15 }],
      days: 2,
    });
    const cli = runSinglePatient(scenario).result;
    const app = InteractiveSession.create(setup);
    for (let k = 0; k < 15; k++) app.applyPass(0, 1.5, 1);
    expect(app.snapshot().passesThisSession).toBe(15);
    // The same pass policy: right after rolling, the very same fields as the engine's own session call.
    const sim = new SkinSimulation({ seed: 7, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 64 }, params: INTERACTIVE_PARAMS });
    sim.applySession({ needleMm: 1.5, pressure: 1, passes: 15 });
    expect(app.stateHash()).toBe(stateHash(sim.fields));
    // The session view steps finer than a course run (hourly on the injury day): the same model within 0.005.
    for (const [k, hour] of [0, 24, 48].entries()) {
      app.advance(hour, true);
      const m = app.snapshot().means;
      for (const name of SERIES) expect(Math.abs(m[name] - cli.series[name][k]!), `${name} at hour ${hour}`).toBeLessThanOrEqual(0.005);
    }
    // And bit for bit against the engine stepping with the session's parameters.
    sim.advanceTo(48);
    expect(app.stateHash()).toBe(stateHash(sim.fields));
  });
});

describe('InteractiveSession: passes this session follow the state', () => {
  it('counts the open session and drops to 0 once it has ended; the ended session is listed', () => {
    const s = InteractiveSession.create(setup);
    expect(s.snapshot().passesThisSession).toBe(0);
    for (let k = 0; k < 3; k++) s.applyPass(0, 1.5, 1);
    let snap = s.snapshot();
    expect(snap.passesThisSession).toBe(3);
    expect(snap.current?.meanPasses).toBeCloseTo(3, 1);
    s.advance(24, true);
    snap = s.snapshot();
    expect(snap.passesThisSession).toBe(0);
    expect(snap.current).toBeNull();
    expect(snap.sessions).toHaveLength(1);
    expect(snap.sessions[0]!.meanPasses).toBeCloseTo(3, 1);
    s.applyPass(24, 1.5, 1);
    expect(s.snapshot().passesThisSession).toBe(1);
  });
});

describe('InteractiveSession: undo', () => {
  it('takes back the last pass exactly: as if it never happened, seeded stream included', () => {
    const a = InteractiveSession.create(setup);
    const b = InteractiveSession.create(setup);
    for (let k = 0; k < 3; k++) a.applyPass(0, 1.5, 1);
    for (let k = 0; k < 2; k++) b.applyPass(0, 1.5, 1);
    expect(a.canUndo()).toBe(true);
    const r = a.undo();
    expect(r.undone).toBe(true);
    expect(r.log.length).toBe(2);
    expect(a.stateHash()).toBe(b.stateHash());
    expect(a.snapshot().passesThisSession).toBe(2);
    // The next pass is the one that was taken back.
    a.applyPass(0, 1.5, 1);
    b.applyPass(0, 1.5, 1);
    expect(a.stateHash()).toBe(b.stateHash());
  });

  it('takes back every batch of the last drag, and only that drag', () => {
    const a = InteractiveSession.create(setup);
    const b = InteractiveSession.create(setup);
    for (const s of [a, b]) s.applyStrokes(0, [stroke(8)], 1);
    a.applyStrokes(0, [stroke(20)], 2);
    a.applyStrokes(0, [stroke(22)], 2);
    a.applyStrokes(0, [stroke(24)], 2);
    a.undo();
    expect(a.ops).toHaveLength(1);
    expect(a.stateHash()).toBe(b.stateHash());
  });

  it('refuses once time has moved on, and says why', () => {
    const a = InteractiveSession.create(setup);
    expect(a.undo()).toMatchObject({ undone: false, reason: 'Nothing to undo.' });
    a.applyPass(0, 1.5, 1);
    a.advance(3, false);
    expect(a.canUndo()).toBe(false);
    const r = a.undo();
    expect(r.undone).toBe(false);
    expect(r.reason).toMatch(/time has moved on/);
    expect(a.ops).toHaveLength(1);
  });

  it('keeps the clock where it was when the pass came after playing', () => {
    const a = InteractiveSession.create(setup);
    a.advance(30, false);
    const hour = a.hour;
    a.applyPass(hour, 1.5, 1);
    a.undo();
    expect(a.hour).toBe(hour);
    const fresh = InteractiveSession.create(setup);
    fresh.advance(30, false);
    expect(a.stateHash()).toBe(fresh.stateHash());
  });
});

describe('InteractiveSession: chart, warnings, blocking', () => {
  it('samples before and after an injury at the same hour and starts a new epoch on undo', () => {
    const s = InteractiveSession.create(setup);
    // The day-0 point is the "before" point: the chart already has the untouched state, it is not repeated.
    const initial = s.snapshot().samples;
    s.applyPass(0, 1.5, 1);
    const first = s.snapshot().samples;
    expect([...initial.hours, ...first.hours]).toEqual([0, 0]);
    expect(first.values.capillaryIntegrity[0]!).toBeLessThan(initial.values.capillaryIntegrity[0]!);
    // Time moved on without a regular point (1 h < 6 h): the next injury brings its own "before" point.
    s.advance(1, true);
    s.applyPass(1, 1.5, 1);
    const second = s.snapshot().samples;
    expect(second.hours).toEqual([1, 1]);
    expect(second.values.capillaryIntegrity[1]!).toBeLessThan(second.values.capillaryIntegrity[0]!);
    // A drag's batches at one hour: the point before the first and the newest after them wait, no more.
    s.advance(2, true);
    const untouched = s.snapshot().means.capillaryIntegrity;
    for (let k = 0; k < 5; k++) s.applyStrokes(2, [stroke(8 + 4 * k)], 9);
    const snap = s.snapshot();
    const drag = snap.samples;
    expect(drag.hours).toEqual([2, 2]);
    expect(drag.values.capillaryIntegrity).toEqual([untouched, snap.means.capillaryIntegrity]);
    const epoch = first.epoch;
    s.undo();
    const after = s.snapshot().samples;
    expect(after.epoch).not.toBe(epoch);
    // The new epoch's history starts again at day 0, and the taken-back drag left no point.
    expect(after.hours[0]).toBe(0);
    expect(after.hours.filter((h) => h === 2)).toEqual([]);
  });

  it('says when the sessions or warnings changed since the last snapshot (the UI takes them only then)', () => {
    const s = InteractiveSession.create(setup);
    expect(s.snapshot().listsChanged).toBe(true);
    s.advance(10, false);
    expect(s.snapshot().listsChanged).toBe(false);
    s.applyPass(10, 1.5, 1);
    const unchanged = s.snapshot();
    expect(unchanged.listsChanged).toBe(false);
    s.advance(24 * 4, true);
    const ended = s.snapshot();
    expect(ended.sessions).toHaveLength(1);
    expect(ended.listsChanged).toBe(true);
    expect(s.snapshot().listsChanged).toBe(false);
    s.startOver();
    expect(s.snapshot().listsChanged).toBe(true);
  });

  it('lists every warning the engine raises, once, with the day of session events', () => {
    const s = InteractiveSession.create(withSkin({ region: 'periorbital', phototype: 5, conditions: [] }));
    s.applyPass(0, 3, 1);
    const codes = s.snapshot().warnings.map((w) => w.code);
    expect(codes).toContain('pih-risk');
    expect(codes).toContain('needle-too-long-for-region');
    const needle = s.snapshot().warnings.find((w) => w.code === 'needle-too-long-for-region');
    expect(needle?.day).toBe(0);
    s.applyPass(0, 3, 1);
    expect(s.snapshot().warnings.filter((w) => w.code === 'needle-too-long-for-region')).toHaveLength(1);
  });

  it('shows the rules the CLI applies to a course: sessions 3 days apart are too close', () => {
    const s = InteractiveSession.create(setup);
    for (let k = 0; k < 3; k++) s.applyPass(0, 1.5, 1);
    s.advance(72, true);
    expect(s.snapshot().warnings.map((w) => w.code)).not.toContain('interval-too-short');
    s.applyPass(72, 1.5, 1);
    const fresh = s.snapshot();
    const w = fresh.warnings.find((x) => x.code === 'interval-too-short');
    expect(w?.day).toBe(3);
    expect(fresh.newWarnings.map((x) => x.code)).toContain('interval-too-short');
  });

  it('says how long redness stayed visible as the episode grows, not the 3 days when it was first raised (issue 19)', () => {
    const s = InteractiveSession.create(setup);
    const days = (): number | null => {
      const w = s.snapshot().warnings.find((x) => x.code === 'prolonged-erythema');
      const m = w ? /visible for (\d+(?:\.\d+)?) days/.exec(w.message) : null;
      return m ? Number(m[1]) : null;
    };
    let first: number | null = null;
    for (let d = 0; d < 10; d++) {
      for (let k = 0; k < 10; k++) s.applyPass(d * 24, 1.5, 1);
      s.advance((d + 1) * 24, true);
      first ??= days();
    }
    const last = days();
    expect(first).not.toBeNull();
    expect(first!).toBeLessThan(5);
    expect(last!).toBeGreaterThan(first! + 3);
  });

  it('does not blame the user for vessels a condition brings along (rosacea, no session)', () => {
    const s = InteractiveSession.create(withSkin({ region: 'cheek', phototype: 3, conditions: ['rosacea'] }, { override: true }));
    expect(s.info().baseline.telangiectasia).toBeGreaterThan(0.05);
    s.advance(24 * 10, true);
    expect(s.snapshot().warnings.map((w) => w.code)).not.toContain('telangiectasia-visible');
  });

  it('refuses injuries over a blocking contraindication unless overridden', () => {
    const blocked = InteractiveSession.create(withSkin({ region: 'cheek', phototype: 3, conditions: ['herpes'] }));
    expect(blocked.blocked).toBe(true);
    const r = blocked.applyPass(0, 1.5, 1);
    expect(r.accepted).toBe(false);
    expect(r.reason).toMatch(/override/);
    expect(blocked.ops).toHaveLength(0);
    const allowed = InteractiveSession.create(withSkin({ region: 'cheek', phototype: 3, conditions: ['herpes'] }, { override: true }));
    expect(allowed.applyPass(0, 1.5, 1).punctures).toBeGreaterThan(0);
  });

  it('slices the fields along a row and the recent punctures near it for the depth view', () => {
    const s = InteractiveSession.create(setup);
    s.applyStrokes(0, [{ x0Mm: -5, y0Mm: 20, x1Mm: 45, y1Mm: 20, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 }]);
    const pitch = s.info().pitchMm;
    // Needles sit on discs along the drum: some rows of the band are cut by punctures, not every one.
    const cuts = Array.from({ length: 64 }, (_, row) => s.crossSection(row));
    const hit = cuts.filter((c) => c.punctures.count > 0);
    expect(hit.length).toBeGreaterThan(3);
    for (const [row, cut] of cuts.entries()) {
      expect(cut.columns.W.length).toBe(64);
      if (cut.punctures.count > 0) expect(Math.abs((row + 0.5) * pitch - 20)).toBeLessThan(10.5);
      for (let k = 0; k < cut.punctures.count; k++) expect(cut.punctures.depthMm[k]!).toBeGreaterThan(0);
    }
    const far = s.crossSection(2);
    expect(far.punctures.count).toBe(0);
  });

  it('puts the tip of the needle as set now into the depth view at the engine penetration depth', () => {
    const skins: SetupInput['skin'][] = [setupInput.skin, { region: 'forehead', phototype: 5, conditions: ['acne-scars'] }];
    for (const skin of skins) {
      const s = InteractiveSession.create(withSkin(skin));
      expect(s.crossSection(10).needleTipMm).toBeUndefined();
      const tips = [
        [0.25, 1],
        [1.5, 1],
        [2.5, 1],
        [1, 0.5],
        [2, 1.5],
      ].map(([needleMm, pressure]) => {
        const tip = s.crossSection(10, { needleMm: needleMm!, pressure: pressure! }).needleTipMm!;
        expect(tip).toBe(penetrationMm(s.simulation.params, needleMm!, pressure!, 1, 0));
        return tip;
      });
      // Longer needles and harder pressure reach deeper; never past the needle itself.
      expect(tips[0]!).toBeLessThan(tips[1]!);
      expect(tips[1]!).toBeLessThan(tips[2]!);
      expect(tips[2]!).toBeLessThanOrEqual(2.5);
    }
  });
});

describe('InteractiveSession: the log over long drags (issue 9)', () => {
  /** The UI's mirror of the log, kept from the deltas alone (as AppEngine does). */
  const mirror = (into: LogOp[], delta: { length: number; appended: LogOp[] }): void => {
    into.length = delta.length - delta.appended.length;
    into.push(...delta.appended);
  };
  const seg = (k: number) => ({ x0Mm: 5 + (k % 30), y0Mm: 10 + (k % 7), x1Mm: 6 + (k % 30), y1Mm: 10.5 + (k % 7), needleMm: 1, pressure: 1, trackOffsetMm: 0 });

  it("gathers a drag's batches at one hour into one operation, replays them exactly, and the mirror follows", () => {
    const a = InteractiveSession.create(setup);
    const b = InteractiveSession.create(setup);
    const copy: LogOp[] = [];
    const batches = 300;
    for (let k = 0; k < batches; k++) {
      const strokes = [seg(2 * k), seg(2 * k + 1)];
      mirror(copy, a.applyStrokes(0, strokes, k < 200 ? 1 : 2).log);
      b.applyStrokes(0, strokes); // no gesture: every batch its own operation
    }
    // 400 strokes of drag 1 (at most MAX_STROKES_PER_OP per operation), 200 of drag 2.
    expect(a.ops.map((op) => (op.op === 'strokes' ? op.flat.length / 7 : 0))).toEqual([MAX_STROKES_PER_OP, 400 - MAX_STROKES_PER_OP, 200]);
    expect(b.ops).toHaveLength(batches);
    expect(copy).toEqual(a.ops);
    expect(a.stateHash()).toBe(b.stateHash());
    const replayed = InteractiveSession.replay(setup, LogSchema.parse(JSON.parse(JSON.stringify(a.ops))), 0);
    expect(replayed.stateHash()).toBe(a.stateHash());
    // Undo takes back the whole last drag.
    a.undo();
    expect(a.ops).toHaveLength(2);
  });

  it('a replay keeps the log as given (batch by batch), and a new batch of the same drag is gathered into its last', () => {
    const old = InteractiveSession.create(setup);
    const saved: LogOp[] = [];
    for (let k = 0; k < 5; k++) saved.push(...old.applyStrokes(0, [seg(k)]).log.appended.map((op) => ({ ...op, gesture: 4 })));
    const s = InteractiveSession.replay(setup, saved, 0);
    expect(s.ops).toEqual(saved);
    const copy = [...saved];
    mirror(copy, s.applyStrokes(0, [seg(9)], 4).log);
    expect(s.ops).toHaveLength(5);
    expect(copy).toEqual(s.ops);
  });

  it('refuses injuries once the log would hold more than a saved session can replay, and says why', () => {
    const room = 12;
    const s = InteractiveSession.create(setup, { maxLogOps: MAX_HOUR + room });
    let accepted = 0;
    let refusal = '';
    for (let k = 0; k < 3 * room; k++) {
      const r = k % 2 === 0 ? s.applyPass(0, 1, 1) : s.applyStrokes(0, [seg(k)]);
      if (r.accepted) accepted++;
      else refusal = r.reason ?? '';
    }
    expect(accepted).toBe(room - 1);
    expect(refusal).toMatch(/record is full: a saved session replays at most 200000 recorded steps/);
    // The clock still steps (its room was kept); five hours on, the four operations they no longer need are free.
    expect(s.advance(5, true).log.length).toBe(room);
    const more = Array.from({ length: 6 }, () => s.applyPass(5, 1, 1).accepted);
    expect(more).toEqual([true, true, true, true, false, false]);
    // However the clock is stepped from here to the last hour, the log stays replayable.
    expect(s.ops.length + (MAX_HOUR - s.hour)).toBeLessThanOrEqual(MAX_HOUR + room);
  });
});
