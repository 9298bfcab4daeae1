import type { CohortResult } from '../../engine/cohort';
import { shownFromResult, type ShownRun } from '../../compare/shownRun';
import { createWebPool } from '../../pool/webPool';
import { runCohortInPool, runCourseArrays, type JobPool } from '../../pool/scenarioJobs';
import type { CourseRunner } from './compareModel';
import type { DoseCellRunner } from './doseMapModel';

/**
 * The Compare view's runners over one pool of Web Workers (one per core, at least 2): a course is one
 * job, a cohort one job per patient aggregated in patient order (the same bytes as the CLI), a batch of
 * dose-map cells one job. Results arrive as Transferables (one Float64Array per series).
 */
export function createCompareRunners(pool: JobPool = createWebPool()): { course: CourseRunner; dose: DoseCellRunner; pool: JobPool } {
  const course: CourseRunner = {
    async run(scenario, { onProgress, signal }): Promise<ShownRun> {
      if (scenario.cohort !== undefined) {
        const result: CohortResult = await runCohortInPool(pool, scenario, { onProgress, signal });
        return shownFromResult(result);
      }
      return shownFromResult(await runCourseArrays(pool, scenario, { onProgress, signal }));
    },
  };
  const dose: DoseCellRunner = {
    async run(batch, signal) {
      const r = await pool.submit({ kind: 'dose-cells', ...batch }, { signal }).promise;
      if (r.kind !== 'dose-cells') throw new Error(`expected dose-map cells, got ${r.kind}`);
      return r.cells.map((c) => ({ collagenGain: c.collagenGain, damageVisible: c.capillaryDamageVisible }));
    },
  };
  return { course, dose, pool };
}
