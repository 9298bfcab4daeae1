/**
 * The headless CLI (src/cli/main.ts): exit codes, the JSON result contract on stdout, --out/--csv
 * files, and clean error messages on bad input. `main` is called in-process with stdout/stderr
 * captured; scenarios are small (32–48 cells, a few weeks) to keep it fast.
 */
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERIES } from '../../../src/engine/index';
import { runBuiltCli, runCli, useScratchDir, writeScenarioFile, type CliRun as Run } from '../../fixtures/cli';
import { repoPath } from '../../fixtures/engine';

const scratch = useScratchDir('skinsim-cli-');

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

/**
 * The in-process CLI on `single` and on `cohort` without options, each run once and shared by every
 * test that reads that output (the built CLI's and the sweep's are compared with it: same bytes).
 */
let singleRun: Promise<Run> | undefined;
let cohortRun: Promise<Run> | undefined;
const runSingle = (): Promise<Run> => (singleRun ??= runCli([writeScenarioFile(scratch.path, 'single.json', single)]));
const runCohort = (): Promise<Run> => (cohortRun ??= runCli([writeScenarioFile(scratch.path, 'cohort.json', cohort)]));

describe('simulate CLI: a single patient', () => {
  let out: Run;
  beforeAll(async () => {
    out = await runSingle();
  });

  it('appends the evidence of each series: this weekly two-session course lies outside the trials', () => {
    const { evidence } = JSON.parse(out.stdout) as { evidence: Record<string, { tag: string; reason: string; restsOn: string[] }> };
    expect(Object.keys(evidence)).toEqual([...SERIES]);
    expect(evidence.collagenGain!.tag).toBe('extrapolation');
    expect(evidence.collagenGain!.reason).toContain('interval 7 d: trials covered 14–30 d');
    expect(evidence.collagenGain!.reason).toContain('sessions 2: trials covered 3–6');
    expect(evidence.telangiectasia!.tag).toBe('hypothesis');
    expect(evidence.collagenGain!.restsOn).toContain('C_max: collagen cap [I]');
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
    const outPath = join(scratch.path, 'result.json');
    const csvPath = join(scratch.path, 'result.csv');
    const res = await runCli([writeScenarioFile(scratch.path, 'single2.json', single), '--out', outPath, '--csv', csvPath]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(readFileSync(outPath, 'utf8')).toBe(out.stdout);
    const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
    expect(lines[0]!.startsWith('day,collagenGain')).toBe(true);
    expect(lines[0]!.split(',')).toEqual(['day', ...SERIES]);
    expect(lines).toHaveLength(1 + 1 + 21);
    const parsed = JSON.parse(out.stdout) as { series: { collagenGain: number[] }; evidence: Record<string, { tag: string }> };
    // Row 2 names each column's evidence tag, as the JSON's `evidence` gives it (docs/scenario-format.md).
    expect(lines[1]!.split(',')).toEqual(['evidence', ...SERIES.map((name) => parsed.evidence[name]!.tag)]);
    expect(Number(lines[22]!.split(',')[1])).toBe(parsed.series.collagenGain[20]);
  });
});

describe('simulate CLI: a cohort', () => {
  it('prints median/p10/p90 per series and the incidence of adverse effects', async () => {
    const res = await runCohort();
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
    const csvPath = join(scratch.path, 'cohort.csv');
    expect((await runCli([writeScenarioFile(scratch.path, 'cohort2.json', cohort), '--csv', csvPath])).code).toBe(0);
    const header = readFileSync(csvPath, 'utf8').split('\n')[0]!;
    expect(header.startsWith('day,collagenGain_median,collagenGain_p10,collagenGain_p90')).toBe(true);
  });
});

describe('simulate CLI: bad input', () => {
  const noStack = (text: string) => expect(text).not.toContain('    at ');

  it('a scenario with a bad field exits 2, names the field on stderr, and prints no stack trace', async () => {
    const res = await runCli([writeScenarioFile(scratch.path, 'bad.json', { ...single, protocol: { ...single.protocol, needleMm: 7 } })]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('protocol.needleMm');
    expect(res.stderr).toContain('0.25–3 mm');
    noStack(res.stderr);
  });

  it('a file that is not JSON exits 2 with a JSON syntax message', async () => {
    const res = await runCli([writeScenarioFile(scratch.path, 'broken.json', '{ "version": 1, ')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not valid JSON/);
    noStack(res.stderr);
  });

  it('a missing file exits 2 and names the file', async () => {
    const path = join(scratch.path, 'does-not-exist.json');
    const res = await runCli([path]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(path);
    noStack(res.stderr);
  });

  it('a folder without scenario files exits 2 and names it', async () => {
    const empty = join(scratch.path, 'empty-folder');
    mkdirSync(empty);
    const res = await runCli([empty]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(empty);
    expect(JSON.parse(res.stdout)).toEqual({ file: empty, error: `no scenario files (*.json) in "${empty}"` });
    noStack(res.stderr);
  });

  it('a file over the size limit exits 2 without being simulated', async () => {
    const res = await runCli([writeScenarioFile(scratch.path, 'huge.json', `{"description":"${'x'.repeat(1_100_000)}"}`)]);
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
    const res = await runCli(argv);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('usage:');
    noStack(res.stderr);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const res = await runCli(['--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('usage:');
  });
});

describe('the built CLI (dist-node, as `npm run simulate` runs it)', () => {
  it('rebuilds a stale bundle, then prints the same bytes and exit code as the CLI in-process', async () => {
    // Age the build record: every source now looks newer than the bundle.
    const meta = repoPath('dist-node/meta.json');
    if (existsSync(meta)) utimesSync(meta, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const path = writeScenarioFile(scratch.path, 'built-single.json', single);
    const built = runBuiltCli([path]);
    expect(statSync(meta).mtimeMs).toBeGreaterThan(new Date(2001, 0, 1).getTime());
    const inProcess = await runSingle(); // the same bytes as `path`
    expect(built).toEqual(inProcess);
    expect(built.code).toBe(0);
    const bad = writeScenarioFile(scratch.path, 'built-bad.json', { ...single, days: 0 });
    expect(runBuiltCli([bad])).toEqual(await runCli([bad]));
  });

  it('sweeps several files and a folder in its pool: one NDJSON line per file in input order, bad files as error lines, exit 2', async () => {
    const folder = join(scratch.path, 'sweep');
    mkdirSync(folder);
    const b = writeScenarioFile(folder, 'b-cohort.json', cohort);
    const a = writeScenarioFile(folder, 'a-single.json', { ...single, seed: 4 });
    writeScenarioFile(folder, 'notes.txt', 'not a scenario');
    const bad = writeScenarioFile(scratch.path, 'sweep-bad.json', { ...single, protocol: { ...single.protocol, needleMm: 7 } });
    const missing = join(scratch.path, 'sweep-missing.json');
    const first = writeScenarioFile(scratch.path, 'sweep-first.json', single);

    const res = runBuiltCli([first, bad, folder, missing]);
    expect(res.code).toBe(2);
    const lines = res.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; result?: unknown; error?: string; problems?: string[] });
    expect(lines.map((l) => l.file)).toEqual([first, bad, a, b, missing]);
    // Each result is exactly what the single-file CLI prints for that file (the first and b-cohort
    // hold the same bytes as single.json and cohort.json).
    const inProcess: [number, Run][] = [[0, await runSingle()], [2, await runCli([a])], [3, await runCohort()]];
    for (const [k, printed] of inProcess) expect(`${JSON.stringify(lines[k]!.result)}\n`).toBe(printed.stdout);
    expect(lines[1]!.error).toContain('protocol.needleMm: 7 is above the maximum');
    expect(lines[1]!.problems).toEqual(['protocol.needleMm: 7 is above the maximum; allowed 0.25–3 mm']);
    expect(lines[4]!.error).toBe(`cannot read "${missing}": no such file`);
    expect(res.stderr).toContain(`skinsim: ${bad}: invalid scenario`);
    expect(res.stderr).not.toContain('    at ');

    // The pool size changes nothing; --out gets the same lines; all good files exit 0.
    const outPath = join(scratch.path, 'sweep.ndjson');
    const single1 = runBuiltCli(['--workers', '1', '--out', outPath, folder]);
    expect(single1).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(outPath, 'utf8')).toBe(`${[lines[2], lines[3]].map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(runBuiltCli(['--ndjson', a]).stdout).toBe(`${JSON.stringify(lines[2])}\n`);
  });
});
