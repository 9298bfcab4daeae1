// A fresh thread's first course (bench/firstCourse.ts): optionally the engine's JIT warm-up first,
// then the 240-day course at 160², each timed after the modules are loaded.
import { parentPort, workerData } from 'node:worker_threads';
import { runSinglePatient, warmUpEngine } from '../src/engine/index';
import { courseScenario } from './cases';

const { warm } = workerData as { warm: boolean };
const scenario = courseScenario();
const t0 = performance.now();
if (warm) warmUpEngine();
const t1 = performance.now();
runSinglePatient(scenario);
const t2 = performance.now();
parentPort!.postMessage({ warmUpMs: t1 - t0, courseMs: t2 - t1 });
