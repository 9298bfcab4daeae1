import { describe, expect, it } from 'vitest';
import { axisTickLabels, chartAxis, chartColumns, formatChartValue } from '../../../src/compare/chartData';
import { newCourse } from '../../../src/compare/courseForm';
import type { ShownRun } from '../../../src/compare/shownRun';
import { SERIES, type SeriesName } from '../../../src/engine/outputs';

function run(days: number[], f: (n: SeriesName, d: number) => number, band = false): ShownRun {
  const col = (g: (n: SeriesName, d: number) => number): Record<SeriesName, number[]> => {
    const out = {} as Record<SeriesName, number[]>;
    for (const n of SERIES) out[n] = days.map((d) => g(n, d));
    return out;
  };
  return { days, value: col(f), band: band ? { p10: col((n, d) => f(n, d) - 0.1), p90: col((n, d) => f(n, d) + 0.1) } : null, warnings: [], incidence: null, patients: null, improvedShare: null, seed: 1 };
}

describe('Compare chart columns', () => {
  it('share one x axis across courses of different lengths, null where a course has no sample', () => {
    const a = { ...newCourse(0), days: 3 };
    const b = { ...newCourse(1), days: 5 };
    const cols = chartColumns(
      'collagenGain',
      chartAxis(
        [
          { index: 0, course: a, run: run([0, 1, 2, 3], (_, d) => d / 10) },
          { index: 2, course: b, run: run([0, 2.5, 5], (_, d) => d / 100, true) },
        ],
        'days',
        null,
      ),
    );
    expect(cols.x).toEqual([0, 1, 2, 2.5, 3, 5]);
    expect(cols.unit).toBe('%');
    expect(cols.courses[0]!.values).toEqual([0, 10, 20, null, 30, null]);
    expect(cols.courses[1]!.values.map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6))).toEqual([0, null, null, 2.5, null, 5]);
    expect(cols.courses[1]!.p90![5]).toBeCloseTo(15, 10);
    expect(cols.courses[0]!.p10).toBeNull();
    expect(cols.courses.map((c) => c.name)).toEqual(['Course 1', 'Course 2']);
  });

  it('shows clinical grades as grade changes, unscaled', () => {
    const cols = chartColumns('textureSeverity', chartAxis([{ index: 0, course: newCourse(0), run: run([0, 60], (_, d) => -d / 50) }], 'days', null));
    expect(cols.unit).toBe('grade');
    expect(cols.courses[0]!.values).toEqual([-0, -1.2]);
  });

  it('converts the time axis, session days and read-out day to weeks', () => {
    const course = { ...newCourse(0), days: 140 };
    const cols = chartColumns('erythema', chartAxis([{ index: 0, course, run: run([0, 7, 14], () => 0.2) }], 'weeks', null));
    expect(cols.x).toEqual([0, 1, 2]);
    expect(cols.unit).toBe('');
    expect(cols.courses[0]!.sessions).toEqual([0, 30 / 7, 60 / 7]);
    expect(cols.courses[0]!.readout).toBeCloseTo(116 / 7, 12);
    expect(cols.courses[0]!.values).toEqual([0.2, 0.2, 0.2]);
  });

  it('formats changes signed, levels unsigned and missing values as a dash', () => {
    expect(formatChartValue(12.345, '%')).toBe('+12.3 %');
    expect(formatChartValue(-26, '%')).toBe('−26.0 %');
    expect(formatChartValue(97.04, '% level')).toBe('97.0 %');
    expect(formatChartValue(null, '%')).toBe('—');
    expect(formatChartValue(0.4231, '')).toBe('0.42');
    expect(formatChartValue(0.00031, '')).toBe('0.00031');
    expect(formatChartValue(7.3e-21, '')).toBe('0.00');
    expect(formatChartValue(-1.234, 'grade')).toBe('−1.23');
    expect(formatChartValue(-1e-9, '%')).toBe('±0.0 %');
  });
});

describe('axisTickLabels', () => {
  it('gives ticks 0.0002 apart the four decimals that tell them apart (bruising peaks near 0.001)', () => {
    expect(axisTickLabels([0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001], 0.0002)).toEqual(['0.0000', '0.0002', '0.0004', '0.0006', '0.0008', '0.0010']);
  });
  it('keeps whole steps whole and halves at one decimal, with a minus sign and no negative zero', () => {
    expect(axisTickLabels([0, 20, 40, 60], 20)).toEqual(['0', '20', '40', '60']);
    expect(axisTickLabels([-1.5, -1, -0.5, -1e-17], 0.5)).toEqual(['−1.5', '−1.0', '−0.5', '0.0']);
    expect(axisTickLabels([0.25, 0.5, 0.75], 0.25)).toEqual(['0.25', '0.50', '0.75']);
  });
});
