/**
 * V11 (docs/model.md §14), sanity: untreated skin stays at baseline for 2 years; every output stays
 * finite (and states in range) for extreme inputs; more passes never lower the injury.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONDITIONS,
  parseScenario,
  REGIONS,
  runSinglePatient,
  SERIES,
  STATE_FIELDS,
  type ScenarioResult,
} from '../../src/engine/index';
import { referenceSim } from '../fixtures/engine';

const TWO_YEARS_HOURS = 2 * 365 * 24;

describe('V11: untreated skin', () => {
  it.each(REGIONS)('untreated %s skin stays exactly at baseline for 2 years', (region) => {
    const sim = referenceSim({ region, phototype: 6, grid: { cells: 32 } });
    const offBaseline: string[] = [];
    // Weekly looks, then the 2-year mark.
    const days = [...Array.from({ length: 105 }, (_, k) => 7 * k), 730];
    for (const day of days) {
      sim.advanceTo(day * 24);
      const m = sim.means();
      for (const name of SERIES) {
        const expected = name === 'capillaryIntegrity' ? 1 : 0;
        if (m[name] !== expected) offBaseline.push(`${name}=${m[name]} on day ${day}`);
      }
    }
    expect(sim.hour).toBe(TWO_YEARS_HOURS);
    expect(offBaseline).toEqual([]);
    for (const name of STATE_FIELDS) {
      const expected = name === 'V' ? 1 : 0;
      expect(sim.fields[name].every((v) => v === expected), `field ${name}`).toBe(true);
    }
  });
});

describe('V11: extreme inputs', () => {
  const extremes = {
    'cheek, every condition and priming': { region: 'cheek', conditions: [...CONDITIONS], primed: true },
    'periorbital (thinnest skin), no condition': { region: 'periorbital', conditions: [] },
    'body, keloid tendency and rosacea': { region: 'body', conditions: ['keloid-tendency', 'rosacea'] },
  } as const;
  const results = new Map<string, ScenarioResult>();
  beforeAll(() => {
    for (const [label, skin] of Object.entries(extremes)) {
      const scenario = parseScenario({
        version: 1,
        seed: 4294967295,
        skin: { phototype: 6, ...skin },
        grid: { cells: 32 },
        protocol: { needleMm: 3, passes: 50, intervalDays: 1, sessions: 30, pressure: 1.5 },
        days: 60,
        sampleEveryDays: 0.25,
      });
      results.set(label, runSinglePatient(scenario).result);
    }
  });

  it.each(Object.keys(extremes))('3 mm × 50 passes daily × 30 on phototype VI (%s) keeps every output finite', (label) => {
    const result = results.get(label)!;
    const bad: string[] = [];
    for (const name of SERIES) {
      result.series[name].forEach((v, t) => {
        if (!Number.isFinite(v)) bad.push(`${name}[day ${result.days[t]}] = ${v}`);
      });
    }
    expect(bad).toEqual([]);
    expect(result.series.collagenGain).toHaveLength(result.days.length);
  });

  it.each(Object.keys(extremes))('3 mm × 50 passes daily × 30 on phototype VI (%s) keeps capillaries and telangiectasia within [0, 1]', (label) => {
    const s = results.get(label)!.series;
    for (const name of ['capillaryIntegrity', 'telangiectasia', 'plasticLook'] as const) {
      expect(Math.min(...s[name]), name).toBeGreaterThanOrEqual(0);
      expect(Math.max(...s[name]), name).toBeLessThanOrEqual(1);
    }
    for (const name of ['collagenGain', 'collagen1', 'collagen3', 'erythema', 'edema', 'barrierOpen', 'pigment'] as const) {
      expect(Math.min(...s[name]), name).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('V11: more passes never lower the injury', () => {
  it('for any seed, needle and pressure, adding passes to a session never lowers barrier loss, damage or density anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0.25, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, needleMm, pressure, passes, extra) => {
          // A small 10 mm patch keeps each case cheap; the same seed gives the same first passes.
          const run = (n: number) => {
            const sim = referenceSim({ seed, grid: { cells: 32, patchMm: 10 } });
            sim.applySession({ needleMm, pressure, passes: n });
            return { means: sim.means(), fields: sim.fields };
          };
          const fewer = run(passes);
          const more = run(passes + extra);
          expect(more.means.barrierOpen).toBeGreaterThanOrEqual(fewer.means.barrierOpen);
          for (let i = 0; i < fewer.fields.W.length; i++) {
            if (more.fields.W[i]! < fewer.fields.W[i]!) return false;
            if (more.fields.D[i]! < fewer.fields.D[i]!) return false;
            if (more.fields.sessionDensity[i]! < fewer.fields.sessionDensity[i]!) return false;
            if (more.fields.V[i]! > fewer.fields.V[i]!) return false;
          }
          return true;
        },
      ),
      { seed: 20240611, numRuns: 40 },
    );
  });
});
