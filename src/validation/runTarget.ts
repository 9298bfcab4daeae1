/** Runs validation targets and turns whatever happens (a verdict or a throw) into outcomes. */
import { DEFAULT_PARAMS, type ModelParams, type ScenarioResult } from '../engine/index';
import type { TargetOutcome } from './check';
import { validationTarget } from './targets';

/**
 * Runs the rows `ids` in order with one course cache, so rows sharing a protocol run it once.
 * A row that throws fails with the message; the others still run.
 */
export function runTargets(ids: readonly string[], cells: number, params: ModelParams = DEFAULT_PARAMS): TargetOutcome[] {
  const courses = new Map<string, ScenarioResult>();
  return ids.map((id) => {
    const started = performance.now();
    try {
      const checks = validationTarget(id).run({ cells, params, courses });
      return { id, pass: checks.length > 0 && checks.every((c) => c.pass), checks, ms: performance.now() - started };
    } catch (e) {
      return { id, pass: false, checks: [], error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
    }
  });
}

export function runTarget(id: string, cells: number, params: ModelParams = DEFAULT_PARAMS): TargetOutcome {
  return runTargets([id], cells, params)[0]!;
}
