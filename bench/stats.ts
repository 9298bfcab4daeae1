/** Repeated measurements: every figure of the bench is a median with its spread, never one run. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

/** Wall time of one call, ms. */
export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Percentile (linear interpolation) of a sample, q in [0, 1]. */
export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Progress lines go to stderr: stdout carries only the result (`--json` prints one object). */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Wall and CPU time (this process, every thread) of repeated runs, ms. */
export interface Runs {
  wall: number[];
  cpu: number[];
}

/** Times `runs` calls of `fn` after `warmup` untimed ones (JIT, caches): wall and CPU time each. */
export function timeRuns(runs: number, fn: () => void, warmup = 1): Runs {
  for (let w = 0; w < warmup; w++) fn();
  const out: Runs = { wall: [], cpu: [] };
  for (let r = 0; r < runs; r++) addRun(out, fn);
  return out;
}

/** Times one call of `fn` into `into`. */
export function addRun(into: Runs, fn: () => void): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
}
