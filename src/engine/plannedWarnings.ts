import { resolveAnatomy } from './anatomy';
import { applyConditions, type ModelWarning } from './conditions';
import { DEFAULT_PARAMS } from './params';
import { shareDeeperThan } from './roller';
import { scenarioSessions, type Scenario } from './scenario';
import { CourseWarnings } from './warnings';

const HOURS_PER_DAY = 24;

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
  const bottomMm = anatomy.epidermisMm + anatomy.dermisMm;
  const planned = scenarioSessions(scenario).map((s) => ({ ...s, day: Math.round(s.day * HOURS_PER_DAY) / HOURS_PER_DAY }));
  const late = sessionsAfterEndWarning(
    planned.map((s) => s.day),
    scenario.days,
  );
  if (late) tracker.add(late);
  planned
    .filter((s) => s.day <= scenario.days)
    .forEach((s, k) => {
      tracker.sessionStarted({ index: k + 1, day: s.day, needleMm: s.needleMm, passes: s.passes, integrityBefore: 1 });
      tracker.needleUsed({
        day: s.day,
        needleMm: s.needleMm,
        belowDermisShare: shareDeeperThan(effects.params, s.needleMm, s.pressure, 1, bottomMm),
        warnShare: effects.params.belowDermisWarnShare,
        dermisBottomMm: bottomMm,
      });
    });
  return tracker.list();
}
