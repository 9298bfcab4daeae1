import { type Scenario, scenarioSessions, SERIES, SERIES_INFO, type SeriesName } from '../engine/index';
import type { ShownRun } from './shownRun';
import { toUnit } from './timeAxis';
import { courseName, readoutDayOf, type TimeUnit } from './workspace';

/**
 * The columns of one Compare chart (uPlot's columnar data), pure so that what a chart draws, its data
 * table and its legend are computed once and unit-tested: a shared x axis (the union of the courses'
 * sample times, in the chosen time unit) and per course its values (null where it has no sample), plus a
 * cohort's 10–90 % band. Fractions are shown in percent.
 */

/** The measures charted, one chart each, in the order the issue lists them (open channels are left out: hours-long). */
export const COMPARE_SERIES: readonly SeriesName[] = SERIES.filter((s) => s !== 'barrierOpen');

export interface ChartCourse {
  index: number;
  name: string;
  values: (number | null)[];
  p10: (number | null)[] | null;
  p90: (number | null)[] | null;
  /** Session days and read-out day, in the time unit. */
  sessions: number[];
  readout: number;
}

/** "%" for changes against baseline, "% level" for capillary integrity, "grade" for clinical grades, "" for indices. */
export type ChartUnit = '%' | '% level' | 'grade' | '';

export interface ChartColumns {
  series: SeriesName;
  unit: ChartUnit;
  x: number[];
  courses: ChartCourse[];
}

/**
 * Display scale of a series: fractions as %, indices as they are. Changes against baseline are signed
 * (+12 %); capillary integrity is a level (1 = intact), shown unsigned (97 %).
 */
export function displayScale(series: SeriesName): { factor: number; unit: ChartUnit } {
  if (SERIES_INFO[series].unit === 'grade') return { factor: 1, unit: 'grade' };
  if (SERIES_INFO[series].unit !== 'fraction') return { factor: 1, unit: '' };
  return { factor: 100, unit: series === 'capillaryIntegrity' ? '% level' : '%' };
}

/**
 * What every chart of one redraw shares: the x axis (the union of the courses' sample days, sorted, in
 * the time unit) and per course where each of its samples sits on it, its session days and read-out day.
 */
export interface ChartAxis {
  x: number[];
  courses: { index: number; name: string; run: ShownRun; slots: number[]; sessions: number[]; readout: number }[];
}

export function chartAxis(items: readonly { index: number; course: Scenario; run: ShownRun }[], timeUnit: TimeUnit, workspaceReadoutDay: number | null): ChartAxis {
  const xs = new Set<number>();
  for (const { run } of items) for (let t = 0; t < run.days.length; t++) xs.add(run.days[t]!);
  const daysSorted = [...xs].sort((a, b) => a - b);
  const position = new Map(daysSorted.map((d, k) => [d, k]));
  return {
    x: daysSorted.map((d) => toUnit(d, timeUnit)),
    courses: items.map(({ index, course, run }) => ({
      index,
      name: courseName(course, index),
      run,
      slots: Array.from(run.days, (d) => position.get(d)!),
      sessions: scenarioSessions(course)
        .filter((s) => s.day <= course.days)
        .map((s) => toUnit(s.day, timeUnit)),
      readout: toUnit(readoutDayOf(course, workspaceReadoutDay), timeUnit),
    })),
  };
}

/** One chart's columns on the shared axis: per course its values of `series` (null where it has no sample). */
export function chartColumns(series: SeriesName, axis: ChartAxis): ChartColumns {
  const { factor, unit } = displayScale(series);
  const courses = axis.courses.map(({ index, name, run, slots, sessions, readout }): ChartCourse => {
    const fill = (src: ArrayLike<number>): (number | null)[] => {
      const out: (number | null)[] = new Array<number | null>(axis.x.length).fill(null);
      for (let t = 0; t < slots.length; t++) out[slots[t]!] = src[t]! * factor;
      return out;
    };
    return {
      index,
      name,
      values: fill(run.value[series]),
      p10: run.band ? fill(run.band.p10[series]) : null,
      p90: run.band ? fill(run.band.p90[series]) : null,
      sessions,
      readout,
    };
  });
  return { series, unit, x: axis.x, courses };
}

/** A value for legends and tables: "+12.3 %", "0.42"; "—" where a course has no sample. */
export function formatChartValue(v: number | null | undefined, unit: ChartUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  // Decays leave values like 1e-20 long after an effect is gone: below display resolution they read as zero.
  if (Math.abs(v) < 5e-5) v = 0;
  if (unit === '% level') return `${v.toFixed(1)} %`;
  if (unit === 'grade') return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(2)}`;
  if (unit === '%') return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)} %`;
  return Math.abs(v) < 0.01 && v !== 0 ? v.toPrecision(2) : v.toFixed(2);
}

/**
 * Tick labels of a y axis with the decimals its tick step needs. uPlot's default formats with
 * Intl.NumberFormat, which keeps at most 3 decimals: ticks 0.0002 apart (bruising) all read "0".
 */
export function axisTickLabels(splits: readonly number[], stepSize: number): string[] {
  let decimals = 0;
  while (decimals < 12 && Math.abs(Math.round(stepSize * 10 ** decimals) - stepSize * 10 ** decimals) > 1e-9 * 10 ** decimals) decimals++;
  return splits.map((v) => {
    const text = v.toFixed(decimals);
    // −0.000 from a split a rounding error below zero reads as zero.
    return Number(text) === 0 ? (0).toFixed(decimals) : text.replace('-', '−');
  });
}
