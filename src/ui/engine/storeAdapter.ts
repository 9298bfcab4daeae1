import type { SessionSnapshot } from '../../session/index';
import { bump, notify, type AppStore } from '../appStore';
import { sessionAnnouncement } from '../format';
import { batch } from '../store';
import type { IntentAnswer, TransportListener } from './intents';

/**
 * The session transport's reports as the user meets them: store atoms, live-region announcements and
 * notices. All the user-facing text about the engine is here; the transport holds none.
 */
export function storeAdapter(store: AppStore): TransportListener {
  return {
    queued: (size) => store.pendingIntents.set(size),
    logLength: (length) => store.logLength.set(length),
    answered: (answer) => {
      const text = answerText(answer);
      if (text !== null) store.announce.emit(text);
    },
    adopted: (info, baseline) =>
      batch(() => {
        store.setup.set(info);
        store.baselinePixels.set(baseline);
      }),
    changed: () => bump(store.engineVersion),
    snapshot: (snap) => applySnapshot(store, snap),
    recovering: (reason) => {
      store.workerStatus.set('recovering');
      notify(store, { key: 'worker', kind: 'warning', text: `The simulation engine stopped (${reason}). Restarting it and rebuilding your session…` });
    },
    recovered: (reason, steps) => {
      store.workerStatus.set('ready');
      notify(store, {
        key: 'worker',
        kind: 'info',
        text: `The simulation engine stopped (${reason}) and was restarted; your session was rebuilt from its ${steps} recorded steps. Nothing was lost.`,
      });
    },
    failed: (message) => {
      store.workerStatus.set('failed');
      notify(store, { key: 'worker', kind: 'error', text: `The simulation engine could not be restarted (${message}). Reload the page: your session is saved.` });
    },
  };
}

/** What the live region says about an answer; null when nothing needs saying (accepted strokes). */
function answerText(answer: IntentAnswer): string | null {
  switch (answer.kind) {
    case 'strokes':
      return !answer.result.accepted && answer.result.reason ? answer.result.reason : null;
    case 'pass':
      return answer.result.accepted ? `Pass ${answer.result.passesThisSession} rolled: ${answer.result.punctures} punctures.` : (answer.result.reason ?? 'Pass refused.');
    case 'undo':
      return answer.result.undone ? 'Undone: the last pass or stroke was taken back.' : (answer.result.reason ?? 'Nothing to undo.');
    case 'start-over':
      return 'Started over: fresh skin, same settings.';
  }
}

/** Puts a snapshot into the store, in one batch, and announces what happened since the last one. */
function applySnapshot(store: AppStore, snap: SessionSnapshot): void {
  batch(() => {
    store.snapshot.set(snap);
    if (snap.listsChanged) {
      store.sessions.set(snap.sessions);
      store.warnings.set(snap.warnings);
    }
    if (store.chart.append(snap.samples)) bump(store.chartVersion);
    if (store.workerStatus.get() === 'starting') store.workerStatus.set('ready');
  });
  for (const ev of snap.events) if (ev.type === 'session-end') store.announce.emit(sessionAnnouncement(ev.summary));
  for (const w of snap.newWarnings) store.announce.emit(w.message);
}
