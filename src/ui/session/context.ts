import type { AppStore } from '../appStore';
import type { SimClock } from '../clock';
import type { AppEngine } from '../engine/AppEngine';

/** What every part of the session view gets: the state to read, the engine to send intents to, the clock. */
export interface SessionViewContext {
  store: AppStore;
  engine: AppEngine;
  clock: SimClock;
}
