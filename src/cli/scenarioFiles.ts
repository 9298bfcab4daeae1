import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_MAX_BYTES, ScenarioError } from '../engine/index';

/** A command-line mistake (options, paths): exit code 2 with the usage text. */
export class UsageError extends Error {}

/** A path that cannot be read as a scenario (missing, not a file): exit code 2, no usage text. */
export class InputError extends Error {}

/** Reads a scenario file, refusing a missing path, a folder or an oversized file before reading it. */
export function readScenarioFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`cannot read "${path}": not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read "${path}": no such file`);
  }
  // Refuse before reading: a 10 MB file must not be loaded to be rejected.
  if (size > SCENARIO_MAX_BYTES) {
    throw new ScenarioError([`the file is ${(size / 1e6).toFixed(1)} MB; a scenario may be at most ${SCENARIO_MAX_BYTES / 1e6} MB`]);
  }
  return readFileSync(path, 'utf8');
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The scenario files named on the command line, in the order given; a folder stands for its `*.json`
 * files (not recursive) in code-point order of their names, so every machine lists them alike.
 * A folder without any is kept as itself: the sweep reports it as a bad input.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!isDirectory(path)) {
      files.push(path);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      files.push(path);
      continue;
    }
    const json = names.filter((n) => n.endsWith('.json') && !isDirectory(join(path, n))).sort();
    if (json.length === 0) files.push(path);
    for (const name of json) files.push(join(path, name));
  }
  return files;
}
