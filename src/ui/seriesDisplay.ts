import { SERIES_INFO, type Evidence, type SeriesName } from '../engine/index';
import { displayScale, type ChartUnit } from '../compare/chartData';
import type { SeriesEvidence } from '../evidence/seriesEvidence';
import { OKABE_ITO } from './palette';

/**
 * How a series is shown, in one place for both views: its label, unit and display scale (the one
 * percent rule, `displayScale`: fractions ×100), its evidence tag and, for the live chart, its line.
 * The session view's chart, its CSV and its readouts, and Compare's charts, legends and tables read it
 * here; the words and numbers come from the engine's SERIES_INFO.
 */

/** A line of the session view's live chart: colour (palette.ts), dash pattern (greyscale-safe), width in CSS px. */
export interface SeriesLine {
  readonly stroke: string;
  readonly dash: readonly number[];
  readonly width: number;
}

export interface SeriesDisplay {
  readonly series: SeriesName;
  /** "Collagen gain" (SERIES_INFO). */
  readonly label: string;
  /** The live chart's legend label: the unit and, where the time scale matters, "acute" or "lasting". */
  readonly chartLabel: string;
  readonly unit: ChartUnit;
  /** Multiply the engine's value by this to show it (100 for fractions). */
  readonly factor: number;
  /** What it measures, one sentence (SERIES_INFO). */
  readonly description: string;
  readonly evidence: Evidence;
  readonly source: string;
}

/** The live chart's five lines, in its order; the qualifier tells an acute measure from a lasting one. */
const LIVE_LINES = {
  collagenGain: { stroke: OKABE_ITO.blue, dash: [], width: 2.5, qualifier: null },
  capillaryIntegrity: { stroke: OKABE_ITO.bluishGreen, dash: [8, 4], width: 2, qualifier: 'acute' },
  erythema: { stroke: OKABE_ITO.vermilion, dash: [2, 3], width: 2, qualifier: null },
  edema: { stroke: OKABE_ITO.orange, dash: [10, 3, 2, 3], width: 1.5, qualifier: null },
  telangiectasia: { stroke: OKABE_ITO.reddishPurple, dash: [4, 2, 4, 6], width: 2, qualifier: 'lasting' },
} as const satisfies Partial<Record<SeriesName, SeriesLine & { qualifier: string | null }>>;

export type LiveSeries = keyof typeof LIVE_LINES;
export const LIVE_SERIES_ORDER = Object.keys(LIVE_LINES) as LiveSeries[];

export function seriesDisplay(series: SeriesName): SeriesDisplay {
  const info = SERIES_INFO[series];
  const { factor, unit } = displayScale(series);
  const qualifier = series in LIVE_LINES ? LIVE_LINES[series as LiveSeries].qualifier : null;
  const percent = unit === '%' || unit === '% level' ? ' %' : '';
  return {
    series,
    label: info.label,
    chartLabel: `${info.label}${percent}${qualifier ? ` (${qualifier})` : ''}`,
    unit,
    factor,
    description: info.description,
    evidence: info.evidence,
    source: info.source,
  };
}

export function liveLine(series: LiveSeries): SeriesLine {
  return LIVE_LINES[series];
}

/** The CSS class of an evidence tag (styles.css: green data, grey hypothesis, amber extrapolation). */
export function evidenceTagClass(tag: SeriesEvidence['tag']): string {
  return tag === 'data' ? 'tag-data' : tag === 'hypothesis' ? 'tag-hyp' : 'tag-extra';
}
