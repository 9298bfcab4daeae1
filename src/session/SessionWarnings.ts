import type { ModelWarning } from '../engine/index';

/**
 * Every model warning of an interactive session, one per code, in first-occurrence order (the order
 * the user met them). The engine decides what to warn about (src/engine/warnings.ts, the same rules
 * as the CLI's result: conditions, phototype, needle, interval, passes, capillaries, visible effects,
 * prolonged redness); its warnings reach the session as simulation events, and this list keeps them.
 */
export class SessionWarnings {
  private readonly byCode = new Map<string, ModelWarning>();
  private revisionCount = 0;

  /** Bumped whenever the list grows (the UI redraws the list only then). */
  get revision(): number {
    return this.revisionCount;
  }

  add(w: ModelWarning): boolean {
    if (this.byCode.has(w.code)) return false;
    this.byCode.set(w.code, w);
    this.revisionCount++;
    return true;
  }

  list(): ModelWarning[] {
    return [...this.byCode.values()];
  }
}
