/**
 * Every row of the validation table (src/validation/targets.ts; docs/model.md §14, §16) at the cohort grid,
 * the grid the app's "How good is the model?" panel runs it at, so `npm test` and the panel give one verdict.
 * The per-row files beside this one check the older rows in more detail and at finer grids.
 */
import { describe, expect, it } from 'vitest';
import { COHORT_DEFAULT_CELLS } from '../../src/engine/index';
import { formatFigure, formatRange } from '../../src/validation/check';
import { runTargets } from '../../src/validation/runTarget';
import { TARGET_IDS } from '../../src/validation/targets';

describe('the validation table at the cohort grid', () => {
  const outcomes = runTargets(TARGET_IDS, COHORT_DEFAULT_CELLS);

  it.each(outcomes.map((o) => [o.id, o] as const))('%s holds', (_id, outcome) => {
    const failed = outcome.checks.filter((c) => !c.pass).map((c) => `${c.label}: ${formatFigure(c.value)} not in ${formatRange(c.low, c.high)}`);
    expect(outcome.error).toBeUndefined();
    expect(outcome.checks.length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});
