import { MAX_DAYS, MAX_PASSES, ScenarioSchema, type Scenario, type TreatmentSession, HOURS_PER_DAY } from '../engine/index';
import type { Setup } from './schemas';

/** A course is read out this long after its last session by default (issue 7: 8 weeks). */
export const READOUT_AFTER_LAST_SESSION_DAYS = 56;

/**
 * "Repeat as a course": what was rolled in the session view as a scenario (the engine's format,
 * version 1) that Compare or the CLI can run. One scenario session per session rolled, on the day
 * it began (hourly clock), with its needle, its mean coverage rounded to whole passes (at least 1)
 * and its pressure; the run lasts until 8 weeks after the last session, or until today if later.
 * Returns null when nothing was rolled yet.
 */
export function courseScenario(
  setup: Pick<Setup, 'seed' | 'skin'>,
  sessions: readonly TreatmentSession[],
  currentHour: number,
  name?: string,
): Scenario | null {
  if (sessions.length === 0) return null;
  const specs = sessions.map((s) => ({
    day: s.startHour / HOURS_PER_DAY,
    needleMm: s.needleMm,
    passes: Math.min(MAX_PASSES, Math.max(1, Math.round(s.meanPasses))),
    pressure: s.pressure,
  }));
  const lastDay = specs[specs.length - 1]!.day;
  const days = Math.min(MAX_DAYS, Math.max(Math.ceil(lastDay + READOUT_AFTER_LAST_SESSION_DAYS), Math.ceil(currentHour / HOURS_PER_DAY), 1));
  return ScenarioSchema.parse({
    version: 1,
    seed: setup.seed,
    ...(name !== undefined ? { name } : {}),
    skin: setup.skin,
    sessions: specs,
    days,
    sampleEveryDays: 1,
  });
}
