import { scenarioSessions, type Scenario, type SeriesName } from '../engine/index';
import { trialData, type TrialRecord } from '../evidence/trials';
import { DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, doseCellJob } from './doseMap';
import { outsideEnvelope } from '../evidence/envelope';
import { displayScale, formatChartValue, type ChartUnit } from './chartData';
import { toUnit } from './timeAxis';
import type { DoseMapSettings, TimeUnit } from './workspace';

/**
 * What Compare's "Show published data" draws (docs/model.md §17): each published figure of
 * public/data/trials.json on the chart of its measure, as a point (the mean, where published) with its
 * interval or one-sided bound, in the chart's display scale and time unit. Pure, so the chart, its data
 * table and the tests read the same points.
 */
export interface PublishedPoint {
  id: string;
  trial: string;
  citation: string;
  /** Time on the chart's axis (the record's day from the first session, in the time unit). */
  x: number;
  /** The published mean in display units, or null where only an interval or bound was published. */
  y: number | null;
  /** Interval ends in display units; null where open (a one-sided bound). */
  low: number | null;
  high: number | null;
  intervalKind: 'ci95' | 'ci99' | 'sd' | 'bound' | null;
  n: number;
  note: string;
}

export function publishedPoints(series: SeriesName, timeUnit: TimeUnit, records: readonly TrialRecord[] = trialData().records): PublishedPoint[] {
  const { factor } = displayScale(series);
  const scale = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v * factor);
  return records
    .filter((r) => r.measure === series)
    .map((r) => ({
      id: r.id,
      trial: r.trial,
      citation: r.citation,
      x: toUnit(r.day, timeUnit),
      y: scale(r.mean),
      low: scale(r.interval?.low),
      high: scale(r.interval?.high),
      intervalKind: r.interval?.kind ?? null,
      n: r.n,
      note: r.note,
    }));
}

const INTERVAL_NAMES = { ci95: '95 % CI', ci99: '99 % CI', sd: '± 1 SD', bound: 'published bound' } as const;

/** "+53.2 %", "95 % CI −1.40 to −0.90", "published bound ≥ ±0.0 %": what a point says, for legends and tables. */
export function describePoint(p: PublishedPoint, unit: ChartUnit): string {
  const parts: string[] = [];
  if (p.y !== null) parts.push(formatChartValue(p.y, unit));
  if (p.intervalKind !== null) {
    const name = INTERVAL_NAMES[p.intervalKind];
    if (p.low !== null && p.high !== null) parts.push(`${name} ${formatChartValue(p.low, unit)} to ${formatChartValue(p.high, unit)}`);
    else if (p.low !== null) parts.push(`${name} ≥ ${formatChartValue(p.low, unit)}`);
    else if (p.high !== null) parts.push(`${name} ≤ ${formatChartValue(p.high, unit)}`);
  }
  return parts.join(', ');
}

/** The y range a chart needs to show its points with their intervals, or null when there is none. */
export function pointsRange(points: readonly PublishedPoint[]): { min: number; max: number } | null {
  const ys = points.flatMap((p) => [p.y, p.low, p.high]).filter((v): v is number => v !== null);
  return ys.length === 0 ? null : { min: Math.min(...ys), max: Math.max(...ys) };
}

/**
 * The trials whose protocol this course repeats: the same needle, interval and number of sessions, and
 * the same passes where the paper states them. A course written as a session list matches when every
 * session has the trial's needle and passes and the gaps are the trial's interval.
 */
export function matchingTrials(course: Scenario, records: readonly TrialRecord[] = trialData().records): string[] {
  const sessions = scenarioSessions(course);
  const names = new Set<string>();
  for (const r of records) {
    const p = r.protocol;
    if (sessions.length !== p.sessions) continue;
    const sameNeedle = sessions.every((s) => Math.abs(s.needleMm - p.needleMm) < 1e-9);
    const samePasses = r.assumed.includes('passes') || sessions.every((s) => s.passes === p.passes);
    let sameInterval = true;
    for (let k = 1; k < sessions.length; k++) if (Math.abs(sessions[k]!.day - sessions[k - 1]!.day - p.intervalDays) > 1e-9) sameInterval = false;
    if (sameNeedle && samePasses && sameInterval) names.add(r.trial);
  }
  return [...names];
}

/**
 * Which dose-map cells lie inside the trials' envelope (their numbers are `data`; the rest are
 * `extrapolation`), row-major like the map: row = needle, column = interval.
 */
export function doseMapInsideEnvelope(base: Scenario, settings: DoseMapSettings): boolean[] {
  const inside: boolean[] = [];
  for (let row = 0; row < DOSE_MAP_NEEDLES_MM.length; row++) {
    for (let col = 0; col < DOSE_MAP_INTERVALS_DAYS.length; col++) inside.push(outsideEnvelope(doseCellJob(base, settings, { col, row }).scenario).length === 0);
  }
  return inside;
}
