import { RAMPS, type RampStop } from './ramps';
import type { Layer, Legend } from './types';

/**
 * The legend of a data layer: the very stops shadeSkin interpolates (ramps.ts), converted to the
 * layer's display unit. Null for the surface, which is a picture, not a map.
 */
export function legendFor(layer: Layer): Legend | null {
  if (layer === 'surface') return null;
  const r = RAMPS[layer];
  const convert = (stops: readonly RampStop[]): { value: number; color: string }[] =>
    stops.map((s) => ({ value: round(s.value * r.scale), color: s.color }));
  const legend: Legend = {
    layer,
    title: r.title,
    unit: r.unit,
    stops: convert(r.stops),
    note: r.note,
    marks: r.marks.map((m) => ({ value: round(m.value * r.scale), label: m.label })),
    evidence: layer === 'capillaries' ? 'hypothesis' : 'data',
    ...(r.primaryLabel === undefined ? {} : { primaryLabel: r.primaryLabel }),
    ...(r.secondary === undefined ? {} : { secondary: { label: r.secondary.label, stops: convert(r.secondary.stops) } }),
  };
  return legend;
}

/** Strips float noise from unit conversion (0.7 × 100 = 70.00000000000001). */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
