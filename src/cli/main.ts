import { writeFileSync } from 'node:fs';
import {
  parseScenarioText,
  resultToCsv,
  type Scenario,
  ScenarioError,
  simulateScenario,
  type SimulationResult,
} from '../engine/index';
import { evidenceTags, withEvidence } from '../evidence/seriesEvidence';
import { createNodePool, defaultPoolSize } from '../pool/nodePool';
import { runCohortInPool } from '../pool/scenarioJobs';
import { InputError, isDirectory, readScenarioFile, UsageError } from './scenarioFiles';
import { sweep } from './sweep';

const USAGE = `usage: npm run -s simulate -- <scenario.json> [--out result.json] [--csv result.csv]
       npm run -s simulate -- <file or folder>... [--out results.ndjson]

Runs a SkinSim scenario headless and prints the result as JSON on stdout
(or writes it to --out). --csv also writes one row per sampled day.
Several files, a folder (its *.json files) or --ndjson: runs them in a pool of
worker threads and prints one line per file, in input order:
{"file":...,"result":{...}} or {"file":...,"error":"..."}.
--workers N sets the pool size (default: one per core, at least 2; 1 = no threads).
Exit code 0 on success, 2 on bad input (message on stderr), 1 on an internal error;
with several files, the worst over all files, after every file has run.
Scenario format: docs/scenario-format.md. Presets: public/scenarios/*.json.`;

export interface CliArgs {
  paths: string[];
  outPath?: string;
  csvPath?: string;
  /** Pool size; 1 runs everything in this thread. */
  workers?: number;
  /** One NDJSON line per file even for a single file (for scripts that batch files, e.g. GNU parallel -X). */
  ndjson: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  const paths: string[] = [];
  let outPath: string | undefined;
  let csvPath: string | undefined;
  let workers: number | undefined;
  let ndjson = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--out' || a === '--csv') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${a} needs a file name`);
      if (a === '--out') outPath = value;
      else csvPath = value;
    } else if (a === '--workers') {
      const value = argv[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers needs a whole number 1–256, got ${value ?? 'nothing'}`);
      workers = n;
    } else if (a === '--ndjson') {
      ndjson = true;
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) throw new UsageError('missing the scenario file');
  const sweeping = ndjson || paths.length > 1;
  if (sweeping && csvPath !== undefined) throw new UsageError('--csv takes a single scenario file (several files print NDJSON)');
  return {
    paths,
    ndjson,
    ...(outPath ? { outPath } : {}),
    ...(csvPath ? { csvPath } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
}

/** Runs a scenario here, or its cohort's patients in a pool when there are threads to spare (same bytes). */
async function simulate(scenario: Scenario, workers: number): Promise<SimulationResult> {
  const patients = scenario.cohort?.patients ?? 1;
  if (patients < 2 || workers < 2) return simulateScenario(scenario);
  const pool = createNodePool({ size: Math.min(workers, patients) });
  try {
    return await runCohortInPool(pool, scenario);
  } finally {
    pool.close();
  }
}

/** The CLI: returns the exit code (0 ok, 2 bad input, 1 internal error). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const workers = args.workers ?? defaultPoolSize();
    if (args.ndjson || args.paths.length > 1 || isDirectory(args.paths[0]!)) {
      return await sweep(args.paths, { workers, ...(args.outPath ? { outPath: args.outPath } : {}) });
    }
    const scenario = parseScenarioText(readScenarioFile(args.paths[0]!));
    const result = withEvidence(await simulate(scenario, workers), scenario);
    const json = `${JSON.stringify(result)}\n`;
    if (args.outPath) writeFileSync(args.outPath, json);
    if (args.csvPath) writeFileSync(args.csvPath, resultToCsv(result, evidenceTags(result.evidence)));
    if (!args.outPath) process.stdout.write(json);
    return 0;
  } catch (err) {
    if (err instanceof ScenarioError) {
      process.stderr.write(`skinsim: ${argv[0] ?? ''}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError || err instanceof InputError) {
      process.stderr.write(`skinsim: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`skinsim: internal error: ${(err as Error).message}\n`);
    return 1;
  }
}
