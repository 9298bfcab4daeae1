import type { AppStore } from '../appStore';
import type { SimClock } from '../clock';
import type { SessionEngine } from '../engine/SessionEngine';

/** What every part of the session view gets: the state to read, the engine to send intents to, the clock. */
export interface SessionContext {
  store: AppStore;
  engine: SessionEngine;
  clock: SimClock;
}
