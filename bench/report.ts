import { cpus, availableParallelism, loadavg } from 'node:os';
import type { Figure } from './figures';
import type { Spread } from './stats';

/**
 * The keys `--json` always carries (issue 8), in this order, each with where it is measured: null when
 * not measured (`browser`: only with --browser and a build).
 */
const KEY_SOURCES = {
  kernelCellStepsPerSec: 'node',
  kernelVsObjects: 'node',
  courseMs: 'node',
  adaptiveVsFixed: 'node',
  adaptiveMaxDelta: 'node',
  yearAt256Ms: 'node',
  cohort200Ms: 'node',
  poolSpeedup: 'node',
  cliStartMs: 'node',
  strokeShadeP95Ms: 'node',
  playDaysPerSecondAtWeekSpeed: 'browser',
  fullFrameShadeMs: 'node',
  // The waits a user feels (issue 17; bench/waits.ts): in the app, but for the CLI's pool beside the dose map.
  doseMapMs: 'browser',
  doseMapCliMs: 'node',
  compareEditMs: 'browser',
  compareExampleMs: 'browser',
  dragFpsRatio: 'browser',
  playFpsRatio: 'browser',
  firstSkinMs: 'browser',
  restoreMs: 'browser',
} as const satisfies Record<string, 'node' | 'browser'>;

export type RequiredKey = keyof typeof KEY_SOURCES;
export const REQUIRED_KEYS = Object.keys(KEY_SOURCES) as readonly RequiredKey[];

export interface Machine {
  cpu: string;
  cores: number;
  /** 1-, 5- and 15-minute load averages (os.loadavg, as /proc/loadavg). */
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  node: string;
  platform: string;
  /** When the run started (ISO 8601). */
  date: string;
  /** A smoke run (`--quick`): fewer repeats and smaller workloads, figures not comparable. */
  quick: boolean;
}

export function machineNow(quick = false): Omit<Machine, 'loadAverageAtEnd'> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    quick,
  };
}

/**
 * What `--json` prints: exactly the keys of issue 8 (each figure's median, null when not measured),
 * the machine, and `details`: every figure measured (those keys and the extra ones) with its spread,
 * baseline, goal and note.
 */
export type BenchReport = Record<RequiredKey, number | null> & {
  machine: Machine;
  details: Record<string, Figure>;
};

/** One JSON object: the required keys' medians, then the machine and each figure's spread and baseline. */
export function buildReport(figures: readonly Figure[], machine: Omit<Machine, 'loadAverageAtEnd'>): BenchReport {
  const medians = {} as Record<RequiredKey, number | null>;
  for (const key of REQUIRED_KEYS) medians[key] = null;
  const details: Record<string, Figure> = {};
  for (const f of figures) {
    if (Object.hasOwn(KEY_SOURCES, f.key)) medians[f.key as RequiredKey] = Number.isFinite(f.value.median) ? round(f.value.median) : null;
    details[f.key] = f;
  }
  return {
    ...medians,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
    details,
  };
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(a >= 1e8 ? 0 : 1)} M`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(2);
}

function withSpread(s: Spread, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (s.runs <= 1) return `${formatNumber(s.median)}${u}`;
  return `${formatNumber(s.median)}${u} (${formatNumber(s.min)}–${formatNumber(s.max)}, ${s.runs} runs)`;
}

function baselineText(f: Figure): string {
  return f.baseline ? `${f.baseline.label}: ${withSpread(f.baseline.value, f.baseline.unit)}` : '';
}

/** The readable table `npm run bench` prints. */
export function formatTable(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `SkinSim bench — ${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end${m.quick ? ' (quick run)' : ''}`,
    '',
  ];
  for (const f of Object.values(report.details)) {
    lines.push(`${f.key}  ${withSpread(f.value, f.unit)}${f.goal ? `   goal ${f.goal}` : ''}`);
    lines.push(`  ${f.label}`);
    if (f.baseline) lines.push(`  vs ${baselineText(f)}`);
    if (f.note) lines.push(`  ${f.note}`);
  }
  const missing = REQUIRED_KEYS.filter((k) => report[k] === null);
  if (missing.length) lines.push('', `not measured: ${missing.join(', ')}${missing.some((k) => KEY_SOURCES[k] === 'browser') ? ' (the app’s figures need --browser and a build)' : ''}`);
  return lines.join('\n');
}

/** The README's performance table, regenerated from a run (`npm run -s bench -- --markdown`). */
export function formatMarkdown(report: BenchReport): string {
  const m = report.machine;
  // A "|" inside a cell would end it: escape it.
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = Object.values(report.details).map(
    (f) => `| ${cell(f.label)} | ${cell(withSpread(f.value, f.unit))} | ${cell(baselineText(f)) || '—'} | ${cell(f.goal ?? '—')} |`,
  );
  const notes = Object.values(report.details)
    .filter((f) => f.note)
    .map((f) => `- \`${f.key}\`: ${f.note}`);
  return [
    `Measured on ${m.cpu} (${m.cores} cores), Node ${m.node}, load average ${m.loadAverageAtStart.join(' / ')} at start, ${m.loadAverageAtEnd.join(' / ')} at end (${m.date.slice(0, 10)}${m.quick ? ', quick run' : ''}). Median (min–max) of repeated runs; every baseline ran in the same run on the same work.`,
    '',
    '| what | figure | baseline (same run) | goal |',
    '|---|---|---|---|',
    ...rows,
    ...(notes.length ? ['', 'Notes of the same run:', '', ...notes] : []),
  ].join('\n');
}

export const README_START = '<!-- bench:table:start (npm run -s bench -- --readme) -->';
export const README_END = '<!-- bench:table:end -->';

/** README text with the block between the markers replaced by `table`. */
export function replaceReadmeTable(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" … "${README_END}" block`);
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
