import { closeSync, openSync, writeSync } from 'node:fs';
import { parseScenarioText, ScenarioError, simulateScenario, type SimulationResult } from '../engine/index';
import { withEvidence } from '../evidence/seriesEvidence';
import { createNodePool } from '../pool/nodePool';
import { runScenarioInPool, type JobPool } from '../pool/scenarioJobs';
import { expandPaths, InputError, isDirectory, readScenarioFile } from './scenarioFiles';

/** One NDJSON line: a file's result, or why it has none. */
export type SweepLine =
  | { file: string; result: SimulationResult }
  | { file: string; error: string; problems?: string[] };

export interface SweepOptions {
  workers: number;
  outPath?: string;
}

interface Outcome {
  line: SweepLine;
  /** 0 ok, 2 bad input, 1 internal error. */
  code: 0 | 1 | 2;
}

/**
 * Runs many scenario files and writes one JSON line per file, in input order, each as soon as it and
 * every file before it are done. Files run in a pool of worker threads (a cohort's patients spread
 * over the pool too); at most a few files are in flight at once, so a folder of thousands of files
 * holds a few results in memory, not all of them.
 *
 * A bad file (unreadable, invalid, too large) does not stop the sweep: its line is
 * `{"file":…,"error":…,"problems":[…]}` and its message also goes to stderr. The exit code, once
 * every file has run, is the worst over all files: 1 if any internal error, else 2 if any bad input.
 */
export async function sweep(paths: readonly string[], options: SweepOptions): Promise<number> {
  const files = expandPaths(paths);
  let pool: JobPool | null = null;
  const getPool = (): JobPool => (pool ??= createNodePool({ size: options.workers }));
  const out = options.outPath === undefined ? null : openSync(options.outPath, 'w');
  const write = (text: string): void => {
    if (out === null) process.stdout.write(text);
    else writeSync(out, text);
  };

  const runOne = async (file: string): Promise<Outcome> => {
    try {
      if (isDirectory(file)) throw new InputError(`no scenario files (*.json) in "${file}"`);
      const scenario = parseScenarioText(readScenarioFile(file));
      const result = withEvidence(options.workers < 2 ? simulateScenario(scenario) : await runScenarioInPool(getPool(), scenario), scenario);
      return { line: { file, result }, code: 0 };
    } catch (err) {
      if (err instanceof ScenarioError) {
        process.stderr.write(`skinsim: ${file}: ${err.message}\n`);
        return { line: { file, error: err.message, problems: err.problems }, code: 2 };
      }
      if (err instanceof InputError) {
        process.stderr.write(`skinsim: ${err.message}\n`);
        return { line: { file, error: err.message }, code: 2 };
      }
      const message = `internal error: ${(err as Error).message}`;
      process.stderr.write(`skinsim: ${file}: ${message}\n`);
      return { line: { file, error: message }, code: 1 };
    }
  };

  // In flight: enough files to keep every worker busy while the oldest one finishes.
  const window = Math.max(4, 2 * options.workers);
  const inFlight: (Promise<Outcome> | undefined)[] = [];
  let worst: 0 | 1 | 2 = 0;
  try {
    for (let k = 0; k < Math.min(window, files.length); k++) inFlight[k] = runOne(files[k]!);
    for (let k = 0; k < files.length; k++) {
      const outcome = await inFlight[k]!;
      inFlight[k] = undefined;
      if (k + window < files.length) inFlight[k + window] = runOne(files[k + window]!);
      write(`${JSON.stringify(outcome.line)}\n`);
      if (outcome.code === 1 || (outcome.code === 2 && worst === 0)) worst = outcome.code;
    }
  } finally {
    (pool as JobPool | null)?.close();
    if (out !== null) closeSync(out);
  }
  return worst;
}
