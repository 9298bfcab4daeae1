/**
 * Ring buffer of the most recent punctures inside the patch, for rendering: bleeding dots and channel
 * marks sit at the exact puncture positions (docs/model.md §4, docs/appearance.md §2), and
 * train-track rows come from the log. Struct of arrays; the oldest entries are overwritten once
 * `capacity` is reached.
 */
export class PunctureLog {
  readonly xMm: Float32Array;
  readonly yMm: Float32Array;
  readonly depthMm: Float32Array;
  readonly hour: Float64Array;
  /** Total punctures ever logged (the write index is total % capacity). */
  total = 0;

  constructor(readonly capacity = 1 << 17) {
    this.xMm = new Float32Array(capacity);
    this.yMm = new Float32Array(capacity);
    this.depthMm = new Float32Array(capacity);
    this.hour = new Float64Array(capacity);
  }

  get size(): number {
    return Math.min(this.total, this.capacity);
  }

  push(x: number, y: number, depth: number, hour: number): void {
    const i = this.total % this.capacity;
    this.xMm[i] = x;
    this.yMm[i] = y;
    this.depthMm[i] = depth;
    this.hour[i] = hour;
    this.total++;
  }

  clear(): void {
    this.total = 0;
  }

  /** Index into the arrays of the k-th most recent puncture (k = 0 newest). */
  recent(k: number): number {
    return (this.total - 1 - k + this.capacity * 2) % this.capacity;
  }
}
