/**
 * The depth scale of the cross-section (issue 10): ticks in mm down the right edge, labelled, and the
 * needle tip's depth as a dashed line across the section. Drawn into the RGBA bytes with a tiny bitmap
 * font, so the picture carries its own scale wherever it is shown; `crossSectionScale` gives the same
 * ticks as data for accessible text.
 */

/** Fraction of the height above the skin surface (air); crossSection.ts draws depth below it. */
export const SURFACE_FRACTION = 0.08;

export interface DepthTick {
  readonly depthMm: number;
  /** Row as a fraction of the height (like CrossSectionLabel.y). */
  readonly y: number;
  /** Labelled (major) tick, with its text, e.g. "0.5". */
  readonly major: boolean;
  readonly label: string;
}

export interface DepthScale {
  /** Spacing of labelled ticks, mm (0.25, 0.5 or 1), and of all ticks. */
  readonly majorMm: number;
  readonly minorMm: number;
  readonly ticks: readonly DepthTick[];
}

/** Row fraction of a depth below the (unswollen) surface. */
export function depthToY(depthMm: number, depthRangeMm: number): number {
  return SURFACE_FRACTION + (depthMm / depthRangeMm) * (1 - SURFACE_FRACTION);
}

/**
 * Ticks for a section `heightPx` tall showing `depthRangeMm`: labelled every 0.25, 0.5 or 1 mm (the
 * finest that keeps labels ≥ 24 px apart), with unlabelled ticks halfway between 0.5 or 1 mm labels
 * where they fit (≥ 10 px). The surface tick reads "0 mm".
 */
export function crossSectionScale(depthRangeMm: number, heightPx: number): DepthScale {
  const pxPerMm = (heightPx * (1 - SURFACE_FRACTION)) / depthRangeMm;
  const majorMm = [0.25, 0.5, 1].find((s) => s * pxPerMm >= 24) ?? 1;
  const minorMm = majorMm >= 0.5 && (majorMm / 2) * pxPerMm >= 10 ? majorMm / 2 : majorMm;
  const ticks: DepthTick[] = [];
  const n = Math.floor(depthRangeMm / minorMm + 1e-9);
  for (let i = 0; i <= n; i++) {
    const d = Math.round(i * minorMm * 1000) / 1000;
    const major = Math.abs(d / majorMm - Math.round(d / majorMm)) < 1e-6;
    ticks.push({ depthMm: d, y: depthToY(d, depthRangeMm), major, label: !major ? '' : d === 0 ? '0 mm' : formatMm(d) });
  }
  return { majorMm, minorMm, ticks };
}

/** 0 → "0", 0.5 → "0.5", 1 → "1.0", 0.25 → "0.25". */
export function formatMm(d: number): string {
  if (d === 0) return '0';
  const s = d.toFixed(2);
  return s.endsWith('0') ? d.toFixed(1) : s;
}

/** The tip depth as the picture labels it ("0.75", "1.0"): accessible text says the same number. */
export function tipDepthText(needleTipMm: number): string {
  return formatMm(Math.round(needleTipMm * 100) / 100);
}

// ---- Drawing -----------------------------------------------------------------------------------

const INK = [0x17, 0x21, 0x2b] as const;
const PANEL = [0xff, 0xff, 0xff] as const;
const NEEDLE = [0x1d, 0x4e, 0xd8] as const;
/** Width of the scale column at the right edge, px: room for "0 mm", the widest label, beside its tick (issue 19). */
export const SCALE_WIDTH_PX = 60;
/** Glyphs are 3 × 5 cells drawn at this many pixels per cell. */
const FONT_PX = 2;

/** Draws the scale (and the needle tip line if `needleTipMm` is given) onto a W × H RGBA section. */
export function drawDepthScale(out: Uint8Array, W: number, H: number, depthRangeMm: number, needleTipMm: number | undefined): void {
  const scale = crossSectionScale(depthRangeMm, H);
  const x0 = W - SCALE_WIDTH_PX;
  if (x0 < 0) return;
  // A light panel so ticks and numbers read on any tissue colour.
  for (let y = 0; y < H; y++) for (let x = x0; x < W; x++) blend(out, W, H, x, y, PANEL, 0.72);
  // The axis line.
  const axisX = W - 12;
  const yTop = Math.round(SURFACE_FRACTION * H);
  for (let y = yTop; y < H; y++) blend(out, W, H, axisX, y, INK, 1);
  for (const t of scale.ticks) {
    const y = Math.min(H - 1, Math.round(t.y * H - 0.5));
    const len = t.major ? 7 : 4;
    for (let x = axisX - len; x <= axisX; x++) blend(out, W, H, x, y, INK, 1);
    if (t.major) {
      const w = textWidth(t.label);
      const ty = Math.min(H - 5 * FONT_PX, Math.max(0, y - Math.floor((5 * FONT_PX) / 2)));
      drawText(out, W, H, axisX - len - 3 - w, ty, t.label, INK);
    }
  }
  if (needleTipMm !== undefined && needleTipMm > 0 && needleTipMm <= depthRangeMm) {
    const y = Math.round(depthToY(needleTipMm, depthRangeMm) * H - 0.5);
    // Dashed line across the section (6 on, 4 off), two pixels thick, stopping at the scale column so it
    // never covers a tick's number (issue 19); the triangle on the axis marks the depth there.
    for (let x = 0; x < x0; x++) {
      if (x % 10 >= 6) continue;
      blend(out, W, H, x, y, NEEDLE, 0.9);
      blend(out, W, H, x, y + 1, NEEDLE, 0.9);
    }
    // A needle point on the axis: a small triangle pointing at the tip depth.
    for (let r = 0; r < 6; r++) for (let x = axisX + 2 + r; x < axisX + 8; x++) {
      blend(out, W, H, x, y - r, NEEDLE, 1);
      blend(out, W, H, x, y + 1 + r, NEEDLE, 1);
    }
    const label = `tip ${tipDepthText(needleTipMm)} mm`;
    const ty = y + 5 + 5 * FONT_PX < H ? y + 5 : y - 4 - 5 * FONT_PX;
    const w = textWidth(label);
    const tx = x0 - w - 6;
    for (let yy = ty - 2; yy < ty + 5 * FONT_PX + 2; yy++) for (let x = tx - 3; x < tx + w + 3; x++) blend(out, W, H, x, yy, PANEL, 0.8);
    drawText(out, W, H, tx, ty, label, NEEDLE);
  }
}

/** Lays colour `c` with opacity `a` over pixel (x, y) of a W × H RGBA picture; pixels outside it are skipped. */
export function blend(out: Uint8Array, W: number, H: number, x: number, y: number, c: readonly number[], a: number): void {
  if (x < 0 || x >= W || y < 0 || y >= H) return;
  const o = (y * W + x) * 4;
  out[o] = out[o]! + (c[0]! - out[o]!) * a + 0.5;
  out[o + 1] = out[o + 1]! + (c[1]! - out[o + 1]!) * a + 0.5;
  out[o + 2] = out[o + 2]! + (c[2]! - out[o + 2]!) * a + 0.5;
}

/**
 * 5-row glyphs, rows top to bottom as bit masks of `w` columns (the highest bit is the left column).
 * Only what the scale writes: digits, '.', ' ', and the letters of "mm" and "tip".
 */
const GLYPHS: Readonly<Record<string, { readonly w: number; readonly rows: readonly number[] }>> = {
  '0': { w: 3, rows: [7, 5, 5, 5, 7] },
  '1': { w: 3, rows: [2, 6, 2, 2, 7] },
  '2': { w: 3, rows: [7, 1, 7, 4, 7] },
  '3': { w: 3, rows: [7, 1, 7, 1, 7] },
  '4': { w: 3, rows: [5, 5, 7, 1, 1] },
  '5': { w: 3, rows: [7, 4, 7, 1, 7] },
  '6': { w: 3, rows: [7, 4, 7, 5, 7] },
  '7': { w: 3, rows: [7, 1, 1, 2, 2] },
  '8': { w: 3, rows: [7, 5, 7, 5, 7] },
  '9': { w: 3, rows: [7, 5, 7, 1, 7] },
  '.': { w: 1, rows: [0, 0, 0, 0, 1] },
  ' ': { w: 2, rows: [0, 0, 0, 0, 0] },
  m: { w: 5, rows: [0, 0, 0b11010, 0b10101, 0b10101] },
  t: { w: 3, rows: [2, 7, 2, 2, 3] },
  i: { w: 1, rows: [1, 0, 1, 1, 1] },
  p: { w: 3, rows: [0, 7, 5, 7, 4] },
};

/** Advance of a glyph in pixels: its width and one column of space. */
function advance(ch: string): number {
  return ((GLYPHS[ch]?.w ?? 3) + 1) * FONT_PX;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w - FONT_PX;
}

function drawText(out: Uint8Array, W: number, H: number, x: number, y: number, text: string, c: readonly number[]): void {
  let cx = x;
  for (const ch of text) {
    const g = GLYPHS[ch];
    if (g !== undefined) {
      for (let row = 0; row < 5; row++) {
        for (let col = 0; col < g.w; col++) {
          if (((g.rows[row]! >> (g.w - 1 - col)) & 1) === 0) continue;
          for (let dy = 0; dy < FONT_PX; dy++) for (let dx = 0; dx < FONT_PX; dx++) blend(out, W, H, cx + col * FONT_PX + dx, y + row * FONT_PX + dy, c, 1);
        }
      }
    }
    cx += advance(ch);
  }
}
