/**
 * Raster helpers for the static texture maps (sizePx², index py·sizePx + px). Features smaller than a
 * pixel keep their integrated amount: the radius is widened to MIN_RADIUS_PX and the amplitude scaled
 * down by the area ratio, so pores and fine vessels fade instead of flickering at small sizes.
 */

export const MIN_RADIUS_PX = 0.7;

/**
 * Adds a soft dome (1 − (d/r)²)² of peak `amount` at (cx, cy) px with radius rPx.
 * `mode` 0 adds, 1 keeps the maximum, 2 keeps the minimum (with a negative `amount`: overlapping pits
 * do not get deeper than the deepest). Domes narrower than MIN_RADIUS_PX are widened and made flatter
 * by the area ratio, so they fade instead of flickering at small texture sizes.
 */
export function stampDome(map: Float32Array, sizePx: number, cx: number, cy: number, rPx: number, amount: number, mode: 0 | 1 | 2): void {
  let r = rPx;
  let a = amount;
  if (r < MIN_RADIUS_PX) {
    a *= (r * r) / (MIN_RADIUS_PX * MIN_RADIUS_PX);
    r = MIN_RADIUS_PX;
  }
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(sizePx - 1, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(sizePx - 1, Math.ceil(cy + r));
  const inv = 1 / (r * r);
  for (let py = y0; py <= y1; py++) {
    const dy = py + 0.5 - cy;
    const row = py * sizePx;
    for (let px = x0; px <= x1; px++) {
      const dx = px + 0.5 - cx;
      const q = 1 - (dx * dx + dy * dy) * inv;
      if (q <= 0) continue;
      const v = a * q * q;
      const k = row + px;
      if (mode === 0) map[k]! += v;
      else if (mode === 1 ? v > map[k]! : v < map[k]!) map[k] = v;
    }
  }
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = x <= e0 ? 0 : x >= e1 ? 1 : (x - e0) / (e1 - e0);
  return t * t * (3 - 2 * t);
}
