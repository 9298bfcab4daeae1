import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, plannedWarnings, runSinglePatient, type Scenario } from '../../../src/engine/index';
import { presetFiles } from '../../fixtures/engine';

/** Codes only a run can raise: they depend on what the skin did, not on the plan. */
const RUN_ONLY = new Set(['capillaries-not-recovered', 'telangiectasia-visible', 'pih-visible', 'prolonged-erythema']);

const presets: Scenario[] = presetFiles()
  .map((p) => parseScenarioText(p.text))
  .map((s) => ({ ...s, grid: { cells: 32 }, cohort: undefined }));

const codes = (ws: readonly { code: string }[]): string[] => ws.map((w) => w.code);

describe('warnings known before a run (the Compare view shows them while a course is edited)', () => {
  it.each(presets.map((s) => [s.name ?? '?', s] as const))('%s: the plan gives exactly the run’s plan-dependent warnings', (_name, scenario) => {
    const planned = codes(plannedWarnings(scenario));
    const run = codes(runSinglePatient(scenario).result.warnings);
    expect(planned).toEqual(run.filter((c) => !RUN_ONLY.has(c)));
  });

  it('names the plan’s problems with their days: too close, too deep, too many, after the end', () => {
    const s = parseScenario({
      version: 1,
      seed: 1,
      skin: { region: 'periorbital', phototype: 5, conditions: ['rosacea'] },
      sessions: [
        { day: 0, needleMm: 2, passes: 15 },
        { day: 3, needleMm: 2, passes: 30 },
        { day: 90, needleMm: 2, passes: 15 },
      ],
      days: 60,
    });
    const w = plannedWarnings(s);
    expect(codes(w)).toEqual([
      'contraindication-rosacea',
      'pih-risk',
      'sessions-after-end',
      'needle-too-long-for-region',
      'needle-below-dermis',
      'interval-too-short',
      'too-many-passes',
    ]);
    expect(w.find((x) => x.code === 'interval-too-short')?.day).toBe(3);
    expect(w.find((x) => x.code === 'sessions-after-end')?.message).toMatch(/^1 of 3 sessions fall after day 60/);
  });

  it('keeps a session the run simulates when it snaps onto the last hour of a fractional course', () => {
    // Day 10.99 is hour 263.76: the session runs at hour 264, which is also the course's last hour.
    const s = parseScenario({
      version: 1,
      seed: 1,
      skin: { region: 'cheek', phototype: 3, conditions: [] },
      sessions: [
        { day: 0, needleMm: 1.5, passes: 15 },
        { day: 10.99, needleMm: 1.5, passes: 15 },
      ],
      days: 10.99,
      grid: { cells: 32 },
    });
    const run = codes(runSinglePatient(s).result.warnings);
    expect(run).toContain('interval-too-short');
    expect(run).not.toContain('sessions-after-end');
    expect(codes(plannedWarnings(s))).toEqual(run.filter((c) => !RUN_ONLY.has(c)));
  });
});
