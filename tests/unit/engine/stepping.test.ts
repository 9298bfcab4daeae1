/**
 * Fewer, cheaper steps (docs/model.md §8, issue 8): the production step policy against fixed 1-hour
 * reference steps on every output, and the shortcuts it takes — flushing tiny fast pools, quiet
 * patches stepped and sampled in closed form, a session's jumps applied once — each shown to change
 * nothing beyond its stated bound (most of them not a bit).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseParams,
  patchMeans,
  runSinglePatient,
  SERIES,
  zeroSeries,
  type ScenarioResult,
  type SkinSimulation,
} from '../../../src/engine/index';
import { nextStepHours, STEP_HOURS } from '../../../src/engine/stepping';
import { INTERACTIVE_PARAMS } from '../../../src/session/interactiveParams';
import { referenceScenario, referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';
import { expectSameFields } from '../../fixtures/fields';

/** Phototype IV with every graded indication: every series moves. */
const SKIN = { region: 'cheek', phototype: 4, conditions: ['acne-scars', 'wrinkles', 'laxity'] } as const;
const CELLS = 32;

const PROTOCOLS = {
  'a single session': { intervalDays: 30, sessions: 1, days: 180 },
  'monthly × 5': { intervalDays: 30, sessions: 5, days: 240 },
  'weekly × 12': { intervalDays: 7, sessions: 12, days: 180 },
  'daily × 14': { intervalDays: 1, sessions: 14, days: 180 },
} as const;

function course(p: { intervalDays: number; sessions: number; days: number }) {
  return referenceScenario({
    skin: { ...SKIN, conditions: [...SKIN.conditions] },
    protocol: { needleMm: 1.5, passes: 15, intervalDays: p.intervalDays, sessions: p.sessions },
    days: p.days,
    cells: CELLS,
  });
}

/** Largest |a − b| over every series and sampled day, with where it is. */
function worstDifference(a: ScenarioResult, b: ScenarioResult): { delta: number; at: string } {
  let out = { delta: 0, at: '' };
  for (const name of SERIES) {
    a.series[name].forEach((v, t) => {
      const d = Math.abs(v - b.series[name][t]!);
      if (d > out.delta) out = { delta: d, at: `${name} on day ${a.days[t]}: ${v} vs ${b.series[name][t]}` };
    });
  }
  return out;
}

type ProtocolName = keyof typeof PROTOCOLS;
const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as ProtocolName[];

/**
 * Each protocol's course run once with fixed 1-hour steps and once with production stepping, shared
 * by every test that compares against them (the reference alone is 4320–5760 steps).
 */
interface ProtocolRuns {
  scenario: ReturnType<typeof course>;
  reference: ScenarioResult;
  production: ScenarioResult;
}
const runs = new Map<ProtocolName, ProtocolRuns>();
function runsOf(name: ProtocolName): ProtocolRuns {
  let out = runs.get(name);
  if (out === undefined) {
    const scenario = course(PROTOCOLS[name]);
    out = {
      scenario,
      reference: runSinglePatient(scenario, { params: parseParams({ fixedStepHours: 1 }) }).result,
      production: runSinglePatient(scenario).result,
    };
    runs.set(name, out);
  }
  return out;
}

describe('production stepping against fixed 1-hour steps', () => {
  it.each(PROTOCOL_NAMES)('%s: every output within 0.005 of 1-hour steps', (name) => {
    const { reference, production } = runsOf(name);
    const worst = worstDifference(production, reference);
    expect(worst.delta, worst.at).toBeLessThanOrEqual(0.005);
    // The redness episodes and each session's visible days are followed hour by hour in both.
    expect(production.rednessEpisodes).toEqual(reference.rednessEpisodes);
    expect(production.sessions).toEqual(reference.sessions);
  });

  it.each(PROTOCOL_NAMES)('%s: the session view\'s finer ladder is within 0.005 of 1-hour steps too', (name) => {
    const { scenario, reference } = runsOf(name);
    const interactive = runSinglePatient(scenario, { params: INTERACTIVE_PARAMS }).result;
    const worst = worstDifference(interactive, reference);
    expect(worst.delta, worst.at).toBeLessThanOrEqual(0.005);
  });

  it('a monthly course of 240 days takes fewer than 200 steps (fixed 1-hour steps: 5760)', () => {
    const sim = referenceSim({ grid: { cells: CELLS } });
    for (let day = 0; day <= 240; day++) {
      if (day % 30 === 0 && day <= 120) {
        sim.advanceTo(day * 24);
        sim.applySession(REFERENCE_SESSION);
      }
      sim.sampleMeans(day * 24);
    }
    expect(sim.stepCount).toBeLessThan(200);
  });
});

describe('the step policy', () => {
  const p = parseParams({});

  it('aligns every step to an absolute multiple of its length, each length dividing the longer ones', () => {
    for (let k = 1; k < STEP_HOURS.length; k++) expect(STEP_HOURS[k - 1]! % STEP_HOURS[k]!).toBe(0);
    for (const hour of [0, 1, 5, 6, 24, 30, 96, 100, 768, 1000, 1536]) {
      for (const since of [0, 2, 10, 30, 100, 600, Number.POSITIVE_INFINITY]) {
        for (const quiet of [false, true]) {
          const h = nextStepHours(p, hour, hour - since, quiet);
          expect(hour % h, `hour ${hour}, ${since} h after injury, quiet ${quiet}: step ${h}`).toBe(0);
        }
      }
    }
  });

  it('steps 6 h on the injury day, a day until three weeks after, then up to 96 h, and long only when quiet', () => {
    expect(nextStepHours(p, 0, 0)).toBe(6);
    expect(nextStepHours(p, 48, 0)).toBe(24);
    expect(nextStepHours(p, 21 * 24, 0)).toBe(24); // 504 is not a multiple of 48
    expect(nextStepHours(p, 22 * 24, 0)).toBe(48);
    expect(nextStepHours(p, 24 * 24, 0)).toBe(96);
    expect(nextStepHours(p, 32 * 24, 0, true)).toBe(768);
    expect(nextStepHours(parseParams({ fixedStepHours: 1 }), 32 * 24, 0, true)).toBe(1);
  });
});

describe('shortcuts that change nothing, or nothing visible', () => {
  it('flushing tiny fast pools (below flushBelow) moves no output by more than 1e-4 (monthly × 5)', () => {
    const { scenario, production: flushed } = runsOf('monthly × 5');
    const exact = runSinglePatient(scenario, { params: parseParams({ flushBelow: 0 }) }).result;
    const worst = worstDifference(flushed, exact);
    expect(worst.delta, worst.at).toBeLessThanOrEqual(1e-4);
  });

  it('a session applied at once gives the same bits as its passes one by one', () => {
    const once = referenceSim({ grid: { cells: 48 } });
    once.applySession(REFERENCE_SESSION);
    const byPass = referenceSim({ grid: { cells: 48 } });
    for (let k = 0; k < REFERENCE_SESSION.passes; k++) byPass.applyPass(REFERENCE_SESSION);
    expectSameFields(once, byPass);
    expect(Array.from(once.fields.sessionDensity)).toEqual(Array.from(byPass.fields.sessionDensity));
    once.advanceTo(20 * 24);
    byPass.advanceTo(20 * 24);
    expectSameFields(once, byPass);
  });

  it('a quiet patch steps to the same bits in the general loop and in the quiet loop', () => {
    const quiet = referenceSim({ grid: { cells: 32 } });
    quiet.applySession(REFERENCE_SESSION);
    quiet.advanceTo(60 * 24);
    const general = referenceSim({ grid: { cells: 32 } });
    general.applySession(REFERENCE_SESSION);
    general.advanceTo(60 * 24);
    expectSameFields(quiet, general);
    // The second patch is told its fields changed: its next step runs the general loop.
    general.fieldsChanged();
    quiet.advanceTo(61 * 24);
    general.advanceTo(61 * 24);
    expectSameFields(quiet, general);
  });

  it('a settled patch (no cell inflamed) steps to the same bits in the general loop and in the settled loop', () => {
    const settled = referenceSim({ grid: { cells: 32 } });
    const general = referenceSim({ grid: { cells: 32 } });
    for (const sim of [settled, general]) {
      sim.applySession(REFERENCE_SESSION);
      sim.advanceTo(22 * 24);
    }
    expectSameFields(settled, general);
    general.fieldsChanged();
    for (const day of [23, 24, 26]) {
      settled.advanceTo(day * 24);
      general.advanceTo(day * 24);
      expectSameFields(settled, general);
    }
  });

  it('samples of a quiet patch in closed form agree with stepping there exactly (within 1e-6)', () => {
    const sampled = referenceSim({ grid: { cells: 32 } });
    const stepped = referenceSim({ grid: { cells: 32 } });
    for (const sim of [sampled, stepped]) {
      sim.applySession(REFERENCE_SESSION);
      sim.advanceTo(80 * 24);
    }
    let closedForm = 0;
    for (let day = 81; day <= 200; day += 7) {
      const before = sampled.hour;
      const a = sampled.sampleMeans(day * 24);
      if (sampled.hour < day * 24) closedForm++;
      expect(sampled.hour).toBeGreaterThanOrEqual(before);
      stepped.advanceTo(day * 24);
      const b = stepped.means();
      for (const name of SERIES) expect(Math.abs(a[name] - b[name]), `${name} on day ${day}`).toBeLessThan(1e-6);
    }
    expect(closedForm).toBeGreaterThan(5);
  });

  it('patch means after a step equal a fresh pass over the fields, bit for bit', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    for (const hour of [0, 6, 30, 24 * 5, 24 * 40]) {
      sim.advanceTo(hour);
      const cached = sim.means();
      const fresh = patchMeans(sim.fields, sim.params, zeroSeries(), { scars: false, wrinkles: false, laxity: false });
      for (const name of SERIES) expect(Object.is(cached[name], fresh[name]), `${name} at hour ${hour}`).toBe(true);
    }
  });

  it('lateral diffusion keeps the patch mean of inflammation (the closed-form erythema relies on it)', () => {
    // Without flushing: the flush of tiny values (≤ 1e-4) trims the halo diffusion spreads, by 2e-5 of the mean here.
    const on = referenceSim({ grid: { cells: 64 }, params: parseParams({ flushBelow: 0 }) });
    const off = referenceSim({ grid: { cells: 64 }, params: parseParams({ lateralDiffusionMm2PerDay: 0, flushBelow: 0 }) });
    for (const sim of [on, off]) {
      sim.applyStroke({ x0Mm: 5, y0Mm: 20, x1Mm: 35, y1Mm: 20, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 });
      sim.advanceTo(36);
    }
    const mean = (a: ArrayLike<number>): number => {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i]!;
      return s / a.length;
    };
    expect(mean(on.fields.I)).toBeGreaterThan(0.01);
    expect(Math.abs(mean(on.fields.I) / mean(off.fields.I) - 1)).toBeLessThan(1e-6);
    // ... while it does spread it: the peak is lower with diffusion.
    expect(Math.max(...on.fields.I)).toBeLessThan(Math.max(...off.fields.I));
  });
});

describe('closed-form samples leave the state alone', () => {
  let sampled: SkinSimulation;
  let advanced: SkinSimulation;
  beforeAll(() => {
    sampled = referenceSim({ grid: { cells: 32 } });
    advanced = referenceSim({ grid: { cells: 32 } });
    for (const sim of [sampled, advanced]) {
      sim.applySession(REFERENCE_SESSION);
      sim.advanceTo(100 * 24);
    }
  });

  it('a sample inside a long quiet step moves the clock no further than a non-exact advance, and changes no bit', () => {
    for (const day of [101, 103, 117, 140, 163]) {
      sampled.sampleMeans(day * 24);
      advanced.advanceTo(day * 24, false);
      expect(sampled.hour).toBe(advanced.hour);
      expectSameFields(sampled, advanced);
    }
    // Long steps were taken, so the samples really were in closed form.
    expect(sampled.hour).toBeLessThan(163 * 24);
  });
});
