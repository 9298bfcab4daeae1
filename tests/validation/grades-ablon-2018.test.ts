/**
 * Calibration of the indication grades (docs/model.md §7) against Ablon 2018 (J Clin Aesthet Dermatol
 * 11(8):29–34; numbers in tests/validation/data/ablon-2018.json): four sessions 30 days apart, mean
 * improvement at day 150 of 1.23 grades for wrinkles, 1.09 for laxity and 1.54 for texture, each
 * within its 99 % confidence interval here, and a significant improvement already at day 90. The
 * constants k_wrinkle, k_laxity, k_texture were fitted to these means [V]; the mapping from mature
 * collagen and epidermis is ours [I]. The test fails if the dynamics that feed C1 and Ep change.
 * The needle depth of the trial's device is not in the abstract: the reference session stands in [I].
 * 64-cell grid: C1 and Ep patch means within 0.01 % of 160 cells on this course.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runSinglePatient, type ScenarioResult, type SeriesName } from '../../src/engine/index';
import { readRepoJson, referenceScenario, seriesAt } from '../fixtures/engine';

const Grade = z.object({ mean: z.number(), ci99: z.tuple([z.number(), z.number()]), scale: z.string() });
const Ablon = z.object({
  protocol: z.object({ sessions: z.number().int(), intervalDays: z.number() }),
  readDay: z.number(),
  meanImprovementAtReadDay: z.object({ wrinkles: Grade, laxity: Grade, texture: Grade }),
  alsoSignificantAtDay: z.number(),
});
const trial = Ablon.parse(readRepoJson('tests/validation/data/ablon-2018.json'));

/** An improvement this large is "statistically significant" for 48 subjects with a grade spread ≈ 0.5 [I]. */
const SIGNIFICANT_GRADES = 0.2;

const SERIES_OF = { wrinkles: 'wrinkleSeverity', laxity: 'laxitySeverity', texture: 'textureSeverity' } as const satisfies Record<
  string,
  SeriesName
>;

describe('indication grades: Ablon 2018, four monthly sessions', () => {
  let result: ScenarioResult;
  beforeAll(() => {
    result = runSinglePatient(
      referenceScenario({
        skin: { region: 'cheek', phototype: 3, conditions: ['wrinkles', 'laxity'] },
        protocol: { needleMm: 1.5, passes: 15, intervalDays: trial.protocol.intervalDays, sessions: trial.protocol.sessions },
        days: trial.readDay,
        cells: 64,
      }),
    ).result;
  });

  it.each(Object.keys(SERIES_OF) as (keyof typeof SERIES_OF)[])('the %s grade improves at day 150 within the trial’s 99 % CI', (what) => {
    const { ci99 } = trial.meanImprovementAtReadDay[what];
    const improvement = -seriesAt(result, SERIES_OF[what], trial.readDay);
    expect(improvement).toBeGreaterThanOrEqual(ci99[0]);
    expect(improvement).toBeLessThanOrEqual(ci99[1]);
  });

  it.each(Object.keys(SERIES_OF) as (keyof typeof SERIES_OF)[])('the %s grade already improves significantly at day 90', (what) => {
    expect(-seriesAt(result, SERIES_OF[what], trial.alsoSignificantAtDay)).toBeGreaterThan(SIGNIFICANT_GRADES);
  });
});
