/**
 * Long runs keep memory flat (issue 9): ten simulated years through the worker API (frames every few
 * hours, a session every three months) and a scripted 30-minute drag (30 stroke batches a second,
 * the clock stepped now and then). The heap is measured after a full garbage collection; what grows
 * on purpose (the operation log, which replays the session exactly) is measured and bounded apart.
 * A small grid and texture: the property does not depend on their size, and the test stays fast.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../../src/engine/index';
import { MAX_LOG_OPS } from '../../../src/session/index';
import { ChartColumns } from '../../../src/ui/chartColumns';
import { applySkinFrame } from '../../../src/view/skinFrame';
import { createEngineApi, type FrameResult } from '../../../workers/engineApi';
import type { SetupInput } from '../../../workers/messages';

/** A full collection: `gc` from --expose-gc if the runner has it, else V8's flag set at run time (works in a worker thread too). */
const collect: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Heap in use after full collections (the least of three readings: a collection can leave a little behind). */
function heapAfterGc(): number {
  let least = Infinity;
  for (let k = 0; k < 3; k++) {
    collect();
    least = Math.min(least, process.memoryUsage().heapUsed);
  }
  return least;
}

const MB = 1024 * 1024;
const TEX = 64;
const setup: SetupInput = { seed: 5, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 32, texturePx: TEX };

/** The app's main-thread side, minus the DOM: the picture it holds, the spare buffer, the chart's history. */
class MainThread {
  picture: Uint8Array = new Uint8Array(TEX * TEX * 4);
  spare: Uint8Array = new Uint8Array(TEX * TEX * 4);
  since: number | undefined;
  readonly chart = new ChartColumns();

  take(f: FrameResult): void {
    const a = applySkinFrame(this.picture, TEX, f);
    this.picture = a.picture;
    this.spare = a.free;
    this.since = f.seq;
    this.chart.append(f.snapshot.samples);
  }
}

describe('long runs keep memory flat (issue 9)', () => {
  it('ten simulated years, frames every 6 h and a session every three months', () => {
    const api = createEngineApi();
    api.init(setup);
    const main = new MainThread();
    const YEAR_H = 365 * 24;
    let sessions = 0;
    const live = (fromHour: number, toHour: number): void => {
      for (let h = fromHour; h < toHour; h += 6) {
        if (h % (91 * 24) === 0) {
          for (let p = 0; p < 3; p++) api.applyPass({ atHour: h, needleMm: 1.5, pressure: 1 });
          sessions++;
        }
        main.take(api.frame({ layer: h % 48 === 0 ? 'erythema' : 'surface', toHour: h, ...(main.since !== undefined ? { since: main.since } : {}) }, main.spare));
      }
    };
    live(0, YEAR_H);
    const before = heapAfterGc();
    live(YEAR_H, 10 * YEAR_H);
    api.advance({ toHour: 10 * YEAR_H, exact: true });
    const after = heapAfterGc();
    const log = api.getLog();
    const grown = (after - before) / MB;
    console.info(
      `10 years: heap ${(before / MB).toFixed(1)} MB after year 1 → ${(after / MB).toFixed(1)} MB after year 10 (${grown >= 0 ? '+' : ''}${grown.toFixed(2)} MB); ` +
        `${sessions} sessions, ${log.ops.length} log operations, ${main.chart.length} chart points`,
    );
    expect(api.stateHash().hour).toBe(10 * YEAR_H);
    // Nine more years of the same life: nothing that lives on may grow with them but a few log entries.
    expect(grown).toBeLessThan(3);
    expect(log.ops.length).toBeLessThan(5 * sessions);
    // The chart: a point every 6 h and two around each session, ten years of it (bounded by MAX_DAYS).
    expect(main.chart.length).toBeLessThan((10 * YEAR_H) / 6 + 4 * sessions + 10);
  }, 180_000);

  it('a 30-minute drag: 54 000 stroke batches at 30 a second, the clock stepped every five minutes', () => {
    const api = createEngineApi();
    api.init(setup);
    const main = new MainThread();
    const BATCHES = 30 * 60 * 30;
    let hour = 0;
    let gesture = 0;
    let x = 20;
    let y = 20;
    let heading = 0;
    let strokes = 0;
    const drag = (from: number, to: number): void => {
      for (let k = from; k < to; k++) {
        // A new drag every 3 s; the clock stepped by an hour every 5 minutes of rolling.
        if (k % 90 === 0) gesture++;
        if (k > 0 && k % 9000 === 0) {
          hour++;
          api.advance({ toHour: hour, exact: true });
        }
        const batch: Stroke[] = [];
        for (let s = 0; s < 1 + (k % 2); s++) {
          heading += 0.3 * Math.sin(k * 0.37 + s);
          let nx = x + 0.8 * Math.cos(heading);
          let ny = y + 0.8 * Math.sin(heading);
          if (nx < 1 || nx > 39 || ny < 1 || ny > 39) {
            heading += Math.PI;
            nx = x;
            ny = y;
          }
          batch.push({ x0Mm: x, y0Mm: y, x1Mm: nx, y1Mm: ny, needleMm: 0.5, pressure: 1, trackOffsetMm: 0 });
          x = nx;
          y = ny;
        }
        strokes += batch.length;
        api.applyStrokes({ atHour: hour, strokes: batch, gesture });
        // About one frame per batch, as the app asks when the queue is idle. The erythema layer: a
        // surface frame redraws every puncture mark younger than 30 h inside its rectangle, which after
        // tens of thousands of punctures at one hour costs milliseconds each (and allocates nothing);
        // a surface frame every 30 s keeps that path in the run.
        const layer = k % 900 === 450 ? 'surface' : 'erythema';
        main.take(api.frame({ layer, ...(main.since !== undefined ? { since: main.since } : {}) }, main.spare));
      }
    };
    drag(0, 3000);
    const before = heapAfterGc();
    const opsBefore = api.getLog().ops.length;
    const strokesBefore = strokes;
    drag(3000, BATCHES);
    const after = heapAfterGc();
    const log = api.getLog();
    const logJson = JSON.stringify(log.ops).length;
    const grown = (after - before) / MB;
    console.info(
      `30-minute drag: heap ${(before / MB).toFixed(1)} MB after 100 s → ${(after / MB).toFixed(1)} MB after 30 min (${grown >= 0 ? '+' : ''}${grown.toFixed(2)} MB); ` +
        `${BATCHES} batches, ${strokes} strokes in ${log.ops.length} log operations (${opsBefore} after 100 s), log as JSON ${(logJson / MB).toFixed(2)} MB, ` +
        `stroke payload added ${((((strokes - strokesBefore) * 7 * 8) / MB)).toFixed(2)} MB, ` +
        `${main.chart.length} chart points`,
    );
    // What grows on purpose is the log: every stroke, 7 numbers (8 bytes each), for the exact replay.
    // Gathered by drag, the operations around them cost next to nothing; everything else stays flat.
    const payloadMb = ((strokes - strokesBefore) * 7 * 8) / MB;
    expect(grown).toBeLessThan(1.5 * payloadMb + 2);
    expect(log.ops.length).toBeLessThanOrEqual(gesture + hour);
    expect(log.ops.length).toBeLessThan(MAX_LOG_OPS / 100);
    // The chart keeps two points per hour of dragging.
    expect(main.chart.length).toBeLessThan(2 * (hour + 1) + 4);
  }, 180_000);
});
