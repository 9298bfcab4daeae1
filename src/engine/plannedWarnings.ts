import { resolveAnatomy } from './anatomy';
import { applyConditions, type ModelWarning } from './conditions';
import { DEFAULT_PARAMS } from './params';
import { scenarioSessions, type Scenario, type TreatmentSessionSpec } from './scenario';
import { CourseWarnings, needleFacts } from './warnings';
import { HOURS_PER_DAY } from './units';

/** Sessions a scenario plans after its last simulated day: they are not simulated, and the result says so. */
export function sessionsAfterEndWarning(plannedDays: readonly number[], days: number): ModelWarning | null {
  const endHour = Math.round(days * HOURS_PER_DAY);
  const late = plannedDays.filter((d) => Math.round(d * HOURS_PER_DAY) > endHour).length;
  if (late === 0) return null;
  return {
    code: 'sessions-after-end',
    severity: 'warning',
    message: `${late} of ${plannedDays.length} sessions fall after day ${days} and are not simulated.`,
  };
}

/**
 * A scenario's sessions as a run simulates them: each at the hour it is simulated (the clock is
 * hourly), those up to the last simulated hour in `simulated`, and the warning for the rest.
 */
export function plannedSessions(scenario: Scenario): { simulated: TreatmentSessionSpec[]; late: ModelWarning | null } {
  const endHour = Math.round(scenario.days * HOURS_PER_DAY);
  const planned = scenarioSessions(scenario).map((s) => ({ ...s, day: Math.round(s.day * HOURS_PER_DAY) / HOURS_PER_DAY }));
  return {
    simulated: planned.filter((s) => Math.round(s.day * HOURS_PER_DAY) <= endHour),
    late: sessionsAfterEndWarning(
      planned.map((s) => s.day),
      scenario.days,
    ),
  };
}

/**
 * The warnings a course gives before it is run: the rules of src/engine/warnings.ts that depend only on
 * the plan (conditions, phototype, needle for the region and for the dermis, interval, passes, sessions
 * after the end), fed the same facts a run feeds them. What only a run can tell (capillaries not
 * recovered, visible effects, prolonged redness) comes with the run's result. The Compare view shows
 * these while a course is edited; the same scenario's run lists them all again.
 */
export function plannedWarnings(scenario: Scenario): ModelWarning[] {
  const params = DEFAULT_PARAMS;
  const effects = applyConditions(params, scenario.skin.conditions, scenario.skin.primed ?? false);
  const tracker = new CourseWarnings({
    region: scenario.skin.region,
    phototype: scenario.skin.phototype,
    conditionWarnings: effects.warnings,
    preexistingTelangiectasia: effects.t0,
  });
  const anatomy = resolveAnatomy(effects.params, scenario.skin.region);
  const { simulated, late } = plannedSessions(scenario);
  if (late) tracker.add(late);
  simulated.forEach((s, k) => {
    tracker.sessionStarted({ index: k + 1, day: s.day, needleMm: s.needleMm, passes: s.passes, integrityBefore: 1 });
    tracker.needleUsed(needleFacts(effects.params, anatomy, s.day, s, 1));
  });
  return tracker.list();
}
