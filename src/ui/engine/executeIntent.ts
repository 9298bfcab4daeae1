import type { SetupInfo, SetupInput } from '../../session/index';
import type { Intent, TransportListener } from './intents';
import type { LogMirror } from './logMirror';
import type { WorkerHost } from './WorkerHost';

/** What applying an intent needs of the transport (EngineTransport). */
export interface IntentContext {
  host: WorkerHost;
  listener: TransportListener;
  mirror: LogMirror;
  /** A replay may take much longer than an ordinary call (a long log): its deadline, ms. */
  replayDeadlineMs: number;
  /** A setup took effect: fetch its baseline picture and report it. */
  adopt(info: SetupInfo): Promise<void>;
  /** The setup now in the worker (a recovery replays on it). */
  setupTaken(setup: SetupInput): void;
}

/**
 * One intent as calls to the worker: what each asks of it, how the answer updates the log mirror, and
 * what the listener hears. Throws WorkerFault when the worker fails under it (the transport recovers).
 */
export async function executeIntent(intent: Intent, x: IntentContext): Promise<void> {
  const { host, listener, mirror } = x;
  switch (intent.kind) {
    case 'strokes':
    case 'pass': {
      const r = await (intent.kind === 'strokes'
        ? host.call((c) => c.applyStrokes(intent.atHour, intent.strokes, intent.gesture))
        : host.call((c) => c.applyPass(intent.atHour, intent.needleMm, intent.pressure)));
      mirror.apply(r.log, r.hour);
      listener.answered({ kind: intent.kind, result: r });
      return;
    }
    case 'advance': {
      const r = await host.call((c) => c.advance(intent.toHour, true));
      mirror.apply(r.log, r.hour);
      return;
    }
    case 'undo': {
      const r = await host.call((c) => c.undo());
      mirror.apply(r.log, r.hour);
      listener.answered({ kind: 'undo', result: r });
      return;
    }
    case 'start-over': {
      const info = await host.call((c) => c.startOver());
      mirror.restart();
      await x.adopt(info);
      listener.answered({ kind: 'start-over' });
      return;
    }
    case 'setup': {
      const info = intent.keepHistory
        ? await host.call((c) => c.replay(intent.setup, mirror.ops, intent.hour), x.replayDeadlineMs)
        : await host.call((c) => c.init(intent.setup));
      if (intent.keepHistory) mirror.confirmedHour = intent.hour;
      else mirror.restart();
      x.setupTaken(intent.setup);
      await x.adopt(info);
      return;
    }
  }
}
