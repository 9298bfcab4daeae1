import { pasteRect, type PixelRect } from '../shading/index';

/** A skin frame from the worker: the whole picture, or the packed rows of the rectangle that changed. */
export interface SkinFrame {
  full: boolean;
  rect: PixelRect;
  pixels: Uint8Array;
}

/** The picture after a frame, the buffer now free, and what must be uploaded (null: nothing changed). */
export interface AppliedFrame {
  picture: Uint8Array;
  free: Uint8Array;
  upload: { full: true } | { full: false; rect: PixelRect; packed: Uint8Array } | null;
}

/**
 * Applies a worker frame to the picture the view holds (`picture`, sizePx² RGBA), without Pixi so
 * Node tests check the very rule the view uses: a full frame's buffer becomes the picture (the old one
 * is free); a rectangle is pasted into the picture (the frame's own buffer is free).
 */
export function applySkinFrame(picture: Uint8Array, sizePx: number, f: SkinFrame): AppliedFrame {
  if (f.full) {
    if (f.pixels.length !== sizePx * sizePx * 4) throw new RangeError(`a full frame needs ${sizePx}² RGBA bytes, has ${f.pixels.length}`);
    return { picture: f.pixels, free: picture, upload: { full: true } };
  }
  const r = f.rect;
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (w <= 0 || h <= 0) return { picture, free: f.pixels, upload: null };
  pasteRect(picture, sizePx, r, f.pixels);
  return { picture, free: f.pixels, upload: { full: false, rect: r, packed: f.pixels.subarray(0, w * h * 4) } };
}
