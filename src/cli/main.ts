import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resultToCsv } from '../engine/resultCsv';
import { parseScenarioText, SCENARIO_MAX_BYTES, ScenarioError } from '../engine/scenario';
import { simulateScenario } from '../engine/simulate';

const USAGE = `usage: npm run -s simulate -- <scenario.json> [--out result.json] [--csv result.csv]

Runs a SkinSim scenario headless and prints the result as JSON on stdout
(or writes it to --out). --csv also writes one row per sampled day.
Exit code 0 on success, 2 on bad input (message on stderr).
Scenario format: docs/scenario-format.md. Presets: public/scenarios/*.json.`;

class UsageError extends Error {}

interface CliArgs {
  scenarioPath: string;
  outPath?: string;
  csvPath?: string;
}

export function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  let scenarioPath: string | undefined;
  let outPath: string | undefined;
  let csvPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--out' || a === '--csv') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${a} needs a file name`);
      if (a === '--out') outPath = value;
      else csvPath = value;
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (scenarioPath === undefined) {
      scenarioPath = a;
    } else {
      throw new UsageError(`only one scenario file, got "${scenarioPath}" and "${a}"`);
    }
  }
  if (scenarioPath === undefined) throw new UsageError('missing the scenario file');
  return { scenarioPath, ...(outPath ? { outPath } : {}), ...(csvPath ? { csvPath } : {}) };
}

function readScenarioFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`cannot read "${path}": not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read "${path}": no such file`);
  }
  // Refuse before reading: a 10 MB file must not be loaded to be rejected.
  if (size > SCENARIO_MAX_BYTES) {
    throw new ScenarioError([`the file is ${(size / 1e6).toFixed(1)} MB; a scenario may be at most ${SCENARIO_MAX_BYTES / 1e6} MB`]);
  }
  return readFileSync(path, 'utf8');
}

export function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const scenario = parseScenarioText(readScenarioFile(args.scenarioPath));
    const result = simulateScenario(scenario);
    const json = `${JSON.stringify(result)}\n`;
    if (args.outPath) writeFileSync(args.outPath, json);
    if (args.csvPath) writeFileSync(args.csvPath, resultToCsv(result));
    if (!args.outPath) process.stdout.write(json);
    return 0;
  } catch (err) {
    if (err instanceof ScenarioError) {
      process.stderr.write(`skinsim: ${argv[0] ?? ''}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`skinsim: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`skinsim: internal error: ${(err as Error).message}\n`);
    return 1;
  }
}
