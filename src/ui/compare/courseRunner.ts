import type { CohortResult } from '../../engine/index';
import { quickCourse } from '../../compare/quickCourse';
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
/**
 * The engine's warm-up, once per worker when the view opens (issue 17): it starts the workers and lets
 * V8 compile the engine's hot loops from every regime's feedback before the user's first run
 * (engine/warmUp.ts). In a fresh worker the first 32² course took 0.5–0.9 s (a Chrome trace of "Load
 * the example comparison"), a warm one 0.03–0.17 s.
 */
const WARM_UP = { kind: 'warm-up' } as const;

export function createCompareRunners(pool: JobPool = createWebPool(), options: { warm?: boolean } = {}): { course: CourseRunner; dose: DoseCellRunner; pool: JobPool } {
  if (options.warm ?? true) for (let k = 0; k < pool.size; k++) pool.submit(WARM_UP).promise.catch(() => undefined);
  const course: CourseRunner = {
    async run(scenario, { onProgress, signal, onPreview }): Promise<ShownRun> {
      if (scenario.cohort !== undefined) {
        const result: CohortResult = await runCohortInPool(pool, scenario, { onProgress, signal });
        return shownFromResult(result);
      }
      // First the course at the cohort grid, ahead of any queued work: its curves are shown at once.
      const quick = onPreview ? quickCourse(scenario) : null;
      if (quick !== null) {
        const preview = await pool.submit({ kind: 'course', scenario: quick }, { signal, first: true }).promise;
        if (preview.kind !== 'course') throw new Error(`expected a course, got ${preview.kind}`);
        onPreview!(shownFromResult(preview));
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
