import type uPlot from 'uplot';
import { axisTickLabels } from '../compare/chartData';

/**
 * What both views' charts (the live chart, Compare's) share besides the series display: the y axis's
 * font, width and tick labels, and the chart's height for its width.
 */

/** The y axis's tick font, set on the axis so that its labels can be measured. */
export const AXIS_FONT = '12px system-ui, sans-serif';
let axisMeasure: CanvasRenderingContext2D | null = null;

/**
 * Width of a y axis for its longest tick label (uPlot's auto-size recipe, measured in CSS px), at
 * least the 48 px of short labels: "0.0005" must not run into the axis title.
 */
export function yAxisSize(_u: uPlot, values: string[] | null): number {
  const longest = (values ?? []).reduce((acc, v) => (v.length > acc.length ? v : acc), '');
  if (longest === '') return 48;
  axisMeasure ??= document.createElement('canvas').getContext('2d');
  if (!axisMeasure) return 48;
  axisMeasure.font = AXIS_FONT;
  // Tick length (10) and gap (5) are uPlot's defaults, plus a little air.
  return Math.max(48, Math.ceil(axisMeasure.measureText(longest).width + 10 + 5 + 4));
}

/** Tick labels with the decimals the tick step needs (axisTickLabels), as uPlot's `values` option. */
export const preciseTicks: uPlot.Axis.DynamicValues = (_u, splits, _axis, _space, stepSize) => axisTickLabels(splits, stepSize);

/**
 * A chart's height for its width, px: a little over half the width, within the view's bounds (the live
 * chart has a column to itself, 220–380; Compare stacks one chart per measure, 170–260).
 */
export function chartHeightPx(widthPx: number, bounds: { minPx: number; maxPx: number }): number {
  return Math.round(Math.min(bounds.maxPx, Math.max(bounds.minPx, widthPx * 0.55)));
}
