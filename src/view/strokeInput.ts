import type { Stroke } from '../engine/index';

/**
 * Turns a dragged pointer path (patch mm) into roller strokes: one straight stroke per segment of at
 * least `minSegmentMm`, so short jitters do not multiply strokes. The drum axis follows the direction
 * of travel; consecutive segments join end to start, and coverage is half-open along each segment,
 * so no spot is counted twice at a joint. Pure: no DOM, unit-tested.
 */
export class StrokeTracker {
  private lastX = 0;
  private lastY = 0;
  private active = false;
  /** Direction of the last movement, radians (0 = +x). */
  heading = 0;

  constructor(private readonly minSegmentMm = 0.5) {}

  get isDown(): boolean {
    return this.active;
  }

  down(xMm: number, yMm: number): void {
    this.active = true;
    this.lastX = xMm;
    this.lastY = yMm;
  }

  /** Returns the stroke from the last anchor to here, or null while the pointer moved too little. */
  move(xMm: number, yMm: number, needleMm: number, pressure: number): Stroke | null {
    if (!this.active) return null;
    const dx = xMm - this.lastX;
    const dy = yMm - this.lastY;
    if (Math.hypot(dx, dy) < this.minSegmentMm) return null;
    const stroke: Stroke = { x0Mm: this.lastX, y0Mm: this.lastY, x1Mm: xMm, y1Mm: yMm, needleMm, pressure, trackOffsetMm: 0 };
    this.heading = Math.atan2(dy, dx);
    this.lastX = xMm;
    this.lastY = yMm;
    return stroke;
  }

  up(): void {
    this.active = false;
  }
}

/** Keyboard rolling step, mm (arrow keys), and lifted move step (Shift + arrows). */
export const KEY_ROLL_MM = 2;
export const KEY_MOVE_MM = 5;

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function arrowDirection(key: string): { dx: number; dy: number } | null {
  switch (key) {
    case 'ArrowLeft':
      return { dx: -1, dy: 0 };
    case 'ArrowRight':
      return { dx: 1, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -1 };
    case 'ArrowDown':
      return { dx: 0, dy: 1 };
    default:
      return null;
  }
}

/** Keeps the roller's centre on the patch plus half a drum, so it can roll off every edge. */
export function clampRollerMm(v: number, patchMm: number, drumWidthMm: number): number {
  return Math.min(patchMm + drumWidthMm / 2, Math.max(-drumWidthMm / 2, v));
}
