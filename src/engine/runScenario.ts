import { DEFAULT_GRID_CELLS } from './limits';
import { plannedSessions } from './plannedWarnings';
import type { ModelWarning } from './conditions';
import type { RednessEpisode } from './episodes';
import { roundValue, SERIES, zeroSeries, type SeriesName } from './outputs';
import type { ModelParams } from './params';
import type { Scenario } from './scenario';
import { SkinSimulation, TYPICAL_PATIENT, type PatientVariation } from './simulation';
import { HOURS_PER_DAY } from './units';

/** Result of a single-patient run: the CLI contract of issue #3 §4 (plus optional additions). */
export interface ScenarioResult {
  version: 1;
  days: number[];
  series: Record<SeriesName, number[]>;
  warnings: ModelWarning[];
  /** Optional addition: the seed, so every export can be reproduced. */
  seed: number;
  /** Optional addition: what each session delivered. */
  sessions: TreatmentSessionReport[];
  /** Optional addition: episodes of continuous visible redness (docs/model.md §7), in days. */
  rednessEpisodes: { startDay: number; endDay: number }[];
}

export interface TreatmentSessionReport {
  day: number;
  needleMm: number;
  passes: number;
  pressure: number;
  densityPerCm2: number;
  /** Days the patch-mean erythema stayed visible after this session (until the next one). */
  erythemaVisibleDays: number;
}

/** Per-patient record a cohort needs besides the series. */
export interface RunStats {
  pigmentPeak: number;
  telangiectasiaPeak: number;
  /** Longest continuous episode of visible redness, days, whatever sessions fall inside it (docs/model.md §7). */
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

/** The rounding of every value in a result (outputs.ts); also exported here, where the results are built. */
export { roundValue };

/** Cells per side of the grid a run of `scenario` uses: the caller's, the scenario's, else the app's 160² (docs/model.md §2). */
export function runGridCells(scenario: Scenario, options: Pick<RunOptions, 'gridCells'> = {}): number {
  return options.gridCells ?? scenario.grid?.cells ?? DEFAULT_GRID_CELLS;
}

/** The simulation a scenario runs on (`runSinglePatient`'s): its skin and grid, no puncture log. */
export function simulationFor(scenario: Scenario, options: Omit<RunOptions, 'onProgress'> = {}): SkinSimulation {
  const seed = options.seedSuffix === undefined ? scenario.seed : `${scenario.seed}/${options.seedSuffix}`;
  return new SkinSimulation({
    seed,
    region: scenario.skin.region,
    phototype: scenario.skin.phototype,
    conditions: scenario.skin.conditions,
    primed: scenario.skin.primed ?? false,
    grid: { cells: runGridCells(scenario, options) },
    ...(options.params ? { params: options.params } : {}),
    patient: options.patient ?? TYPICAL_PATIENT,
    precision: options.precision ?? 'float32',
    // Patch means only: nothing renders the punctures.
    logPunctures: false,
  });
}

/**
 * Runs one patient through a scenario: sessions at their hours (snapped to the hourly clock), the
 * patch means sampled every `sampleEveryDays` after that time's sessions are applied.
 */
export function runSinglePatient(scenario: Scenario, options: RunOptions = {}): { result: ScenarioResult; stats: RunStats } {
  const sim = simulationFor(scenario, options);

  const endHour = Math.round(scenario.days * HOURS_PER_DAY);
  const sampleHours = Math.round(scenario.sampleEveryDays * HOURS_PER_DAY);
  // Sessions happen on the hourly clock: report them at the hour they are simulated.
  const { simulated: sessions, late } = plannedSessions(scenario);
  if (late) sim.warnings.add(late);

  const series = {} as Record<SeriesName, number[]>;
  for (const name of SERIES) series[name] = [];
  const days: number[] = [];
  const means = zeroSeries();
  const stats: RunStats = { pigmentPeak: 0, telangiectasiaPeak: 0, longestErythemaDays: 0 };
  const reports: TreatmentSessionReport[] = [];
  let next = 0;
  let lastSessionHour = Number.NEGATIVE_INFINITY;

  const closeErythema = (): void => {
    const report = reports[reports.length - 1];
    if (report === undefined) return;
    const visibleHour = sim.lastVisibleErythemaHour;
    report.erythemaVisibleDays = visibleHour >= lastSessionHour ? (visibleHour - lastSessionHour) / HOURS_PER_DAY : 0;
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
    sim.sampleMeans(hour, means);
    days.push(roundValue(hour / HOURS_PER_DAY));
    for (const name of SERIES) series[name].push(roundValue(means[name]));
    stats.pigmentPeak = Math.max(stats.pigmentPeak, means.pigment);
    stats.telangiectasiaPeak = Math.max(stats.telangiectasiaPeak, means.telangiectasia);
    options.onProgress?.(endHour > 0 ? hour / endHour : 1);
  }
  closeErythema();
  for (const r of reports) r.erythemaVisibleDays = roundValue(r.erythemaVisibleDays);
  stats.longestErythemaDays = sim.longestRednessDays;
  const rednessEpisodes = episodesInDays(sim.rednessEpisodes());
  return {
    result: {
      version: 1,
      seed: scenario.seed,
      days,
      series,
      warnings: sim.warnings.list(),
      sessions: reports,
      rednessEpisodes,
    },
    stats,
  };
}

/** Episodes in days, as the result reports them. */
export function episodesInDays(episodes: readonly RednessEpisode[]): { startDay: number; endDay: number }[] {
  return episodes.map((e) => ({ startDay: roundValue(e.startHour / HOURS_PER_DAY), endDay: roundValue(e.endHour / HOURS_PER_DAY) }));
}
