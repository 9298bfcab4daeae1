import { describe, expect, it } from 'vitest';
import type { TransportListener } from '../../../src/ui/engine/intents';
import { EngineTransport } from '../../../src/ui/engine/EngineTransport';
import { WorkerHost, type EngineWorker } from '../../../src/ui/engine/WorkerHost';
import { DEFAULT_SETTINGS, setupOf } from '../../../src/ui/settings';
import { openEngineChannel } from '../../fixtures/engineChannel';

function nodeWorker(): EngineWorker {
  const { port, close } = openEngineChannel();
  return Object.assign(port, { terminate: close }) as unknown as EngineWorker;
}

/** A listener that writes down what the transport reports, in order, as plain words. */
function recorder(): { events: string[]; listener: TransportListener } {
  const events: string[] = [];
  const listener: TransportListener = {
    queued: (n) => events.push(`queued ${n}`),
    logLength: (n) => events.push(`log ${n}`),
    answered: (a) => events.push(`answered ${a.kind}${'result' in a && 'accepted' in a.result ? ` ${a.result.accepted}` : ''}`),
    adopted: (info, baseline) => events.push(`adopted ${info.blocked} ${baseline.length > 0}`),
    changed: () => events.push('changed'),
    snapshot: (s) => events.push(`snapshot ${s.hour}`),
    recovering: () => events.push('recovering'),
    recovered: (_reason, steps) => events.push(`recovered ${steps}`),
    failed: (message) => events.push(`failed ${message}`),
  };
  return { events, listener };
}

/** A transport on a fresh worker, set up on the default skin (32², 64 px), and what it reported. */
async function setUpTransport() {
  const host = new WorkerHost({ create: nodeWorker, deadlineMs: 3000 });
  const { events, listener } = recorder();
  const t = new EngineTransport(host, listener);
  await t.push({ kind: 'setup', setup: setupOf(DEFAULT_SETTINGS, 32, 64), keepHistory: false, hour: 0 });
  return { host, events, t };
}

describe('the session transport (worker client, no store, no text)', () => {
  it('reports a setup, a pass and a replacement worker to its listener, in order', async () => {
    const { host, events, t } = await setUpTransport();
    await t.push({ kind: 'pass', atHour: 0, needleMm: 1.5, pressure: 1 });
    expect(events).toEqual(['queued 1', 'log 0', 'adopted false true', 'changed', 'queued 0', 'queued 1', 'log 1', 'answered pass true', 'changed', 'queued 0']);

    events.length = 0;
    host.kill();
    await t.push({ kind: 'advance', toHour: 3 });
    expect(t.recoveries).toBe(1);
    expect(events).toEqual(['queued 1', 'recovering', 'adopted false true', 'recovered 1', 'changed', 'log 2', 'changed', 'queued 0']);
    expect(t.ops.map((op) => op.op)).toEqual(['pass', 'advance']);
  });
});

describe('frames during a drag', () => {
  it('a frame asked for while intents wait takes its turn behind them, not after the queue drains', async () => {
    const { events, t } = await setUpTransport();
    events.length = 0;
    // A drag: strokes keep arriving while earlier ones run, so the queue is never empty.
    const stroke = (y: number, gesture: number) => ({
      kind: 'strokes' as const,
      atHour: 0,
      gesture,
      strokes: [{ x0Mm: 2, y0Mm: y, x1Mm: 30, y1Mm: y, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 }],
    });
    const first = t.push(stroke(10, 1));
    const frame = t.frame('surface', undefined, null);
    const later = t.push(stroke(20, 2));
    const f = await frame;
    await Promise.all([first, later]);
    expect(f).not.toBeNull();
    // It shows the strokes queued before it and none of those queued after it.
    expect(f!.snapshot.logLength).toBe(1);
    expect(t.ops.length).toBe(2);
    // A frame is not one of the user's pending intents: never more than the two drags are counted.
    const counts = events.filter((e) => e.startsWith('queued')).map((e) => Number(e.slice(7)));
    expect([Math.max(...counts), counts.at(-1)]).toEqual([2, 0]);
  });
});
