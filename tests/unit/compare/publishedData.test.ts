import { describe, expect, it } from 'vitest';
import { newCourse } from '../../../src/compare/courseForm';
import { DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM } from '../../../src/compare/doseMap';
import { evidenceEnvelope } from '../../../src/evidence/envelope';
import { resultEvidence } from '../../../src/evidence/seriesEvidence';
import { doseMapInsideEnvelope, describePoint, matchingTrials, pointsRange, publishedPoints } from '../../../src/compare/publishedData';
import type { Scenario } from '../../../src/engine/index';
import { trialData, type TrialRecord } from '../../../src/evidence/trials';

const record = (over: Partial<TrialRecord>): TrialRecord => ({
  id: 'x-2020',
  trial: 'X 2020',
  year: 2020,
  citation: 'X. J Test 2020.',
  protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 5 },
  skin: { region: 'cheek', phototype: 3, conditions: [] },
  phototypes: [3, 4],
  assumed: [],
  measure: 'collagenGain',
  day: 70,
  mean: 0.25,
  interval: { kind: 'ci95', low: 0.2, high: 0.3 },
  n: 12,
  note: '',
  ...over,
});

const withProtocol = (protocol: Partial<NonNullable<Scenario['protocol']>>): Scenario => {
  const c = newCourse(0);
  return { ...c, protocol: { ...c.protocol!, ...protocol } };
};

describe('published data on the Compare charts', () => {
  it('puts each record on the chart of its measure, in the chart’s scale and time unit', () => {
    const records = [record({}), record({ id: 'y', measure: 'textureSeverity', mean: -1.2, interval: null })];
    const [p] = publishedPoints('collagenGain', 'weeks', records);
    expect(publishedPoints('collagenGain', 'weeks', records)).toHaveLength(1);
    expect(p!.x).toBeCloseTo(10, 12);
    expect(p!.y).toBeCloseTo(25, 12);
    expect(p!.low).toBeCloseTo(20, 12);
    expect(p!.high).toBeCloseTo(30, 12);
    // Grades are not scaled.
    expect(publishedPoints('textureSeverity', 'days', records)[0]!.y).toBe(-1.2);
    expect(publishedPoints('telangiectasia', 'days', records)).toEqual([]);
  });

  it('keeps a one-sided bound open and says what it is', () => {
    const [p] = publishedPoints('collagen3', 'days', [record({ measure: 'collagen3', mean: null, interval: { kind: 'bound', low: 0, high: null } })]);
    expect(p!.y).toBeNull();
    expect(p!.high).toBeNull();
    expect(describePoint(p!, '%')).toBe('published bound ≥ ±0.0 %');
    expect(describePoint(publishedPoints('collagenGain', 'days', [record({})])[0]!, '%')).toBe('+25.0 %, 95 % CI +20.0 % to +30.0 %');
    expect(pointsRange([p!])).toEqual({ min: 0, max: 0 });
    expect(pointsRange([])).toBeNull();
  });

  it('shows every record of the shipped data set on some chart', () => {
    const measures = new Set(trialData().records.map((r) => r.measure));
    const shown = [...measures].flatMap((m) => publishedPoints(m, 'days'));
    expect(shown).toHaveLength(trialData().records.length);
  });

  it('names the trials whose protocol a course repeats', () => {
    const records = [record({}), record({ id: 'z', trial: 'Z 2019', protocol: { needleMm: 1.5, passes: 8, intervalDays: 30, sessions: 5 }, assumed: ['passes'] })];
    expect(matchingTrials(withProtocol({ sessions: 5 }), records)).toEqual(['X 2020', 'Z 2019']);
    // Passes count only where the paper states them.
    expect(matchingTrials(withProtocol({ sessions: 5, passes: 8 }), records)).toEqual(['Z 2019']);
    expect(matchingTrials(withProtocol({ sessions: 5, intervalDays: 28 }), records)).toEqual([]);
    expect(matchingTrials(withProtocol({ sessions: 5, needleMm: 2 }), records)).toEqual([]);
    // The shipped set: the Lotfi protocol is recognised.
    expect(matchingTrials(withProtocol({ sessions: 5 }))).toContain('Lotfi 2013');
  });

  it('tags a course outside the trials’ envelope as extrapolation, with the reason', () => {
    expect(resultEvidence(newCourse(0)).collagenGain.tag).toBe('data');
    const daily = resultEvidence(withProtocol({ intervalDays: 1, sessions: 14 })).collagenGain;
    expect(daily.tag).toBe('extrapolation');
    expect(daily.reason).toMatch(/interval 1 d: trials covered 14–30 d/);
    expect(resultEvidence(newCourse(0)).telangiectasia.tag).toBe('hypothesis');
  });

  it('marks the dose-map cells inside the trials’ envelope, and none when the map’s sessions lie outside it', () => {
    const env = evidenceEnvelope();
    const inside = doseMapInsideEnvelope(newCourse(0), { sessions: 3, passes: 15 });
    expect(inside).toHaveLength(DOSE_MAP_NEEDLES_MM.length * DOSE_MAP_INTERVALS_DAYS.length);
    const expected = DOSE_MAP_NEEDLES_MM.flatMap((n) =>
      DOSE_MAP_INTERVALS_DAYS.map((d) => n >= env.needleMm.min && n <= env.needleMm.max && d >= env.intervalDays.min && d <= env.intervalDays.max),
    );
    expect(inside).toEqual(expected);
    expect(inside.filter(Boolean).length).toBeGreaterThan(0);
    expect(doseMapInsideEnvelope(newCourse(0), { sessions: 3, passes: 50 }).some(Boolean)).toBe(false);
    expect(doseMapInsideEnvelope(newCourse(0), { sessions: 1, passes: 15 }).some(Boolean)).toBe(false);
  });
});
