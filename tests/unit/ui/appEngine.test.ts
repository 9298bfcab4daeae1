import { describe, expect, it } from 'vitest';
import { parseScenario, roundValue, runSinglePatient, SERIES, SkinSimulation } from '../../../src/engine/index';
import { INTERACTIVE_PARAMS } from '../../../src/session/interactiveParams';
import { stateHash, type LogOp } from '../../../src/session/index';
import { createAppStore } from '../../../src/ui/appStore';
import { SimClock } from '../../../src/ui/clock';
import { AppEngine } from '../../../src/ui/engine/AppEngine';
import { WorkerHost, type EngineWorker } from '../../../src/ui/engine/WorkerHost';
import { DEFAULT_SETTINGS, setupOf } from '../../../src/ui/settings';
import { applySkinFrame } from '../../../src/view/skinFrame';
import { openEngineChannel } from '../../fixtures/engineChannel';
import { referenceSim } from '../../fixtures/engine';

const CELLS = 48;
const TEXTURE = 64;

/** An engine worker in Node: the real API behind a MessageChannel; `terminate` cuts the channel (a dead worker). */
function nodeWorker(): EngineWorker {
  const { port, close } = openEngineChannel();
  return Object.assign(port, { terminate: close }) as unknown as EngineWorker;
}

function makeApp(deadlineMs = 20_000) {
  const store = createAppStore(DEFAULT_SETTINGS);
  const clock = new SimClock();
  const host = new WorkerHost({ create: nodeWorker, deadlineMs });
  const engine = new AppEngine({ store, host, clock });
  const setup = setupOf(DEFAULT_SETTINGS, CELLS, TEXTURE);
  return { store, clock, host, engine, setup };
}

/** The log with consecutive stroke batches of one drag at one hour joined (how a fast hand's batches travel). */
function normalised(ops: readonly LogOp[]): LogOp[] {
  const out: LogOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (last?.op === 'strokes' && op.op === 'strokes' && last.gesture === op.gesture && last.hour === op.hour) {
      out[out.length - 1] = { ...last, flat: [...last.flat, ...op.flat] };
    } else out.push(op);
  }
  return out;
}

async function hashOf(engine: AppEngine): Promise<string> {
  await engine.idle();
  const r = await engine.read((c) => c.stateHash());
  if (r === null) throw new Error('engine busy');
  return r.hash;
}

describe('one ordered intent queue (issue 9)', () => {
  it('15 passes fired without waiting give the same skin as 15 awaited one by one, and as the CLI session', async () => {
    const fast = makeApp();
    await fast.engine.start(fast.setup, null);
    const all: Promise<void>[] = [];
    for (let k = 0; k < 15; k++) all.push(fast.engine.pass());
    await Promise.all(all);

    const slow = makeApp();
    await slow.engine.start(slow.setup, null);
    for (let k = 0; k < 15; k++) await slow.engine.pass();

    const fastHash = await hashOf(fast.engine);
    expect(fastHash).toBe(await hashOf(slow.engine));
    expect(fast.engine.ops).toEqual(slow.engine.ops);

    // The CLI's single 15-pass session with the same seed: the engine's own session, bit for bit…
    const sim = referenceSim({ seed: DEFAULT_SETTINGS.seed, grid: { cells: CELLS } });
    sim.applySession({ needleMm: DEFAULT_SETTINGS.needleMm, pressure: DEFAULT_SETTINGS.pressure, passes: 15 });
    expect(fastHash).toBe(stateHash(sim.fields));
    // …and the CLI runner's series at day 0 and day 1, stepped as the session view steps (its finer
    // ladder, src/session/interactiveParams.ts; the CLI's own ladder agrees within 0.005, not bit for bit).
    const cli = runSinglePatient(
      parseScenario({
        version: 1,
        seed: DEFAULT_SETTINGS.seed,
        skin: DEFAULT_SETTINGS.skin,
        grid: { cells: CELLS },
        sessions: [{ day: 0, needleMm: DEFAULT_SETTINGS.needleMm, passes: 15 }],
        days: 1,
      }),
      { params: INTERACTIVE_PARAMS },
    ).result;
    await fast.engine.step(24);
    const f = await fast.engine.frame('surface', undefined, null);
    expect(f).not.toBeNull();
    for (const name of SERIES) expect(roundValue(f!.snapshot.means[name]), name).toBe(cli.series[name][1]);
    expect(f!.snapshot.sessions[0]!.meanPasses).toBeCloseTo(15, 0);
  });

  it('a burst of mixed intents (strokes of one drag, passes, steps, undo) equals the same intents applied slowly', async () => {
    const script = async (engine: AppEngine, wait: boolean): Promise<void> => {
      const g = engine.nextGesture();
      const steps: (() => Promise<void>)[] = [
        () => engine.pass(),
        () => engine.strokes([{ x0Mm: 0, y0Mm: 10, x1Mm: 20, y1Mm: 10.5, needleMm: 1, pressure: 1, trackOffsetMm: 0 }], g),
        () => engine.strokes([{ x0Mm: 20, y0Mm: 10.5, x1Mm: 39, y1Mm: 12, needleMm: 1, pressure: 1, trackOffsetMm: 0 }], g),
        () => engine.pass(),
        () => engine.undo(),
        () => engine.step(1),
        () => engine.pass(),
        () => engine.step(24),
      ];
      const all: Promise<void>[] = [];
      for (const s of steps) {
        const p = s();
        if (wait) await p;
        all.push(p);
      }
      await Promise.all(all);
    };
    const a = makeApp();
    const b = makeApp();
    await a.engine.start(a.setup, null);
    await b.engine.start(b.setup, null);
    await script(a.engine, false);
    await script(b.engine, true);
    // The fast burst sends the two batches of the drag as one message, the slow hand as two that the
    // log gathers into one operation: the same log, the same strokes in the same order.
    expect(a.engine.ops).toEqual(b.engine.ops);
    expect(normalised(a.engine.ops)).toEqual(a.engine.ops);
    expect(await hashOf(a.engine)).toBe(await hashOf(b.engine));
    expect(a.engine.ops.filter((op) => op.op === 'pass')).toHaveLength(2);
  });
});

describe('worker faults: notice, restart, replay, nothing lost', () => {
  it('a worker that stops answering is replaced after the deadline and the state rebuilt from the log', async () => {
    const ref = makeApp();
    await ref.engine.start(ref.setup, null);
    for (let k = 0; k < 3; k++) await ref.engine.pass();
    await ref.engine.step(6);
    await ref.engine.pass();

    const app = makeApp(1500);
    await app.engine.start(app.setup, null);
    for (let k = 0; k < 3; k++) await app.engine.pass();
    app.host.kill();
    const during = [app.engine.step(6), app.engine.pass()];
    await Promise.all(during);
    expect(app.engine.recoveries).toBe(1);
    expect(app.store.workerStatus.get()).toBe('ready');
    expect(app.store.notices.get().find((n) => n.key === 'worker')?.text).toMatch(/restarted; your session was rebuilt/);
    expect(app.engine.ops).toEqual(ref.engine.ops);
    expect(await hashOf(app.engine)).toBe(await hashOf(ref.engine));
  });

  it('a worker error event triggers the recovery at once, even with nothing waiting', async () => {
    const app = makeApp();
    await app.engine.start(app.setup, null);
    await app.engine.pass();
    const before = await hashOf(app.engine);
    const generation = app.host.generation;
    const heard: string[] = [];
    app.store.announce.subscribe((t) => heard.push(t));
    (app.host as unknown as { worker: EventTarget }).worker.dispatchEvent(new Event('error'));
    await new Promise((ok) => setTimeout(ok, 0));
    await app.engine.idle();
    for (let k = 0; k < 50 && app.store.workerStatus.get() !== 'ready'; k++) await new Promise((ok) => setTimeout(ok, 20));
    expect(app.host.generation).toBe(generation + 1);
    expect(heard.some((t) => /stopped/.test(t))).toBe(true);
    expect(await hashOf(app.engine)).toBe(before);
  });
});

describe('saved sessions', () => {
  it('start() replays a saved log exactly and refuses a corrupt one without half-loading it', async () => {
    const a = makeApp();
    await a.engine.start(a.setup, null);
    await a.engine.pass();
    await a.engine.step(30);
    await a.engine.pass();
    const saved = { ops: [...a.engine.ops], clockHours: 40.5 };
    a.clock.hours = 40.5;
    await a.engine.frame('surface', 40, null);

    const b = makeApp();
    expect(await b.engine.start(b.setup, saved)).toBeNull();
    expect(b.clock.hours).toBe(40.5);
    expect(await hashOf(b.engine)).toBe(await hashOf(a.engine));

    const c = makeApp();
    const corrupt = { ops: [{ op: 'pass' as const, hour: 50, needleMm: 1.5, pressure: 1 }, { op: 'advance' as const, hour: 10 }], clockHours: 60 };
    const message = await c.engine.start(c.setup, corrupt);
    expect(message).toMatch(/ops\[1\]: hour 10 is before/);
    expect(c.engine.ops).toEqual([]);
    expect(c.clock.hours).toBe(0);
    const fresh = makeApp();
    await fresh.engine.start(fresh.setup, null);
    expect(await hashOf(c.engine)).toBe(await hashOf(fresh.engine));
  });
});

describe('frames the view holds (issue 8: strokes shade only what they touch)', () => {
  /** The view's side: the picture it holds, as SkinView applies frames (applySkinFrame) and reports them (shown). */
  async function draw(app: ReturnType<typeof makeApp>, view: { picture: Uint8Array }): Promise<'full' | 'rect' | 'empty'> {
    const f = await app.engine.frame('surface', undefined, null);
    if (f === null) throw new Error('frame did not run');
    const a = applySkinFrame(view.picture, TEXTURE, f);
    app.engine.shown(f);
    app.engine.release(a.free, null);
    view.picture = a.picture;
    return f.full ? 'full' : f.rect.x1 > f.rect.x0 ? 'rect' : 'empty';
  }

  it('after strokes only the changed rectangle comes; a restarted worker sends a whole frame first', async () => {
    const app = makeApp(1500);
    await app.engine.start(app.setup, null);
    const view = { picture: new Uint8Array(TEXTURE * TEXTURE * 4) };
    expect(await draw(app, view)).toBe('full');
    const g = app.engine.nextGesture();
    const kinds: string[] = [];
    for (let k = 0; k < 6; k++) {
      await app.engine.strokes([{ x0Mm: 4 + 5 * k, y0Mm: 30, x1Mm: 8 + 5 * k, y1Mm: 31, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 }], g);
      kinds.push(await draw(app, view));
    }
    expect(kinds).toEqual(['rect', 'rect', 'rect', 'rect', 'rect', 'rect']);
    // The worker dies; the next stroke finds it gone, a new one replays the log: its first frame is whole.
    app.host.kill();
    await app.engine.strokes([{ x0Mm: 10, y0Mm: 5, x1Mm: 14, y1Mm: 6, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 }], g);
    expect(app.engine.recoveries).toBe(1);
    expect(await draw(app, view)).toBe('full');
    await app.engine.strokes([{ x0Mm: 20, y0Mm: 5, x1Mm: 24, y1Mm: 6, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 }], g);
    expect(await draw(app, view)).toBe('rect');
    // What the view holds is the whole frame of the state now, byte for byte.
    const whole = await app.engine.read((c) => c.frame('surface', undefined, null));
    expect(whole?.full).toBe(true);
    expect(Buffer.from(view.picture).equals(Buffer.from(whole!.pixels))).toBe(true);
  });
});
