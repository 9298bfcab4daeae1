/**
 * The headless CLI (src/cli/main.ts): exit codes, the JSON result contract on stdout, --out/--csv
 * files, and clean error messages on bad input. `main` is called in-process with stdout/stderr
 * captured; scenarios are small (32–48 cells, a few weeks) to keep it fast.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SERIES } from '../../../src/engine/index';
import { runCli, type CliRun as Run } from '../../fixtures/cli';
import { repoPath } from '../../fixtures/engine';

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

const run = runCli;

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
  beforeAll(async () => {
    out = await run([writeScenario('single.json', single)]);
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

  it('writes the same JSON to --out (and nothing to stdout) and a CSV with --csv', async () => {
    const outPath = join(dir, 'result.json');
    const csvPath = join(dir, 'result.csv');
    const res = await run([writeScenario('single2.json', single), '--out', outPath, '--csv', csvPath]);
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
  it('prints median/p10/p90 per series and the incidence of adverse effects', async () => {
    const res = await run([writeScenario('cohort.json', cohort)]);
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

  it('writes cohort CSV columns per band', async () => {
    const csvPath = join(dir, 'cohort.csv');
    expect((await run([writeScenario('cohort2.json', cohort), '--csv', csvPath])).code).toBe(0);
    const header = readFileSync(csvPath, 'utf8').split('\n')[0]!;
    expect(header.startsWith('day,collagenGain_median,collagenGain_p10,collagenGain_p90')).toBe(true);
  });
});

describe('simulate CLI: bad input', () => {
  const noStack = (text: string) => expect(text).not.toContain('    at ');

  it('a scenario with a bad field exits 2, names the field on stderr, and prints no stack trace', async () => {
    const res = await run([writeScenario('bad.json', { ...single, protocol: { ...single.protocol, needleMm: 7 } })]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('protocol.needleMm');
    expect(res.stderr).toContain('0.25–3 mm');
    noStack(res.stderr);
  });

  it('a file that is not JSON exits 2 with a JSON syntax message', async () => {
    const res = await run([writeScenario('broken.json', '{ "version": 1, ')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not valid JSON/);
    noStack(res.stderr);
  });

  it('a missing file exits 2 and names the file', async () => {
    const path = join(dir, 'does-not-exist.json');
    const res = await run([path]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(path);
    noStack(res.stderr);
  });

  it('a folder without scenario files exits 2 and names it', async () => {
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const res = await run([empty]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(empty);
    expect(JSON.parse(res.stdout)).toEqual({ file: empty, error: `no scenario files (*.json) in "${empty}"` });
    noStack(res.stderr);
  });

  it('a file over the size limit exits 2 without being simulated', async () => {
    const res = await run([writeScenario('huge.json', `{"description":"${'x'.repeat(1_100_000)}"}`)]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/MB/);
    noStack(res.stderr);
  });

  it.each([
    ['no scenario file', []],
    ['an unknown option', ['x.json', '--fast']],
    ['--out without a file name', ['x.json', '--out']],
    ['--csv with several files', ['a.json', 'b.json', '--csv', 'x.csv']],
    ['--workers 0', ['x.json', '--workers', '0']],
  ])('%s exits 2 with the usage text', async (_label, argv) => {
    const res = await run(argv);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('usage:');
    noStack(res.stderr);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const res = await run(['--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('usage:');
  });
});

/** The real program as users start it: node scripts/simulate.mjs → dist-node/simulate.js (rebuilt when stale). */
function runBuilt(argv: string[]): Run {
  const res = spawnSync(process.execPath, [repoPath('scripts/simulate.mjs'), ...argv], { cwd: repoPath('.'), encoding: 'utf8', timeout: 120_000 });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

describe('the built CLI (dist-node, as `npm run simulate` runs it)', () => {
  it('rebuilds a stale bundle, then prints the same bytes and exit code as the CLI in-process', async () => {
    // Age the build record: every source now looks newer than the bundle.
    const meta = repoPath('dist-node/meta.json');
    if (existsSync(meta)) utimesSync(meta, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const path = writeScenario('built-single.json', single);
    const built = runBuilt([path]);
    expect(statSync(meta).mtimeMs).toBeGreaterThan(new Date(2001, 0, 1).getTime());
    const inProcess = await run([path]);
    expect(built).toEqual(inProcess);
    expect(built.code).toBe(0);
    const bad = writeScenario('built-bad.json', { ...single, days: 0 });
    expect(runBuilt([bad])).toEqual(await run([bad]));
  });

  it('sweeps several files and a folder in its pool: one NDJSON line per file in input order, bad files as error lines, exit 2', async () => {
    const folder = join(dir, 'sweep');
    mkdirSync(folder);
    const b = join(folder, 'b-cohort.json');
    const a = join(folder, 'a-single.json');
    writeFileSync(b, JSON.stringify(cohort));
    writeFileSync(a, JSON.stringify({ ...single, seed: 4 }));
    writeFileSync(join(folder, 'notes.txt'), 'not a scenario');
    const bad = writeScenario('sweep-bad.json', { ...single, protocol: { ...single.protocol, needleMm: 7 } });
    const missing = join(dir, 'sweep-missing.json');
    const first = writeScenario('sweep-first.json', single);

    const res = runBuilt([first, bad, folder, missing]);
    expect(res.code).toBe(2);
    const lines = res.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; result?: unknown; error?: string; problems?: string[] });
    expect(lines.map((l) => l.file)).toEqual([first, bad, a, b, missing]);
    // Each result is exactly what the single-file CLI prints for that file.
    for (const k of [0, 2, 3]) expect(`${JSON.stringify(lines[k]!.result)}\n`).toBe((await run([lines[k]!.file])).stdout);
    expect(lines[1]!.error).toContain('protocol.needleMm: 7 is above the maximum');
    expect(lines[1]!.problems).toEqual(['protocol.needleMm: 7 is above the maximum; allowed 0.25–3 mm']);
    expect(lines[4]!.error).toBe(`cannot read "${missing}": no such file`);
    expect(res.stderr).toContain(`skinsim: ${bad}: invalid scenario`);
    expect(res.stderr).not.toContain('    at ');

    // The pool size changes nothing; --out gets the same lines; all good files exit 0.
    const outPath = join(dir, 'sweep.ndjson');
    const single1 = runBuilt(['--workers', '1', '--out', outPath, folder]);
    expect(single1).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(outPath, 'utf8')).toBe(`${[lines[2], lines[3]].map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(runBuilt(['--ndjson', a]).stdout).toBe(`${JSON.stringify(lines[2])}\n`);
  });
});
