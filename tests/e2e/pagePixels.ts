import type { Locator, Page } from 'playwright-core';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8Array;
}

/**
 * Screenshot of an element, decoded to RGBA inside the page (createImageBitmap → OffscreenCanvas),
 * so no PNG library is needed in Node. A WebGL canvas cannot be read back reliably after it was
 * composited; the screenshot reads what the user sees.
 */
export async function elementPixels(page: Page, element: Locator): Promise<Pixels> {
  const png = await element.screenshot({ type: 'png' });
  const base64 = png.toString('base64');
  // The RGBA bytes come back as base64: a JSON array of 1.6 million numbers took ~30 s on a busy machine.
  const decoded = await page.evaluate(async (b64: string) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let binary = '';
    const CHUNK = 0x8000;
    for (let i = 0; i < img.data.length; i += CHUNK) binary += String.fromCharCode(...img.data.subarray(i, i + CHUNK));
    return { width: img.width, height: img.height, rgba: btoa(binary) };
  }, base64);
  return { width: decoded.width, height: decoded.height, data: new Uint8Array(Buffer.from(decoded.rgba, 'base64')) };
}

/** Mean absolute RGB difference of two screenshots over the rows where `rowFilter(yFraction)` holds. */
export function meanDiff(a: Pixels, b: Pixels, rowFilter: (yFraction: number) => boolean): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('screenshots differ in size');
  let sum = 0;
  let n = 0;
  for (let y = 0; y < a.height; y++) {
    if (!rowFilter((y + 0.5) / a.height)) continue;
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      sum += Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
      n += 3;
    }
  }
  return n > 0 ? sum / n : 0;
}

/** Standard deviation of luminance: a blank or flat canvas has almost none. */
export function lumaSpread(p: Pixels): number {
  let s = 0;
  let s2 = 0;
  const n = p.width * p.height;
  for (let i = 0; i < n; i++) {
    const l = 0.2126 * p.data[i * 4]! + 0.7152 * p.data[i * 4 + 1]! + 0.0722 * p.data[i * 4 + 2]!;
    s += l;
    s2 += l * l;
  }
  const mean = s / n;
  return Math.sqrt(Math.max(0, s2 / n - mean * mean));
}
