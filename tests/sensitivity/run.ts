/**
 * `npm run test:sensitivity` (docs/model.md §18): every model parameter × 10 and × 0.1, every validation
 * target at the cohort grid, through the worker pool; prints the table and exits non-zero when the
 * verdict has problems (an unnoticed parameter not listed free, a free one that is noticed, a declared pin
 * that is not noticed, a target failing with the defaults). `--json FILE` also writes the table as JSON.
 */
import { writeFileSync } from 'node:fs';
import { COHORT_DEFAULT_CELLS } from '../../src/engine/index';
import { createNodePool } from '../../src/pool/nodePool';
import type { TargetOutcome } from '../../src/validation/check';
import { modelParameters, scaledValue } from '../../src/validation/parameterSpace';
import { formatSensitivityTable, judgeSensitivity, SENSITIVITY_FACTORS } from '../../src/validation/sensitivity';
import { TARGET_IDS, VALIDATION_TARGETS } from '../../src/validation/targets';

const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;
const cells = COHORT_DEFAULT_CELLS;
const started = performance.now();
// A validation job sends no progress and runs all targets (seconds, more when a parameter slows the model down).
const pool = createNodePool({ timeoutMs: 600_000 });

/** The targets' outcomes with `scale` applied; a job that fails as a whole fails every target with its message. */
async function outcomes(scale?: { path: string; factor: number }): Promise<TargetOutcome[]> {
  try {
    const result = await pool.submit({ kind: 'validation', ids: [...TARGET_IDS], cells, ...(scale ? { scale } : {}) }).promise;
    if (result.kind !== 'validation') throw new Error(`expected a validation result, got ${result.kind}`);
    return result.outcomes;
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return TARGET_IDS.map((id) => ({ id, pass: false, checks: [], error, ms: 0 }));
  }
}

const parameters = modelParameters();
let done = 0;
const total = parameters.length * SENSITIVITY_FACTORS.length + 1;
const tick = (): void => {
  done++;
  if (done % 20 === 0 || done === total) process.stderr.write(`[sensitivity] ${done}/${total} runs, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
};
const baselineRun = outcomes().then((o) => (tick(), o));
const runs = parameters.map(async (p) => {
  const [up, down] = await Promise.all(SENSITIVITY_FACTORS.map((factor) => outcomes({ path: p.path, factor }).then((o) => (tick(), o))));
  return [p.path, { up: up!, down: down!, upValue: scaledValue(p, SENSITIVITY_FACTORS[0]), downValue: scaledValue(p, SENSITIVITY_FACTORS[1]) }] as const;
});
const baseline = await baselineRun;
const sweep = new Map(await Promise.all(runs));
pool.close();

const verdict = judgeSensitivity(baseline, parameters, sweep, VALIDATION_TARGETS);
console.log(formatSensitivityTable(verdict));
console.log(`\n${VALIDATION_TARGETS.length} targets × ${total} parameter sets at ${cells}² in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ cells, baseline, rows: verdict.rows, problems: verdict.problems }, null, 1)}\n`);
process.exitCode = verdict.problems.length > 0 ? 1 : 0;
