// The course of bench/cases.ts in a fresh worker thread (bench/freshThread.ts), timed after the modules
// are loaded: its first run with or without the engine's JIT warm-up, or warm runs after both.
import { parentPort, workerData } from 'node:worker_threads';
import { runSinglePatient, warmUpEngine } from '../src/engine/index';
import { courseScenario } from './cases';
import type { FreshThreadJob, FreshThreadResult } from './freshThread';
import { timeMs, timeRuns } from './stats';

const job = workerData.job as FreshThreadJob;
const scenario = courseScenario();
const run = (): void => void runSinglePatient(scenario);
let result: FreshThreadResult;
if (job.kind === 'first') {
  const warmUpMs = timeMs(() => job.warm && warmUpEngine());
  result = { kind: 'first', warmUpMs, courseMs: timeMs(run) };
} else {
  warmUpEngine();
  // One untimed run first, then `runs` timed ones (wall and CPU), as the bench's own thread times it.
  result = { kind: 'warm', ...timeRuns(job.runs, run) };
}
parentPort!.postMessage(result);
