import { Dynamics } from '../src/engine/dynamics';
import type { SkinFields } from '../src/engine/fields';
import { patchMeans, SERIES, type Scenario, type SeriesValues } from '../src/engine/index';
import { breakdownOf, copyFields, courseCase, fixedVsAdaptiveCase, injuredPatch, yearAt256Case, type RunBreakdown } from './cases';
import { EulerEngine } from './euler';
import type { Figure } from './figures';
import { NaiveEngine } from './naiveEngine';
import { inFreshThread } from './freshThread';
import { addRun, log, spread, timeMs, timeRuns, type Runs } from './stats';

const HOUR = 1 / 24;

export interface EngineBenchOptions {
  repeats: number;
  /** Skip the slowest baselines (fixed 1-h stepping, full Euler horizon): for a smoke run. */
  quick: boolean;
}

/**
 * `kernelCellStepsPerSec` and `kernelVsObjects`: 1-hour steps (reaction + diffusion, one thread) on a
 * 256² patch right after a reference session, the engine's Dynamics against the object-per-cell
 * engine of the same equations (bench/naiveEngine.ts), from the same state, interleaved per repeat.
 */
export function kernelFigures(o: EngineBenchOptions): { figures: Figure[]; maxDelta: number } {
  const cells = 256;
  const steps = 12;
  const { sim, constants } = injuredPatch(cells);
  const kernel = new Dynamics(sim.grid, constants, 'float32');
  const naive = new NaiveEngine(sim.grid, constants);
  const rates: number[] = [];
  const ratios: number[] = [];
  const naiveRates: number[] = [];
  let maxDelta = 0;
  for (let r = 0; r <= o.repeats; r++) {
    const fields = copyFields(sim.fields);
    // The copied fields are injured: the kernel must look at every pool (as after applySession).
    kernel.wake();
    const tKernel = timeMs(() => {
      for (let s = 0; s < steps; s++) kernel.step(fields, HOUR);
    });
    naive.load(sim.fields);
    const tNaive = timeMs(() => {
      for (let s = 0; s < steps; s++) naive.step(HOUR);
    });
    maxDelta = Math.max(maxDelta, naive.maxDifference(fields));
    if (r === 0) continue; // warm-up (JIT)
    const cellSteps = cells * cells * steps;
    rates.push(cellSteps / (tKernel / 1000));
    naiveRates.push(cellSteps / (tNaive / 1000));
    ratios.push(tNaive / tKernel);
  }
  log(`kernel ${(spread(rates).median / 1e6).toFixed(1)} M cell-steps/s, objects ×${spread(ratios).median.toFixed(1)} slower, max |Δ| ${maxDelta.toExponential(1)}`);
  const naiveBaseline = { label: 'object-per-cell engine, same equations and steps (bench/naiveEngine.ts)', unit: 'cell-steps/s', value: spread(naiveRates) };
  return {
    maxDelta,
    figures: [
      { key: 'kernelCellStepsPerSec', label: 'kernel: 256², 1-h steps incl. diffusion, one thread', unit: 'cell-steps/s', value: spread(rates), baseline: naiveBaseline },
      {
        key: 'kernelVsObjects',
        label: 'kernel speed-up over one object per cell',
        unit: '×',
        value: spread(ratios),
        baseline: naiveBaseline,
        note: `largest state difference after ${steps} steps: ${maxDelta.toExponential(1)} (float32 storage vs doubles)`,
      },
    ],
  };
}

function cpuNote(runs: Runs): string {
  return `CPU time ${spread(runs.cpu).median.toFixed(0)} ms (${spread(runs.cpu).min.toFixed(0)}–${spread(runs.cpu).max.toFixed(0)})`;
}

/** Where a run's time goes (the median over `runs` runs of each part), and the steps one run takes. */
function breakdown(scenario: Scenario, runs: number): { steps: number; note: string } {
  const parts = Array.from({ length: runs }, () => breakdownOf(scenario));
  const med = (pick: (b: RunBreakdown) => number): string => spread(parts.map(pick)).median.toFixed(0);
  return {
    steps: parts[0]!.steps,
    note: `sessions (sampling, deposit, jumps) ${med((b) => b.sessionsMs)} ms; steps and samples ${med((b) => b.advanceMs)} ms, of which patch-mean passes ≈ ${med((b) => b.meansMs)} ms`,
  };
}

/**
 * `courseMs`: the 240-day, 5-session course at 160² end to end (runSinglePatient), warm, in
 * `repeats` fresh threads (bench/freshThread.ts: each warms the engine up as the CLI does, runs the
 * course once, then times `2·repeats − 1` runs); the median over every timed run, with each thread's
 * median and this thread's own in the note.
 */
export async function courseFigure(o: EngineBenchOptions): Promise<Figure> {
  const runsPerThread = o.quick ? o.repeats : 2 * o.repeats - 1;
  const threads: Runs[] = [];
  for (let t = 0; t < o.repeats; t++) threads.push(await inFreshThread({ kind: 'warm', runs: runsPerThread }));
  const all: Runs = { wall: threads.flatMap((r) => r.wall), cpu: threads.flatMap((r) => r.cpu) };
  const c = courseCase();
  const here = timeRuns(runsPerThread, () => void c.run());
  const parts = breakdown(c.scenario, o.repeats);
  const perThread = threads.map((r) => spread(r.wall).median.toFixed(0)).join(', ');
  log(`course ${spread(all.wall).median.toFixed(0)} ms (${parts.steps} steps; fresh threads ${perThread} ms, this thread ${spread(here.wall).median.toFixed(0)} ms)`);
  return {
    key: 'courseMs',
    label: '240-day, 5-session course, 160² (runSinglePatient), warm, in fresh threads',
    unit: 'ms',
    value: spread(all.wall),
    goal: '≤ 300 ms',
    note: `${parts.steps} integrator steps; ${cpuNote(all)}; medians of the ${o.repeats} threads ${perThread} ms, in the bench's own thread ${spread(here.wall).median.toFixed(0)} ms; ${parts.note} (this thread)`,
  };
}

/** `yearAt256Ms`: one year with 5 sessions at 256², next to an untreated year (same grid, sampled daily). */
export function yearFigure(o: EngineBenchOptions): Figure {
  const c = yearAt256Case();
  const runs: Runs = { wall: [], cpu: [] };
  const untreated: Runs = { wall: [], cpu: [] };
  c.run();
  for (let r = 0; r < Math.max(1, o.repeats - 1); r++) {
    addRun(runs, () => void c.run());
    addRun(untreated, c.untreatedYear);
  }
  const parts = breakdown(c.scenario, 1);
  log(`year at 256² ${spread(runs.wall).median.toFixed(0)} ms (${parts.steps} steps), untreated ${spread(untreated.wall).median.toFixed(0)} ms`);
  return {
    key: 'yearAt256Ms',
    label: 'one year, 5 sessions, 256²',
    unit: 'ms',
    value: spread(runs.wall),
    baseline: { label: 'an untreated year, 256², sampled daily', unit: 'ms', value: spread(untreated.wall) },
    goal: '≤ 1500 ms',
    note: `${parts.steps} integrator steps; ${cpuNote(runs)}; ${parts.note}`,
  };
}

/**
 * `adaptiveVsFixed` and `adaptiveMaxDelta`: the course with production stepping against the same
 * course stepped by 1 hour throughout (`fixedStepHours: 1`, the reference), timed alternately; Δ over
 * every series and sampled day.
 */
export function adaptiveFigures(o: EngineBenchOptions): Figure[] {
  const c = fixedVsAdaptiveCase();
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const adaptiveRuns: Runs = { wall: [], cpu: [] };
  const fixedRuns: Runs = { wall: [], cpu: [] };
  let worst = { value: 0, series: '', day: 0 };
  const pairs = o.quick ? 1 : 2;
  let adaptive = c.adaptive();
  for (let r = 0; r < pairs; r++) {
    addRun(adaptiveRuns, () => {
      adaptive = c.adaptive();
    });
    let fixed = adaptive;
    addRun(fixedRuns, () => {
      fixed = c.fixed();
    });
    ratios.push(fixedRuns.wall[r]! / adaptiveRuns.wall[r]!);
    cpuRatios.push(fixedRuns.cpu[r]! / adaptiveRuns.cpu[r]!);
    worst = c.maxDelta(adaptive, fixed);
  }
  log(`adaptive ×${spread(ratios).median.toFixed(1)} faster than fixed 1 h, max |Δ| ${worst.value.toExponential(2)} (${worst.series}, day ${worst.day})`);
  const baseline = { label: 'the same course with fixed 1-h steps (5760 steps)', unit: 'ms', value: spread(fixedRuns.wall) };
  return [
    {
      key: 'adaptiveVsFixed',
      label: 'production stepping vs fixed 1-h steps (same course, 160²)',
      unit: '×',
      value: spread(ratios),
      baseline,
      goal: '≥ 20×',
      note: `CPU-time ratio ×${spread(cpuRatios).median.toFixed(1)}; production ${spread(adaptiveRuns.wall).median.toFixed(0)} ms`,
    },
    {
      key: 'adaptiveMaxDelta',
      label: 'largest |production − fixed 1 h| over every series and day',
      unit: '',
      value: spread([worst.value]),
      goal: '≤ 0.005',
      note: `at ${worst.series}, day ${worst.day}`,
    },
  ];
}

/**
 * `integratorVsEuler`: the engine's stepping against explicit Euler of the same equations and the
 * same diffusion, over the 28 days after a reference session. The Euler step is chosen by accuracy,
 * not stability: the largest step whose patch means stay within 0.005 of the 1-h exponential
 * reference on every output and every day, the tolerance the production stepping is held to
 * (`adaptiveMaxDelta`). Found on a 48² patch (the time step, not the grid, sets this error).
 */
export function eulerFigure(o: EngineBenchOptions): Figure {
  const days = 28;
  const candidatesHours = [12, 8, 6, 4, 3, 2, 1.5, 1, 0.5, 0.25, 0.125, 0.0625];
  const probe = injuredPatch(48);
  const means = (f: SkinFields): SeriesValues => patchMeans(f, probe.sim.params);
  const reference: SeriesValues[] = [];
  {
    const f = copyFields(probe.sim.fields);
    const exact = new Dynamics(probe.sim.grid, probe.constants, 'float32');
    exact.wake();
    for (let d = 1; d <= days; d++) {
      for (let h = 0; h < 24; h++) exact.step(f, HOUR);
      reference.push(means(f));
    }
  }
  let chosenHours = Number.NaN;
  let chosenError = { value: Number.NaN, series: '' };
  for (const dtHours of candidatesHours) {
    const f = copyFields(probe.sim.fields);
    const euler = new EulerEngine(probe.sim.grid, probe.constants);
    let worst = { value: 0, series: '' };
    for (let d = 1; d <= days && worst.value <= 0.005; d++) {
      euler.run(f, 1, dtHours / 24);
      const m = means(f);
      for (const name of SERIES) {
        const e = Math.abs(m[name] - reference[d - 1]![name]);
        if (!(e <= worst.value)) worst = { value: Number.isFinite(e) ? e : Number.POSITIVE_INFINITY, series: name };
      }
    }
    if (worst.value <= 0.005) {
      chosenHours = dtHours;
      chosenError = worst;
      break;
    }
  }
  if (!Number.isFinite(chosenHours)) {
    log('Euler met the accuracy criterion at no candidate step: are bench/euler.ts and the engine the same equations?');
    return { key: 'integratorVsEuler', label: 'engine vs explicit Euler', unit: '×', value: spread([]), note: 'Euler never met the criterion' };
  }
  // Both timed at 160² from the same injured state over the same simulated days.
  const big = injuredPatch(160);
  const timedDays = o.quick ? 7 : days;
  const engineTimes: number[] = [];
  const eulerTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < Math.max(1, o.repeats - 1); r++) {
    const { sim } = injuredPatch(160);
    const tEngine = timeMs(() => sim.advanceTo(sim.hour + timedDays * 24));
    const f = copyFields(big.sim.fields);
    const euler = new EulerEngine(big.sim.grid, big.constants);
    const tEuler = timeMs(() => euler.run(f, timedDays, chosenHours / 24));
    engineTimes.push(tEngine / timedDays);
    eulerTimes.push(tEuler / timedDays);
    ratios.push(tEuler / tEngine);
  }
  log(`Euler at Δt ${chosenHours} h (error ${chosenError.value.toFixed(4)} on ${chosenError.series}): engine ×${spread(ratios).median.toFixed(1)} faster`);
  return {
    key: 'integratorVsEuler',
    label: `speed-up of the engine’s stepping over explicit Euler, ${timedDays} days after a session, 160²`,
    unit: '×',
    value: spread(ratios),
    baseline: {
      label: `explicit Euler at Δt = ${chosenHours} h, the largest step within 0.005 of the 1-h reference on every output (worst ${chosenError.value.toFixed(4)}, ${chosenError.series}), same diffusion`,
      unit: 'ms / simulated day',
      value: spread(eulerTimes),
    },
    note: `engine ${spread(engineTimes).median.toFixed(1)} ms / simulated day`,
  };
}
