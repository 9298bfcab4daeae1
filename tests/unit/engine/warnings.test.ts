/**
 * The one warning tracker (src/engine/warnings.ts, docs/model.md §9): each rule once per code, new
 * warnings in the order they happen for an app, the fixed code order for the CLI, and the same
 * warnings whether the facts come from a scenario run or an interactive simulation.
 */
import { describe, expect, it } from 'vitest';
import {
  applyConditions,
  CourseWarnings,
  DEFAULT_PARAMS,
  formatAbove,
  RednessEpisodes,
  runSinglePatient,
  VISIBLE,
  type CourseSetup,
  type ModelWarning,
} from '../../../src/engine/index';
import { course, referenceScenario, referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

const codes = (ws: readonly ModelWarning[]): string[] => ws.map((w) => w.code);

/** The tracker's listener (as SkinSimulation gives it) collects what it hears; `drain` hands over and forgets it. */
type Heard = CourseWarnings & { drain(): ModelWarning[] };

function listening(setup: CourseSetup): Heard {
  let heard: ModelWarning[] = [];
  const w = new CourseWarnings(setup, (x) => heard.push(x));
  return Object.assign(w, {
    drain(): ModelWarning[] {
      const out = heard;
      heard = [];
      return out;
    },
  });
}

function tracker(phototype = 3, conditions: Parameters<typeof applyConditions>[1] = []): Heard {
  return listening({ region: 'cheek', phototype, conditionWarnings: applyConditions(DEFAULT_PARAMS, conditions).warnings });
}

const needle = (day: number, needleMm: number, belowDermisShare = 0) => ({ day, needleMm, belowDermisShare, warnShare: 0.05, dermisBottomMm: 1.08 });

describe('CourseWarnings', () => {
  it('starts with the condition warnings and the PIH risk of dark phototypes', () => {
    const w = tracker(5, ['rosacea', 'herpes']);
    expect(codes(w.drain())).toEqual(['contraindication-rosacea', 'contraindication-herpes', 'infection-risk', 'pih-risk']);
    expect(codes(tracker(3).drain())).toEqual([]);
  });

  it('does not blame the course for vessels the skin had before it (rosacea), only for a rise above them', () => {
    const w = listening({ region: 'cheek', phototype: 3, conditionWarnings: [], preexistingTelangiectasia: 0.1 });
    // Float32 rounding puts rosacea's 0.1 a hair above the threshold: not a new visible effect.
    w.observeMeans({ telangiectasia: Math.fround(0.1), pigment: 0 });
    w.observeMeans({ telangiectasia: 0.10005, pigment: 0 });
    expect(codes(w.drain())).toEqual([]);
    w.observeMeans({ telangiectasia: 0.13, pigment: 0 });
    expect(codes(w.drain())).toEqual(['telangiectasia-visible']);
    const plain = tracker(3);
    plain.observeMeans({ telangiectasia: 0.1001, pigment: 0 });
    expect(codes(plain.drain())).toEqual(['telangiectasia-visible']);
  });

  it('flags sessions closer than 14 days with dermal needles, not with 0.5 mm ones', () => {
    const w = tracker();
    w.sessionStarted({ index: 1, day: 0, needleMm: 0.5, integrityBefore: 1 });
    w.sessionStarted({ index: 2, day: 7, needleMm: 0.5, integrityBefore: 1 });
    expect(w.has('interval-too-short')).toBe(false);
    w.sessionStarted({ index: 3, day: 20, needleMm: 1.5, integrityBefore: 1 });
    const [interval] = w.drain();
    expect(interval).toMatchObject({ code: 'interval-too-short', day: 20 });
    expect(interval!.message).toMatch(/^Sessions 13 days apart with 1\.5 mm needles/);
  });

  it('gives each code once, at its first occurrence', () => {
    const w = tracker();
    w.needleUsed(needle(0, 2.5));
    w.needleUsed(needle(3, 3));
    const list = w.list();
    expect(codes(list)).toEqual(['needle-too-long-for-region']);
    expect(list[0]!.day).toBe(0);
  });

  it('warns of needles below the dermis only above the share threshold', () => {
    const w = tracker();
    w.needleUsed(needle(0, 1.5, 0.002));
    expect(w.has('needle-below-dermis')).toBe(false);
    w.needleUsed(needle(1, 2, 0.3));
    expect(w.list().find((x) => x.code === 'needle-below-dermis')?.message).toMatch(/30 % of punctures deeper than 1\.08 mm/);
  });

  it('uses the planned passes of a scenario, or the mean passes at the end of an interactive session', () => {
    const planned = tracker();
    planned.sessionStarted({ index: 1, day: 0, needleMm: 1.5, passes: 25, integrityBefore: 1 });
    expect(planned.list()[0]!.message).toMatch(/^25 passes in one session/);
    const rolled = tracker();
    rolled.sessionStarted({ index: 1, day: 0, needleMm: 1.5, integrityBefore: 1 });
    rolled.sessionEnded({ index: 1, day: 0, meanPasses: 20.4 });
    expect(rolled.has('too-many-passes')).toBe(false);
    rolled.sessionEnded({ index: 1, day: 0, meanPasses: 22 });
    expect(rolled.list()[0]!.message).toMatch(/^Session 1: 22 passes on average/);
  });

  it('lists in the fixed code order but drains in the order things happened', () => {
    const w = tracker(4);
    w.drain();
    w.observeMeans({ telangiectasia: 0.2, pigment: 0 });
    w.sessionStarted({ index: 2, day: 3, needleMm: 1.5, integrityBefore: 0.5 });
    w.needleUsed(needle(3, 0.25));
    expect(codes(w.drain())).toEqual(['telangiectasia-visible', 'capillaries-not-recovered', 'cosmetic-needle']);
    expect(codes(w.list())).toEqual(['pih-risk', 'cosmetic-needle', 'capillaries-not-recovered', 'telangiectasia-visible']);
  });

  it('quotes the peak of the whole run in the final list, and a number that exceeds the threshold', () => {
    const w = tracker();
    w.observeMeans({ telangiectasia: 0.1004, pigment: 0 });
    expect(w.drain()[0]!.message).toContain('up to 0.1004 > 0.1');
    w.observeMeans({ telangiectasia: 0.4, pigment: 0 });
    w.observeMeans({ telangiectasia: 0.3, pigment: 0 });
    expect(w.list()[0]!.message).toContain('up to 0.40 > 0.1');
  });

  it('warns of prolonged redness once an episode passes 3 days, quoting the longest', () => {
    const w = tracker();
    w.observeRedness(2.9);
    expect(w.has('prolonged-erythema')).toBe(false);
    w.observeRedness(3.2);
    w.observeRedness(16.25);
    expect(w.list()[0]!.message).toMatch(/^Redness stays visible for 16\.3 days in one continuous episode/);
  });
});

describe('formatAbove', () => {
  it('adds digits only when the rounded value would not exceed the threshold', () => {
    expect(formatAbove(0.59, VISIBLE.telangiectasia, 2)).toBe('0.59');
    expect(formatAbove(0.1004, VISIBLE.telangiectasia, 2)).toBe('0.1004');
    expect(formatAbove(0.02801, VISIBLE.pigment, 3)).toBe('0.02801');
  });
});

describe('RednessEpisodes', () => {
  it('joins consecutive visible observations into one episode and closes it at the first invisible one', () => {
    const e = new RednessEpisodes();
    e.observe(0, false);
    e.observe(0, true); // the flare of a stroke at hour 0
    for (let h = 1; h <= 30; h++) e.observe(h, h < 20);
    e.observe(48, true);
    expect(e.list()).toEqual([
      { startHour: 0, endHour: 19 },
      { startHour: 48, endHour: 48 },
    ]);
    expect(e.longestHours).toBe(19);
    expect(e.lastVisibleHour).toBe(48);
    expect(e.isOpen).toBe(true);
  });
});

describe('one tracker for the CLI and the interactive simulation', () => {
  it('an interactive simulation raises interval-too-short and pih-risk as events, as the CLI lists them', () => {
    const sim = referenceSim({ phototype: 5, grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceTo(5 * 24);
    sim.applyPass({ needleMm: 1.5, pressure: 1 });
    const events = codes(sim.drainEvents().flatMap((e) => (e.type === 'warning' ? [e.warning] : [])));
    expect(events).toContain('pih-risk');
    expect(events).toContain('interval-too-short');
    const cli = runSinglePatient(
      referenceScenario({
        skin: { region: 'cheek', phototype: 5, conditions: [] },
        sessions: [
          { day: 0, needleMm: 1.5, passes: 15 },
          { day: 5, needleMm: 1.5, passes: 1 },
        ],
        days: 6,
        cells: 32,
      }),
    ).result;
    expect(codes(cli.warnings)).toEqual(expect.arrayContaining(['pih-risk', 'interval-too-short']));
  });

  it('keeps the CLI warnings of a monthly course to the PIH risk of phototype IV', () => {
    const result = runSinglePatient({ ...course(30, 3, 90, 32), skin: { region: 'cheek', phototype: 4, conditions: [] } }).result;
    expect(codes(result.warnings)).toEqual(['pih-risk']);
  });
});
