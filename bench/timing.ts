/** One benchmark figure and the baseline it is compared with, measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  /** value / baselineValue. */
  ratio: number;
  note?: string;
}

/** Wall-clock times (ms) of `runs` calls, after one warm-up call (JIT). */
export function timeIt(runs: number, fn: () => void): number[] {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function formatRows(rows: readonly BenchRow[]): string {
  return rows
    .map(
      (r) =>
        `${r.name}\n  ${r.value.toFixed(2)} ${r.unit}  vs  ${r.baseline}: ${r.baselineValue.toFixed(2)}  →  ratio ${r.ratio.toFixed(2)}${r.note ? `  (${r.note})` : ''}`,
    )
    .join('\n');
}
