import type { Anatomy } from './anatomy';
import { CONTRAINDICATIONS, type ModelWarning } from './conditions';
import { MAX_USUAL_PASSES, MIN_INTERVAL_DAYS_DERMAL, needleWarning, phototypeWarning, visibleEffectWarnings } from './guidance';
import { roundValue, VISIBLE } from './outputs';
import type { ModelParams, Region } from './params';
import { shareDeeperThan } from './roller';

/**
 * The one place where the engine decides what to warn about during a course (docs/model.md §9).
 * The command-line runner and an interactive session feed it the same facts — the setup, each
 * stroke's needle, each session as it starts and ends, patch means as time advances, the longest
 * redness episode — and it yields each warning once per code, in the order they happen (to its
 * listener, for an app that shows them as they come) or in a fixed code order (`list`, the CLI result).
 */

/** Prolonged redness: one continuous episode of visible erythema longer than this (Chu 2021 [V]: 1–3 d). */
export const PROLONGED_ERYTHEMA_DAYS = 3;
/** A session whose drum passes average more than this exceeds the usual 10–20 (Singh & Yadav 2016 [S]); 0.5 allows for rounding. */
const MEAN_PASSES_WARN = MAX_USUAL_PASSES + 0.5;
/** Capillaries less than this recovered when a session begins are being re-injured [I]. */
const INTEGRITY_WARN = 0.9;

/**
 * Code order of a final list: the order the CLI has always printed its warnings in (setup, then
 * protocol, then what happened), so results of existing scenarios keep their content.
 */
const CODE_ORDER: readonly string[] = [
  ...CONTRAINDICATIONS.map((c) => `contraindication-${c}`),
  'infection-risk',
  'pih-risk',
  'sessions-after-end',
  'needle-too-long-for-region',
  'needle-below-dermis',
  'interval-too-short',
  'too-many-passes',
  'cosmetic-needle',
  'capillaries-not-recovered',
  'telangiectasia-visible',
  'pih-visible',
  'prolonged-erythema',
];

export interface CourseSetup {
  region: Region;
  phototype: number;
  /** Warnings of the skin's conditions (`applyConditions`). */
  conditionWarnings: readonly ModelWarning[];
  /**
   * Telangiectasia the skin had before any session (rosacea's T₀, docs/model.md §9). Vessels a
   * condition brings along are not the course's doing: "broken capillaries become visible" needs a
   * rise above this level, not just a level above the threshold.
   */
  preexistingTelangiectasia?: number;
}

/** A rise smaller than this is float32 rounding of the patch sum, not new vessels. */
const RISE_EPSILON = 1e-4;

export interface TreatmentStartFacts {
  /** 1-based session number. */
  index: number;
  day: number;
  needleMm: number;
  /** Passes planned for the session, when known in advance (a scenario); interactive sessions report them at the end. */
  passes?: number;
  /** Patch-mean capillary integrity when the session began. */
  integrityBefore: number;
}

export interface TreatmentEndFacts {
  index: number;
  /** Day of the session's last injury. */
  day: number;
  /** Mean drum passes over the patch. */
  meanPasses: number;
}

export interface NeedleFacts {
  day: number;
  needleMm: number;
  /** Expected share of the stroke's punctures deeper than the dermis (0–1, `shareDeeperThan`). */
  belowDermisShare: number;
  /** Share above which that warns (`belowDermisWarnShare`). */
  warnShare: number;
  /** Depth of the dermis bottom, mm. */
  dermisBottomMm: number;
}

/**
 * The needle facts of a stroke, or of a planned session, rolled with `needle` on this skin: the same
 * for a run (SkinSimulation) and a plan (`plannedWarnings`). `fPenFactor` is the patient's (docs/model.md §10).
 */
export function needleFacts(
  params: ModelParams,
  anatomy: Anatomy,
  day: number,
  needle: { needleMm: number; pressure: number },
  fPenFactor: number,
): NeedleFacts {
  const bottomMm = anatomy.epidermisMm + anatomy.dermisMm;
  return {
    day,
    needleMm: needle.needleMm,
    belowDermisShare: shareDeeperThan(params, needle.needleMm, needle.pressure, fPenFactor, bottomMm),
    warnShare: params.belowDermisWarnShare,
    dermisBottomMm: bottomMm,
  };
}

export class CourseWarnings {
  private readonly byCode = new Map<string, ModelWarning>();
  private lastSession: { day: number; needleMm: number } | null = null;
  private telangiectasiaPeak = 0;
  private pigmentPeak = 0;
  private longestRednessDays = 0;

  /** `listener` hears each new warning as it is added (SkinSimulation turns them into events). */
  constructor(
    private readonly setup: CourseSetup,
    private readonly listener?: (w: ModelWarning) => void,
  ) {
    for (const w of setup.conditionWarnings) this.add(w);
    const pih = phototypeWarning(setup.phototype);
    if (pih) this.add(pih);
  }

  /** Adds a warning unless its code was already given; true if it is new. */
  add(w: ModelWarning): boolean {
    if (this.byCode.has(w.code)) return false;
    this.byCode.set(w.code, w);
    this.listener?.(w);
    return true;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** A stroke rolled with this needle: too long for the region, too short for the dermis, or below the dermis. */
  needleUsed(s: NeedleFacts): void {
    if (!this.byCode.has('needle-too-long-for-region')) {
      const needle = needleWarning(this.setup.region, s.needleMm);
      if (needle) this.add({ ...needle, day: s.day });
    }
    if (s.belowDermisShare > s.warnShare && !this.byCode.has('needle-below-dermis')) {
      this.add({
        code: 'needle-below-dermis',
        severity: 'warning',
        day: s.day,
        message: `A ${s.needleMm} mm needle reaches below the dermis of the ${this.setup.region} (about ${Math.round(s.belowDermisShare * 100)} % of punctures deeper than ${s.dermisBottomMm.toFixed(2)} mm): that part of the channel adds bleeding and bruising, not collagen.`,
      });
    }
    if (s.needleMm < 0.5 && !this.byCode.has('cosmetic-needle')) {
      this.add({
        code: 'cosmetic-needle',
        severity: 'info',
        day: s.day,
        message: `${s.needleMm} mm needles barely reach the papillary capillaries: they open the barrier (better absorption) but cause little or no new collagen.`,
      });
    }
  }

  sessionStarted(s: TreatmentStartFacts): void {
    const previous = this.lastSession;
    if (previous !== null && s.day - previous.day < MIN_INTERVAL_DAYS_DERMAL && s.needleMm > 0.5) {
      this.add({
        code: 'interval-too-short',
        severity: 'warning',
        day: s.day,
        message: `Sessions ${roundValue(s.day - previous.day)} ${roundValue(s.day - previous.day) === 1 ? 'day' : 'days'} apart with ${s.needleMm} mm needles: dermal needling is usually repeated after 4–6 weeks (at least 2), so capillaries and inflammation can settle (Harris 2015).`,
      });
    }
    if (s.passes !== undefined && s.passes > MAX_USUAL_PASSES) {
      this.add({
        code: 'too-many-passes',
        severity: 'warning',
        day: s.day,
        message: `${s.passes} passes in one session: more than the usual 10–20 (Singh & Yadav 2016). More passes add less and less collagen (growth-factor release saturates with the local dose) and past about two reference doses one session breaks capillaries by itself (hypotheses [I]).`,
      });
    }
    if (s.integrityBefore < INTEGRITY_WARN && s.index > 1) {
      this.add({
        code: 'capillaries-not-recovered',
        severity: 'warning',
        day: s.day,
        message: `Session ${s.index} began with capillaries only ${Math.round(s.integrityBefore * 100)} % recovered: re-injuring them before they heal builds broken capillaries (hypothesis [I]).`,
      });
    }
    this.lastSession = { day: s.day, needleMm: s.needleMm };
  }

  sessionEnded(s: TreatmentEndFacts): void {
    if (s.meanPasses > MEAN_PASSES_WARN) {
      this.add({
        code: 'too-many-passes',
        severity: 'warning',
        day: s.day,
        message: `Session ${s.index}: ${s.meanPasses.toFixed(0)} passes on average, more than the usual 10–20 (Singh & Yadav 2016). More passes add less and less collagen (growth-factor release saturates with the local dose) and past about two reference doses one session breaks capillaries by itself (hypotheses [I]).`,
      });
    }
  }

  /** Patch means as time advances (sampled days in the CLI, frames in the app). */
  observeMeans(m: { telangiectasia: number; pigment: number }): void {
    // Only what the course added counts: a condition's own vessels are already there on day 0.
    const t = m.telangiectasia > (this.setup.preexistingTelangiectasia ?? 0) + RISE_EPSILON ? m.telangiectasia : 0;
    if (t > this.telangiectasiaPeak) this.telangiectasiaPeak = t;
    if (m.pigment > this.pigmentPeak) this.pigmentPeak = m.pigment;
    // Once given, a code's message is not built again: `list` quotes the peaks.
    const newVessels = t > VISIBLE.telangiectasia && !this.byCode.has('telangiectasia-visible');
    const newPigment = m.pigment > VISIBLE.pigment && !this.byCode.has('pih-visible');
    if (newVessels || newPigment) {
      for (const w of visibleEffectWarnings(t, m.pigment)) this.add(w);
    }
  }

  /** The longest continuous episode of visible redness so far, days (docs/model.md §7). */
  observeRedness(longestEpisodeDays: number): void {
    if (longestEpisodeDays > this.longestRednessDays) this.longestRednessDays = longestEpisodeDays;
    if (longestEpisodeDays > PROLONGED_ERYTHEMA_DAYS && !this.byCode.has('prolonged-erythema')) {
      this.add(prolongedErythemaWarning(longestEpisodeDays));
    }
  }

  /**
   * Every warning so far, one per code, in the fixed code order; the visible-effect and redness
   * messages quote the peaks of the whole run rather than the values when they were first crossed.
   */
  list(): ModelWarning[] {
    const rank = (code: string): number => {
      const k = CODE_ORDER.indexOf(code);
      return k < 0 ? CODE_ORDER.length : k;
    };
    const final = (w: ModelWarning): ModelWarning => {
      if (w.code === 'telangiectasia-visible' || w.code === 'pih-visible') {
        const peak = visibleEffectWarnings(this.telangiectasiaPeak, this.pigmentPeak).find((p) => p.code === w.code);
        return peak ?? w;
      }
      if (w.code === 'prolonged-erythema') return prolongedErythemaWarning(this.longestRednessDays);
      return w;
    };
    // Stable sort: codes outside the fixed order keep their order of occurrence, after the known ones.
    return [...this.byCode.values()].map((w, k) => ({ w, k })).sort((a, b) => rank(a.w.code) - rank(b.w.code) || a.k - b.k).map((e) => final(e.w));
  }
}

function prolongedErythemaWarning(days: number): ModelWarning {
  return {
    code: 'prolonged-erythema',
    severity: 'warning',
    message: `Redness stays visible for ${days.toFixed(1)} days in one continuous episode (usually 1–3 days after a session).`,
  };
}
