import type { ModelWarning } from './conditions';
import { MIN_INTERVAL_DAYS_DERMAL, MAX_USUAL_PASSES, needleWarning, phototypeWarning, visibleEffectWarnings } from './guidance';
import { SERIES, zeroSeries, type SeriesName } from './outputs';
import type { ModelParams } from './params';
import { scenarioSessions, type Scenario } from './scenario';
import { SkinSimulation, TYPICAL_PATIENT, type PatientVariation, type SessionSummary } from './simulation';

/** Result of a single-patient run: the CLI contract of issue #3 §4 (plus optional additions). */
export interface ScenarioResult {
  version: 1;
  days: number[];
  series: Record<SeriesName, number[]>;
  warnings: ModelWarning[];
  /** Optional addition: the seed, so every export can be reproduced. */
  seed: number;
  /** Optional addition: what each session delivered. */
  sessions: SessionReport[];
}

export interface SessionReport {
  day: number;
  needleMm: number;
  passes: number;
  pressure: number;
  densityPerCm2: number;
  /** Days the patch-mean erythema stayed visible after this session. */
  erythemaVisibleDays: number;
}

/** Per-patient record a cohort needs besides the series. */
export interface RunStats {
  pigmentPeak: number;
  telangiectasiaPeak: number;
  longestErythemaDays: number;
}

export interface RunOptions {
  patient?: PatientVariation;
  /** Overrides the scenario's grid (cohorts use a coarser default). */
  gridCells?: number;
  params?: ModelParams;
  /** Puncture stream name; cohort patients get their own. */
  seedSuffix?: string;
  precision?: 'float32' | 'float64';
  /** Called after each sample with the fraction of the simulated time done, (0, 1]: pool jobs report it. */
  onProgress?: (fraction: number) => void;
}

const HOURS_PER_DAY = 24;

/** Rounds to 6 significant digits: enough for every output, and stable JSON across runs. */
export function roundValue(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  return Number(x.toPrecision(6));
}

/**
 * Runs one patient through a scenario: sessions at their hours (snapped to the hourly clock), the
 * patch means sampled every `sampleEveryDays` after that time's sessions are applied.
 */
export function runSinglePatient(scenario: Scenario, options: RunOptions = {}): { result: ScenarioResult; stats: RunStats } {
  const seed = options.seedSuffix === undefined ? scenario.seed : `${scenario.seed}/${options.seedSuffix}`;
  const sim = new SkinSimulation({
    seed,
    region: scenario.skin.region,
    phototype: scenario.skin.phototype,
    conditions: scenario.skin.conditions,
    primed: scenario.skin.primed ?? false,
    grid: { cells: options.gridCells ?? scenario.grid?.cells ?? 160 },
    ...(options.params ? { params: options.params } : {}),
    patient: options.patient ?? TYPICAL_PATIENT,
    precision: options.precision ?? 'float32',
  });
  const warnings = new WarningList();
  for (const w of sim.setupWarnings) warnings.add(w);
  const pih = phototypeWarning(scenario.skin.phototype);
  if (pih) warnings.add(pih);

  const endHour = Math.round(scenario.days * HOURS_PER_DAY);
  const sampleHours = Math.round(scenario.sampleEveryDays * HOURS_PER_DAY);
  // Sessions happen on the hourly clock: report them at the hour they are simulated.
  const planned = scenarioSessions(scenario).map((s) => ({ ...s, day: Math.round(s.day * HOURS_PER_DAY) / HOURS_PER_DAY }));
  const sessions = planned.filter((s) => Math.round(s.day * HOURS_PER_DAY) <= endHour);
  if (sessions.length < planned.length) {
    warnings.add({
      code: 'sessions-after-end',
      severity: 'warning',
      message: `${planned.length - sessions.length} of ${planned.length} sessions fall after day ${scenario.days} and are not simulated.`,
    });
  }
  checkProtocolWarnings(scenario, sessions, warnings);

  const series = {} as Record<SeriesName, number[]>;
  for (const name of SERIES) series[name] = [];
  const days: number[] = [];
  const means = zeroSeries();
  const stats: RunStats = { pigmentPeak: 0, telangiectasiaPeak: 0, longestErythemaDays: 0 };
  const reports: SessionReport[] = [];
  let next = 0;
  let lastSessionHour = Number.NEGATIVE_INFINITY;

  const closeErythema = (): void => {
    const report = reports[reports.length - 1];
    if (report === undefined) return;
    const visibleHour = sim.lastVisibleErythemaHour;
    const d = visibleHour >= lastSessionHour ? (visibleHour - lastSessionHour) / HOURS_PER_DAY : 0;
    report.erythemaVisibleDays = d;
    stats.longestErythemaDays = Math.max(stats.longestErythemaDays, d);
  };

  for (let hour = 0; hour <= endHour; hour += sampleHours) {
    while (next < sessions.length && Math.round(sessions[next]!.day * HOURS_PER_DAY) <= hour) {
      const s = sessions[next]!;
      const at = Math.round(s.day * HOURS_PER_DAY);
      sim.advanceTo(at);
      closeErythema();
      sim.applySession({ needleMm: s.needleMm, passes: s.passes, pressure: s.pressure });
      const current = sim.currentSession();
      reports.push({
        day: at / HOURS_PER_DAY,
        needleMm: s.needleMm,
        passes: s.passes,
        pressure: s.pressure,
        densityPerCm2: roundValue(current?.densityPerCm2 ?? 0),
        erythemaVisibleDays: 0,
      });
      lastSessionHour = at;
      next++;
    }
    sim.advanceTo(hour);
    sim.means(means);
    days.push(roundValue(hour / HOURS_PER_DAY));
    for (const name of SERIES) series[name].push(roundValue(means[name]));
    stats.pigmentPeak = Math.max(stats.pigmentPeak, means.pigment);
    stats.telangiectasiaPeak = Math.max(stats.telangiectasiaPeak, means.telangiectasia);
    options.onProgress?.(endHour > 0 ? hour / endHour : 1);
  }
  closeErythema();
  for (const r of reports) r.erythemaVisibleDays = roundValue(r.erythemaVisibleDays);

  for (const event of sim.drainEvents()) {
    if (event.type === 'warning') warnings.add({ ...event.warning, day: event.hour / HOURS_PER_DAY });
  }
  for (const w of visibleEffectWarnings(stats.telangiectasiaPeak, stats.pigmentPeak)) warnings.add(w);
  if (stats.longestErythemaDays > 3) {
    warnings.add({
      code: 'prolonged-erythema',
      severity: 'warning',
      message: `Redness stays visible for ${stats.longestErythemaDays.toFixed(1)} days after a session (usually 1–3 days).`,
    });
  }
  return {
    result: { version: 1, seed: scenario.seed, days, series, warnings: warnings.list(), sessions: reports },
    stats,
  };
}

function checkProtocolWarnings(
  scenario: Scenario,
  sessions: readonly { day: number; needleMm: number; passes: number }[],
  warnings: WarningList,
): void {
  for (const s of sessions) {
    const w = needleWarning(scenario.skin.region, s.needleMm);
    if (w) warnings.add({ ...w, day: s.day });
  }
  for (let k = 1; k < sessions.length; k++) {
    const a = sessions[k - 1]!;
    const b = sessions[k]!;
    if (b.day - a.day < MIN_INTERVAL_DAYS_DERMAL && b.needleMm > 0.5) {
      warnings.add({
        code: 'interval-too-short',
        severity: 'warning',
        day: b.day,
        message: `Sessions ${roundValue(b.day - a.day)} days apart with ${b.needleMm} mm needles: dermal needling is usually repeated after 4–6 weeks (at least 2), so capillaries and inflammation can settle (Harris 2015).`,
      });
    }
  }
  const many = sessions.find((s) => s.passes > MAX_USUAL_PASSES);
  if (many) {
    warnings.add({
      code: 'too-many-passes',
      severity: 'warning',
      day: many.day,
      message: `${many.passes} passes in one session: more than the usual 10–20 (Singh & Yadav 2016).`,
    });
  }
  const shallow = sessions.find((s) => s.needleMm < 0.5);
  if (shallow) {
    warnings.add({
      code: 'cosmetic-needle',
      severity: 'info',
      day: shallow.day,
      message: `${shallow.needleMm} mm needles barely reach the papillary capillaries: they open the barrier (better absorption) but cause little or no new collagen.`,
    });
  }
}

/** Warnings in first-occurrence order, one per code (a course can repeat the same event many times). */
class WarningList {
  private readonly byCode = new Map<string, ModelWarning>();

  add(w: ModelWarning): void {
    if (!this.byCode.has(w.code)) this.byCode.set(w.code, w);
  }

  list(): ModelWarning[] {
    return [...this.byCode.values()];
  }
}
