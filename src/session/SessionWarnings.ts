import { visibleEffectWarnings } from '../engine/guidance';
import { phototypeWarning, type ModelWarning, type SeriesValues, type SkinSimulation } from '../engine/index';

/**
 * Every model warning of an interactive session, one per code in first-occurrence order (as the CLI
 * result lists them). All of them come from the engine: the setup's condition warnings, the phototype's
 * PIH risk, the events the simulation raises while it runs (needle too long, capillaries not recovered,
 * too many passes) and the adverse effects that became visible.
 *
 * Until the engine's single warnings module exists, this class is the one place that asks the engine
 * for warnings; the UI shows whatever `list()` holds (src/ui/session/warningsView.ts).
 */
export class SessionWarnings {
  private readonly byCode = new Map<string, ModelWarning>();
  private telangiectasiaPeak = 0;
  private pigmentPeak = 0;
  private revisionCount = 0;

  /**
   * @param baseline patch means of the untreated skin: what a condition brings along (rosacea's
   * telangiectasia) is not the user's doing, so an effect counts as "became visible" only once it rose
   * above its day-0 value.
   */
  constructor(
    sim: SkinSimulation,
    phototype: number,
    private readonly baseline: SeriesValues,
  ) {
    for (const w of sim.setupWarnings) this.add(w);
    const pih = phototypeWarning(phototype);
    if (pih) this.add(pih);
  }

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

  /** Checks the patch means for adverse effects that became visible; returns the new warnings. */
  observe(hour: number, m: SeriesValues): ModelWarning[] {
    // Rounding noise (float32 sums) must not count as a rise: 0.1 % of the visible threshold.
    if (m.telangiectasia > this.baseline.telangiectasia + 1e-4) this.telangiectasiaPeak = Math.max(this.telangiectasiaPeak, m.telangiectasia);
    if (m.pigment > this.baseline.pigment + 1e-5) this.pigmentPeak = Math.max(this.pigmentPeak, m.pigment);
    const added: ModelWarning[] = [];
    for (const w of visibleEffectWarnings(this.telangiectasiaPeak, this.pigmentPeak)) {
      const stamped = { ...w, day: hour / 24 };
      if (this.add(stamped)) added.push(stamped);
    }
    return added;
  }

  list(): ModelWarning[] {
    return [...this.byCode.values()];
  }
}
