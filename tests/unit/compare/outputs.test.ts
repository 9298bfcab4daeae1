import { describe, expect, it } from 'vitest';
import { compareToCsv, protocolText } from '../../../src/compare/compareCsv';
import { csvText, parseCsv } from '../../../src/engine/csv';
import { doseCellJob, doseCellOrder, DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, outlineSegments } from '../../../src/compare/doseMap';
import { bandFill, COURSE_STYLES } from '../../../src/ui/palette';
import { indexAtOrBefore, valueAtDay, type ShownRun } from '../../../src/compare/shownRun';
import { summariseCourse } from '../../../src/compare/summary';
import { newCourse } from '../../../src/compare/courseForm';
import { lastSessionDay, readoutDayOf } from '../../../src/compare/workspace';
import { SERIES, type SeriesName } from '../../../src/engine/outputs';
import { ScenarioSchema, scenarioSessions, type Scenario } from '../../../src/engine/scenario';
import { DoseCellJobSchema } from '../../../src/pool/jobs';
import { doseCellScenario } from '../../../src/pool/runJob';

/** A synthetic run whose every value is a known function of series and day. */
function run(days: number[], f: (name: SeriesName, day: number) => number, band = false, seed = 1): ShownRun {
  const col = (g: (n: SeriesName, d: number) => number): Record<SeriesName, number[]> => {
    const out = {} as Record<SeriesName, number[]>;
    for (const n of SERIES) out[n] = days.map((d) => g(n, d));
    return out;
  };
  return {
    days,
    value: col(f),
    band: band ? { p10: col((n, d) => f(n, d) - 0.01), p90: col((n, d) => f(n, d) + 0.01) } : null,
    warnings: [],
    incidence: band ? { pih: 0.1, telangiectasia: 0, prolongedErythema: 0.5 } : null,
    patients: band ? 30 : null,
    improvedShare: band ? days.map((d) => Math.min(1, d / 200)) : null,
    seed,
  };
}

describe('Export CSV', () => {
  it('holds exactly the numbers shown, with course, seed and protocol on every row', () => {
    const a = newCourse(0);
    const b: Scenario = { ...newCourse(1), name: 'Weekly, "hard"', seed: 9 };
    const days = [0, 1, 2.5, 3];
    const ra = run(days, (n, d) => Math.sin(d + n.length) / 3, false, a.seed);
    const rb = run(days, (n, d) => Math.cos(d * n.length) * 1e-7, true, 9);
    const { header, rows } = parseCsv(compareToCsv([{ course: a, run: ra }, { course: b, run: rb }]));
    expect(header.slice(0, 9)).toEqual(['course', 'name', 'seed', 'region', 'phototype', 'conditions', 'protocol', 'patients', 'day']);
    expect(rows).toHaveLength(8);
    const col = (name: string): number => header.indexOf(name);
    for (const [k, row] of rows.entries()) {
      const r = k < 4 ? ra : rb;
      const t = k % 4;
      expect(row[col('name')]).toBe(k < 4 ? 'Course 1' : 'Weekly, "hard"');
      expect(Number(row[col('seed')])).toBe(r.seed);
      expect(row[col('protocol')]).toBe(protocolText(k < 4 ? a : b));
      expect(Number(row[col('day')])).toBe(days[t]);
      for (const name of SERIES) expect(Number(row[col(name)])).toBe(r.value[name][t]);
      expect(row[col('collagenGain_p10')]).toBe(k < 4 ? '' : String(rb.band!.p10.collagenGain[t]));
    }
  });

  it('defuses spreadsheet formulas and quotes separators in names', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('plain')).toBe('plain');
    expect(parseCsv(`h\n${csvText('line\nbreak')}\n`).rows).toEqual([['line\nbreak']]);
  });
});

describe('course summary', () => {
  it('reads each course at 8 weeks after its last session, against a direct computation', () => {
    const course: Scenario = { ...newCourse(0), skin: { region: 'cheek', phototype: 4, conditions: ['acne-scars'] } };
    expect(lastSessionDay(course)).toBe(60);
    const days = Array.from({ length: 241 }, (_, d) => d);
    const r = run(days, (n, d) => {
      if (n === 'erythema') return d % 30 < 2 ? 0.4 : 0.05;
      if (n === 'capillaryIntegrity') return 1 - 0.001 * (d % 30);
      if (n === 'telangiectasia') return d / 2000;
      return d / 1000;
    }, true);
    const s = summariseCourse(course, r, 0, null);
    expect(s.readoutDay).toBe(116);
    expect(s.collagenGain).toBeCloseTo(0.116, 12);
    expect(s.scarChange).toBeCloseTo(0.116, 12);
    expect(s.peakErythema).toBe(0.4);
    // Visible on days 0,1, 30,31, ..., 240: 2 days in each of 8 months plus day 240 (its own sample step).
    const direct = days.filter((d) => d % 30 < 2).length;
    expect(s.visibleRednessDays).toBe(direct);
    expect(s.lowestCapillaryIntegrity).toBeCloseTo(1 - 0.029, 12);
    expect(s.peakTelangiectasia).toBeCloseTo(0.12, 12);
    expect(s.telangiectasiaVisible).toBe(true);
    expect(s.incidence).toEqual({ pih: 0.1, telangiectasia: 0, prolongedErythema: 0.5 });
    expect(s.improvedShare).toBeCloseTo(116 / 200, 12);
    // The series that are hypotheses first, then every hypothesis and cap behind the summary's numbers.
    expect(s.hypotheses.slice(0, 2)).toEqual(['Capillary integrity', 'Telangiectasia']);
    for (const cap of ['C_max', 'F_max', 'I_crit', 'oxygen-limited synthesis', 'matrix breakdown']) expect(s.hypotheses.some((h) => h.startsWith(cap))).toBe(true);
    expect(new Set(s.hypotheses).size).toBe(s.hypotheses.length);
    const hard = summariseCourse(course, { ...r, warnings: [{ code: 'too-many-passes', message: '' }, { code: 'interval-too-short', message: '' }, { code: 'capillaries-not-recovered', message: '' }] }, 0, null);
    // A warning adds the mechanism it brings into play, once.
    expect(hard.hypotheses.slice(s.hypotheses.length)).toEqual(['saturating growth-factor release and one-session capillary breakage [I]', 're-injured capillaries turn into telangiectasia [I]']);
    expect(summariseCourse(newCourse(0), r, 0, 30).scarChange).toBeNull();
    expect(summariseCourse(newCourse(0), r, 0, 30).readoutDay).toBe(30);
  });

  it('valueAtDay takes the last sample at or before the day', () => {
    expect(valueAtDay([0, 1, 2], [5, 6, 7], 1.5)).toBe(6);
    expect(valueAtDay([0, 1, 2], [5, 6, 7], 9)).toBe(7);
    expect(valueAtDay([1, 2], [5, 6], 0)).toBeNaN();
    expect(indexAtOrBefore([0, 1, 2], 1.5)).toBe(1);
    expect(indexAtOrBefore([0, 1, 2], 1 - 1e-12)).toBe(1);
    expect(indexAtOrBefore([1, 2], 0)).toBe(-1);
    expect(indexAtOrBefore([], 0)).toBe(-1);
    expect(readoutDayOf({ ...newCourse(0), days: 90 }, null)).toBe(90);
  });
});

describe('dose map', () => {
  it('visits every cell exactly once, a spread-out lattice first', () => {
    const order = doseCellOrder();
    const cols = DOSE_MAP_INTERVALS_DAYS.length;
    const rows = DOSE_MAP_NEEDLES_MM.length;
    expect(order).toHaveLength(cols * rows);
    expect(new Set(order.map((c) => c.row * cols + c.col)).size).toBe(cols * rows);
    const first = order.slice(0, 9);
    expect(Math.max(...first.map((c) => c.col)) - Math.min(...first.map((c) => c.col))).toBeGreaterThanOrEqual(cols / 2);
    expect(Math.max(...first.map((c) => c.row)) - Math.min(...first.map((c) => c.row))).toBeGreaterThanOrEqual(rows / 2);
  });

  it('a cell is a valid course read 8 weeks after its last session', () => {
    // The job the map submits, and the course the pool runs for it.
    const job = doseCellJob(newCourse(0), { sessions: 4, passes: 15 }, { col: 4, row: 5 });
    expect(DoseCellJobSchema.safeParse({ kind: 'dose-cell', ...job }).success).toBe(true);
    const s = doseCellScenario(job);
    expect(ScenarioSchema.safeParse(s).success).toBe(true);
    expect(scenarioSessions(s).map((x) => [x.day, x.needleMm])).toEqual([
      [0, 1.5],
      [7, 1.5],
      [14, 1.5],
      [21, 1.5],
    ]);
    expect(s.days).toBe(21 + 56);
    expect(job.readoutDay).toBe(21 + 56);
    // The map's passes, not the base course's, from day 0 even if the base course starts later.
    const later = { ...newCourse(0), protocol: { ...newCourse(0).protocol!, passes: 15, startDay: 10 } };
    expect(scenarioSessions(doseCellScenario(doseCellJob(later, { sessions: 2, passes: 9 }, { col: 0, row: 0 }))).map((x) => [x.day, x.passes])).toEqual([
      [0, 9],
      [1, 9],
    ]);
  });

  it('outlines the region of damaged cells and nothing around unknown cells', () => {
    // 3 × 2 map: damage in the left column only.
    const segs = outlineSegments([true, false, false, true, false, false], 3, 2);
    expect(segs.sort()).toEqual(
      [
        [0, 0, 0, 1],
        [1, 0, 1, 1],
        [0, 0, 1, 0],
        [0, 1, 0, 2],
        [1, 1, 1, 2],
        [0, 2, 1, 2],
      ].sort(),
    );
    expect(outlineSegments([true, null, null, null], 2, 2)).toEqual([
      [0, 0, 0, 1],
      [0, 0, 1, 0],
    ]);
  });
});

describe('course styles', () => {
  it('six distinct colours and six distinct dash patterns', () => {
    expect(new Set(COURSE_STYLES.map((s) => s.colour)).size).toBe(6);
    expect(new Set(COURSE_STYLES.map((s) => s.dash.join(','))).size).toBe(6);
    expect(bandFill('#0072B2', 0.2)).toBe('rgba(0, 114, 178, 0.2)');
  });
});
