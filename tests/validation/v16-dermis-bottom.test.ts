/**
 * V16 (docs/model.md §14): on the periorbital skin (dermis 0.65 mm) a 2.0 mm needle gains no more
 * collagen at day 60 than a 1.5 mm one (± 3 %), because only the part of a channel inside the
 * dermis releases growth factors (docs/model.md §4); both sessions warn that the needle reaches below the dermis,
 * and the deeper one bruises more. 64-cell grid (collagen patch means within 3 % of 160 cells,
 * cohort.test.ts; both arms share the grid).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../src/engine/index';
import { runSinglePatient } from '../../src/engine/index';
import { referenceScenario, seriesAt } from '../fixtures/engine';

function periorbital(needleMm: number): ScenarioResult {
  return runSinglePatient(
    referenceScenario({ skin: { region: 'periorbital', phototype: 3, conditions: [] }, sessions: [{ day: 0, needleMm, passes: 15 }], days: 60, cells: 64 }),
  ).result;
}

describe('V16: needles that pass the dermis', () => {
  let shorter: ScenarioResult;
  let longer: ScenarioResult;
  beforeAll(() => {
    shorter = periorbital(1.5);
    longer = periorbital(2.0);
  });

  it('a 2.0 mm needle gains no more collagen at day 60 than a 1.5 mm one (± 3 %)', () => {
    const reference = seriesAt(shorter, 'collagenGain', 60);
    expect(reference).toBeGreaterThan(0);
    expect(seriesAt(longer, 'collagenGain', 60)).toBeLessThanOrEqual(1.03 * reference);
  });

  it.each([
    ['1.5', () => shorter],
    ['2.0', () => longer],
  ])('a %s mm session warns that the needle reaches below the dermis', (_label, result) => {
    expect(result().warnings.map((w) => w.code)).toContain('needle-below-dermis');
  });

  it('the part below the dermis bruises: more purpura with the longer needle', () => {
    expect(seriesAt(shorter, 'purpura', 1)).toBeGreaterThan(0);
    expect(seriesAt(longer, 'purpura', 1)).toBeGreaterThan(seriesAt(shorter, 'purpura', 1));
  });
});
