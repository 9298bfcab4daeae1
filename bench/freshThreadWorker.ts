// The course of bench/cases.ts in a fresh worker thread (bench/freshThread.ts), timed after the modules
// are loaded: its first run with or without the engine's JIT warm-up, or warm runs after both.
import { parentPort, workerData } from 'node:worker_threads';
import { runSinglePatient, warmUpEngine } from '../src/engine/index';
import { courseScenario } from './cases';
import type { FreshThreadJob, FreshThreadResult } from './freshThread';

const job = workerData.job as FreshThreadJob;
const scenario = courseScenario();
const timed = (fn: () => void): { wall: number; cpu: number } => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
};
let result: FreshThreadResult;
if (job.kind === 'first') {
  const warmUp = timed(() => job.warm && warmUpEngine());
  const course = timed(() => runSinglePatient(scenario));
  result = { kind: 'first', warmUpMs: warmUp.wall, courseMs: course.wall };
} else {
  warmUpEngine();
  runSinglePatient(scenario);
  const runs = Array.from({ length: job.runs }, () => timed(() => runSinglePatient(scenario)));
  result = { kind: 'warm', wall: runs.map((r) => r.wall), cpu: runs.map((r) => r.cpu) };
}
parentPort!.postMessage(result);
