import type { Stroke } from '../engine/index';

/**
 * Stroke values are quantised to 0.01 (10 µm; 0.01 of a pressure unit) before the engine sees them,
 * so the log replays exactly: dividing by 100 gives the double nearest the decimal, the same value a
 * JSON round trip (IndexedDB, a saved file) gives back.
 */
export function quantise(x: number): number {
  return Math.round(x * 100) / 100;
}

export function quantiseStroke(st: Stroke): Stroke {
  return {
    x0Mm: quantise(st.x0Mm),
    y0Mm: quantise(st.y0Mm),
    x1Mm: quantise(st.x1Mm),
    y1Mm: quantise(st.y1Mm),
    needleMm: quantise(st.needleMm),
    pressure: quantise(st.pressure),
    trackOffsetMm: quantise(st.trackOffsetMm),
  };
}

/** Numbers per stroke in the flat log record: [x0, y0, x1, y1, needleMm, pressure, trackOffsetMm]. */
export const STROKE_STRIDE = 7;

export function flattenStrokes(strokes: readonly Stroke[]): number[] {
  const flat: number[] = [];
  for (const s of strokes) flat.push(s.x0Mm, s.y0Mm, s.x1Mm, s.y1Mm, s.needleMm, s.pressure, s.trackOffsetMm);
  return flat;
}

/** The strokes of a flat record; a length that is not a multiple of the stride is a truncated record. */
export function unflattenStrokes(flat: readonly number[]): Stroke[] | null {
  if (flat.length % STROKE_STRIDE !== 0) return null;
  const strokes: Stroke[] = [];
  for (let k = 0; k < flat.length; k += STROKE_STRIDE) {
    strokes.push({
      x0Mm: flat[k]!,
      y0Mm: flat[k + 1]!,
      x1Mm: flat[k + 2]!,
      y1Mm: flat[k + 3]!,
      needleMm: flat[k + 4]!,
      pressure: flat[k + 5]!,
      trackOffsetMm: flat[k + 6]!,
    });
  }
  return strokes;
}
