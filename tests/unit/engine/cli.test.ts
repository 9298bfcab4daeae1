/**
 * The headless CLI (src/cli/main.ts): exit codes, the JSON result contract on stdout, --out/--csv
 * files, and clean error messages on bad input. `main` is called in-process with stdout/stderr
 * captured; scenarios are small (32–48 cells, a few weeks) to keep it fast.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';
import { SERIES } from '../../../src/engine/index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skinsim-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

function writeScenario(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const single = {
  version: 1,
  seed: 3,
  skin: { region: 'cheek', phototype: 5, conditions: [] },
  grid: { cells: 48 },
  protocol: { needleMm: 1.5, passes: 15, intervalDays: 7, sessions: 2 },
  days: 20,
  sampleEveryDays: 1,
};

const cohort = { ...single, grid: { cells: 32 }, days: 10, cohort: { patients: 4 } };

describe('simulate CLI: a single patient', () => {
  let out: Run;
  beforeAll(() => {
    out = run([writeScenario('single.json', single)]);
  });

  it('exits 0 and prints nothing on stderr', () => {
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
  });

  it('prints the result contract: version 1, days, 13 series of the same length, warnings with code and message', () => {
    const result = JSON.parse(out.stdout) as {
      version: number;
      days: number[];
      series: Record<string, number[]>;
      warnings: { code: string; message: string }[];
    };
    expect(result.version).toBe(1);
    expect(result.days).toEqual(Array.from({ length: 21 }, (_, d) => d));
    expect(Object.keys(result.series).sort()).toEqual([...SERIES].sort());
    for (const name of SERIES) {
      expect(result.series[name], name).toHaveLength(result.days.length);
      expect(result.series[name]!.every((v) => typeof v === 'number' && Number.isFinite(v)), name).toBe(true);
    }
    expect(result.warnings.length).toBeGreaterThan(0);
    for (const w of result.warnings) {
      expect(typeof w.code).toBe('string');
      expect(typeof w.message).toBe('string');
      expect(w.message.length).toBeGreaterThan(10);
    }
    // A 7-day interval with 1.5 mm needles and a phototype V patient both warrant a warning.
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['interval-too-short', 'pih-risk']));
  });

  it('writes the same JSON to --out (and nothing to stdout) and a CSV with --csv', () => {
    const outPath = join(dir, 'result.json');
    const csvPath = join(dir, 'result.csv');
    const res = run([writeScenario('single2.json', single), '--out', outPath, '--csv', csvPath]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(readFileSync(outPath, 'utf8')).toBe(out.stdout);
    const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
    expect(lines[0]!.startsWith('day,collagenGain')).toBe(true);
    expect(lines[0]!.split(',')).toEqual(['day', ...SERIES]);
    expect(lines).toHaveLength(1 + 21);
    const parsed = JSON.parse(out.stdout) as { series: { collagenGain: number[] } };
    expect(Number(lines[21]!.split(',')[1])).toBe(parsed.series.collagenGain[20]);
  });
});

describe('simulate CLI: a cohort', () => {
  it('prints median/p10/p90 per series and the incidence of adverse effects', () => {
    const res = run([writeScenario('cohort.json', cohort)]);
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout) as {
      version: number;
      days: number[];
      series: Record<string, { median: number[]; p10: number[]; p90: number[] }>;
      incidence: Record<string, number>;
      warnings: unknown[];
    };
    expect(result.version).toBe(1);
    expect(Object.keys(result.series).sort()).toEqual([...SERIES].sort());
    for (const name of SERIES) {
      for (const band of ['median', 'p10', 'p90'] as const) expect(result.series[name]![band], `${name}.${band}`).toHaveLength(result.days.length);
    }
    expect(Object.keys(result.incidence).sort()).toEqual(['pih', 'prolongedErythema', 'telangiectasia']);
    for (const v of Object.values(result.incidence)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Array.isArray(result.warnings)).toBe(true);
  });

  it('writes cohort CSV columns per band', () => {
    const csvPath = join(dir, 'cohort.csv');
    expect(run([writeScenario('cohort2.json', cohort), '--csv', csvPath]).code).toBe(0);
    const header = readFileSync(csvPath, 'utf8').split('\n')[0]!;
    expect(header.startsWith('day,collagenGain_median,collagenGain_p10,collagenGain_p90')).toBe(true);
  });
});

describe('simulate CLI: bad input', () => {
  const noStack = (text: string) => expect(text).not.toContain('    at ');

  it('a scenario with a bad field exits 2, names the field on stderr, and prints no stack trace', () => {
    const res = run([writeScenario('bad.json', { ...single, protocol: { ...single.protocol, needleMm: 7 } })]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('protocol.needleMm');
    expect(res.stderr).toContain('0.25–3 mm');
    noStack(res.stderr);
  });

  it('a file that is not JSON exits 2 with a JSON syntax message', () => {
    const res = run([writeScenario('broken.json', '{ "version": 1, ')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not valid JSON/);
    noStack(res.stderr);
  });

  it('a missing file exits 2 and names the file', () => {
    const path = join(dir, 'does-not-exist.json');
    const res = run([path]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(path);
    noStack(res.stderr);
  });

  it('a directory instead of a file exits 2 and names it', () => {
    const res = run([dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(dir);
    noStack(res.stderr);
  });

  it('a file over the size limit exits 2 without being simulated', () => {
    const res = run([writeScenario('huge.json', `{"description":"${'x'.repeat(1_100_000)}"}`)]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/MB/);
    noStack(res.stderr);
  });

  it.each([
    ['no scenario file', []],
    ['an unknown option', ['x.json', '--fast']],
    ['--out without a file name', ['x.json', '--out']],
  ])('%s exits 2 with the usage text', (_label, argv) => {
    const res = run(argv);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('usage:');
    noStack(res.stderr);
  });

  it('--help prints the usage on stdout and exits 0', () => {
    const res = run(['--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('usage:');
  });
});
