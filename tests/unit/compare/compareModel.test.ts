import { describe, expect, it } from 'vitest';
import { newCourse } from '../../../src/compare/courseForm';
import { workspaceToJson } from '../../../src/compare/jsonTransfer';
import type { ShownRun } from '../../../src/compare/shownRun';
import { emptyWorkspace } from '../../../src/compare/workspace';
import type { Scenario } from '../../../src/engine/scenario';
import { CompareModel, type CourseRunner } from '../../../src/ui/compare/compareModel';

/** A runner whose runs finish only when the test says so. */
function fakeRunner() {
  const calls: { scenario: Scenario; finish(): void; fail(msg: string): void; progress(f: number): void; signal: AbortSignal }[] = [];
  const runner: CourseRunner = {
    run(scenario, { onProgress, signal }) {
      return new Promise<ShownRun>((resolve, reject) => {
        calls.push({
          scenario,
          signal,
          progress: onProgress,
          finish: () => resolve({ days: [0], value: {} as ShownRun['value'], band: null, warnings: [], incidence: null, patients: null, improvedShare: null, seed: scenario.seed }),
          fail: (msg) => reject(new Error(msg)),
        });
        signal.addEventListener('abort', () => reject(new Error('cancelled')));
      });
    },
  };
  return { runner, calls };
}

const flush = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

describe('Compare model', () => {
  it('Run returns at once and runs each course; a finished course shows its result while others run', async () => {
    const { runner, calls } = fakeRunner();
    const m = new CompareModel(runner, emptyWorkspace());
    m.addCourse(newCourse(0));
    m.addCourse({ ...newCourse(1), seed: 7 });
    m.run();
    expect(calls).toHaveLength(2);
    expect(m.runOf(0)?.status).toBe('running');
    calls[1]!.finish();
    await flush();
    expect(m.runOf(1)?.status).toBe('done');
    expect(m.runOf(0)?.status).toBe('running');
  });

  it('editing one course re-runs only that one', async () => {
    const { runner, calls } = fakeRunner();
    const m = new CompareModel(runner, emptyWorkspace());
    m.addCourse(newCourse(0));
    m.addCourse({ ...newCourse(1), seed: 7 });
    m.run();
    calls.forEach((c) => c.finish());
    await flush();
    // A course that was run answers its edit at once (issue 17): no Run press.
    m.replaceCourse(1, { ...m.workspace.get().courses[1]!, days: 300 });
    expect(m.runOf(1)?.status).toBe('running');
    expect(calls).toHaveLength(3);
    expect(calls[2]!.scenario.days).toBe(300);
    m.run();
    expect(calls).toHaveLength(3);
    expect(m.runOf(0)?.status).toBe('done');
  });

  it('a course never run waits for Run when edited; a quick preview shows while the full run goes on (issue 17)', async () => {
    const previews: ((run: ShownRun) => void)[] = [];
    const { runner, calls } = fakeRunner();
    const withPreview: CourseRunner = {
      run: (scenario, options) => {
        if (options.onPreview) previews.push(options.onPreview);
        return runner.run(scenario, options);
      },
    };
    const m = new CompareModel(withPreview, emptyWorkspace());
    m.addCourse(newCourse(0));
    m.replaceCourse(0, { ...newCourse(0), days: 200 });
    expect(calls).toHaveLength(0);
    m.run();
    expect(previews).toHaveLength(1);
    const quick: ShownRun = { days: [0, 1], value: {} as ShownRun['value'], band: null, warnings: [], incidence: null, patients: null, improvedShare: null, seed: 1 };
    previews[0]!(quick);
    expect(m.runOf(0)).toMatchObject({ status: 'running', result: quick });
    calls[0]!.progress(0.5);
    expect(m.runOf(0)).toMatchObject({ status: 'running', progress: 0.5, result: quick });
    calls[0]!.finish();
    await flush();
    expect(m.runOf(0)?.status).toBe('done');
    expect(m.runOf(0)?.result).not.toBe(quick);
  });

  it('Cancel stops a run; Run starts it again', async () => {
    const { runner, calls } = fakeRunner();
    const m = new CompareModel(runner, emptyWorkspace());
    m.addCourse(newCourse(0));
    m.run();
    calls[0]!.progress(0.5);
    expect(m.runOf(0)?.progress).toBe(0.5);
    m.cancel(0);
    expect(calls[0]!.signal.aborted).toBe(true);
    await flush();
    expect(m.runOf(0)?.status).toBe('cancelled');
    m.run();
    expect(calls).toHaveLength(2);
  });

  it('a failed run is reported and can be retried', async () => {
    const { runner, calls } = fakeRunner();
    const m = new CompareModel(runner, emptyWorkspace());
    m.addCourse(newCourse(0));
    m.run();
    calls[0]!.fail('worker crashed');
    await flush();
    expect(m.runOf(0)).toMatchObject({ status: 'error', error: 'worker crashed' });
    expect(m.notices.get().at(-1)?.text).toMatch(/worker crashed/);
  });

  it('a bad import changes nothing and says why; a good one replaces the courses', () => {
    const m = new CompareModel(fakeRunner().runner, emptyWorkspace());
    m.addCourse(newCourse(0));
    const before = m.workspace.get();
    expect(m.importText('[{"version": 1, "seed": -1}]')).toBe(false);
    expect(m.workspace.get()).toBe(before);
    expect(m.notices.get().at(-1)).toMatchObject({ kind: 'error', about: 'import', text: expect.stringMatching(/\[0\]\.seed: -1 is below the minimum.*\[0\] is the first course/) });
    const other = { ...emptyWorkspace(), courses: [newCourse(3), newCourse(4)] };
    expect(m.importText(workspaceToJson(other))).toBe(true);
    expect(m.workspace.get().courses).toEqual(other.courses);
  });

  it('holds at most six courses', () => {
    const m = new CompareModel(fakeRunner().runner, emptyWorkspace());
    for (let k = 0; k < 6; k++) expect(m.addCourse(newCourse(k))).toBe(true);
    expect(m.addCourse(newCourse(6))).toBe(false);
    expect(m.workspace.get().courses).toHaveLength(6);
  });
});
