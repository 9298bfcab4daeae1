import type { Scenario } from '../../engine/index';
import { importCourses } from '../../compare/jsonTransfer';
import type { ShownRun } from '../../compare/shownRun';
import { courseKey, MAX_COURSES, parseWorkspace, type TimeUnit, type Workspace } from '../../compare/workspace';
import { clearErrorNotices, dismissNoticeIn, showNotice, type Notice, type NoticeKind, type NoticeSubject } from '../notices';
import { atom, type Atom } from '../store';

/**
 * The Compare view's model: the workspace (courses in the scenario format), the state of each course's
 * run, and the actions the controls call. No DOM: views subscribe to the atoms. Runs are keyed by the
 * course's content, so editing one course re-runs only that one, and two equal courses share a run.
 */
export type RunStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface RunState {
  readonly status: RunStatus;
  /** 0–1 while running. */
  readonly progress: number;
  /** The finished run; while 'running', the quick run at the cohort grid once it is there (issue 17). */
  readonly result: ShownRun | null;
  readonly error: string | null;
}

/** What runs courses off the main thread (the worker pool). */
export interface CourseRunner {
  /** `onPreview`, when given, receives a quick run at a coarser grid before the run itself ends. */
  run(scenario: Scenario, options: { onProgress: (fraction: number) => void; signal: AbortSignal; onPreview?: (run: ShownRun) => void }): Promise<ShownRun>;
}

export class CompareModel {
  readonly workspace: Atom<Workspace>;
  readonly runs: Atom<ReadonlyMap<string, RunState>> = atom(new Map());
  readonly notices: Atom<readonly Notice[]> = atom([]);
  private readonly controllers = new Map<string, AbortController>();
  private noticeCount = 0;

  constructor(
    private readonly runner: CourseRunner,
    initial: Workspace,
  ) {
    this.workspace = atom(initial);
  }

  /** The run state of course `index` (by content), if it was ever started. */
  runOf(index: number): RunState | null {
    const course = this.workspace.get().courses[index];
    return course ? (this.runs.get().get(courseKey(course)) ?? null) : null;
  }

  addCourse(course: Scenario): boolean {
    const ws = this.workspace.get();
    if (ws.courses.length >= MAX_COURSES) {
      this.notify('error', 'course', `A comparison holds at most ${MAX_COURSES} courses: remove one first.`);
      return false;
    }
    this.workspace.set({ ...ws, courses: [...ws.courses, course] });
    this.clearErrors();
    return true;
  }

  removeCourse(index: number): void {
    const ws = this.workspace.get();
    const course = ws.courses[index];
    if (!course) return;
    const courses = ws.courses.filter((_, k) => k !== index);
    this.workspace.set({ ...ws, courses });
    const key = courseKey(course);
    if (!courses.some((c) => courseKey(c) === key)) this.cancelKey(key);
  }

  replaceCourse(index: number, course: Scenario): void {
    const ws = this.workspace.get();
    const old = ws.courses[index];
    if (!old) return;
    const courses = ws.courses.map((c, k) => (k === index ? course : c));
    this.workspace.set({ ...ws, courses });
    const oldKey = courseKey(old);
    const wasRun = this.runs.get().has(oldKey);
    if (!courses.some((c) => courseKey(c) === oldKey)) this.cancelKey(oldKey);
    // A course that was run answers its edits at once (issue 17): no Run press between edits.
    if (wasRun) this.runCourse(course);
  }

  setReadoutDay(day: number | null): void {
    this.workspace.set({ ...this.workspace.get(), readoutDay: day });
  }

  setTimeUnit(unit: TimeUnit): void {
    this.workspace.set({ ...this.workspace.get(), timeUnit: unit });
  }

  setDoseMap(settings: Workspace['doseMap']): void {
    this.workspace.set({ ...this.workspace.get(), doseMap: settings });
  }

  /** Replaces the whole workspace (a share link, a restored state); validates it first. */
  load(value: unknown): void {
    this.workspace.set(parseWorkspace(value));
  }

  /** Runs every course that has no result yet (or whose run failed or was cancelled). Never blocks: returns at once. */
  run(): void {
    this.clearErrors();
    for (const course of this.workspace.get().courses) this.runCourse(course);
  }

  /** Starts a course unless its result is there or on its way. */
  private runCourse(course: Scenario): void {
    const key = courseKey(course);
    const state = this.runs.get().get(key);
    if (state && (state.status === 'done' || state.status === 'running' || state.status === 'queued')) return;
    this.start(key, course);
  }

  /** Cancels the run of course `index`. */
  cancel(index: number): void {
    const course = this.workspace.get().courses[index];
    if (course) this.cancelKey(courseKey(course));
  }

  /** Import: an exported comparison replaces the courses, a single scenario is added; a bad file changes nothing. */
  importText(text: string): boolean {
    const r = importCourses(text, this.workspace.get());
    if (!r.ok) {
      const indexed = r.problems.some((p) => p.startsWith('['));
      this.notify(
        'error',
        'import',
        `Import failed, nothing was changed: ${r.problems.slice(0, 4).join('; ')}${r.problems.length > 4 ? ` (and ${r.problems.length - 4} more)` : ''}${indexed ? ' ([0] is the first course in the file)' : ''}`,
      );
      return false;
    }
    this.workspace.set({ ...this.workspace.get(), courses: r.courses });
    this.notify('info', 'import', r.mode === 'add' ? 'Imported one course.' : `Imported ${r.courses.length} course${r.courses.length === 1 ? '' : 's'}.`);
    return true;
  }

  /** One message at a time (issue 19): a new one replaces the last, so they never pile up above the courses. */
  notify(kind: Extract<NoticeKind, 'info' | 'error'>, about: NoticeSubject, text: string): void {
    showNotice(this.notices, { key: `${about}-${++this.noticeCount}`, kind, about, text }, 'latest-only');
  }

  /** A successful action makes an earlier error stale ("Nothing to export yet" after a Run): it goes. */
  clearErrors(): void {
    clearErrorNotices(this.notices);
  }

  dismiss(key: string): void {
    dismissNoticeIn(this.notices, key);
  }

  private setRun(key: string, state: RunState): void {
    const next = new Map(this.runs.get());
    next.set(key, state);
    this.runs.set(next);
  }

  private start(key: string, course: Scenario): void {
    const controller = new AbortController();
    this.controllers.get(key)?.abort();
    this.controllers.set(key, controller);
    this.setRun(key, { status: 'running', progress: 0, result: null, error: null });
    let lastShown = 0;
    let preview: ShownRun | null = null;
    const onProgress = (fraction: number): void => {
      // Progress bars move in steps of 2 %: enough to see, few enough re-renders.
      if (controller.signal.aborted || fraction - lastShown < 0.02) return;
      lastShown = fraction;
      this.setRun(key, { status: 'running', progress: fraction, result: preview, error: null });
    };
    const onPreview = (run: ShownRun): void => {
      if (this.controllers.get(key) !== controller) return;
      preview = run;
      this.setRun(key, { status: 'running', progress: lastShown, result: run, error: null });
    };
    this.runner
      .run(course, { onProgress, signal: controller.signal, onPreview })
      .then((result) => {
        if (this.controllers.get(key) !== controller) return;
        this.controllers.delete(key);
        this.setRun(key, { status: 'done', progress: 1, result, error: null });
      })
      .catch((err: unknown) => {
        if (this.controllers.get(key) !== controller) return;
        this.controllers.delete(key);
        const cancelled = controller.signal.aborted;
        this.setRun(key, { status: cancelled ? 'cancelled' : 'error', progress: 0, result: null, error: cancelled ? null : (err as Error).message });
        if (!cancelled) this.notify('error', 'run', `A course could not be run: ${(err as Error).message}`);
      });
  }

  private cancelKey(key: string): void {
    const controller = this.controllers.get(key);
    if (!controller) return;
    controller.abort();
    this.controllers.delete(key);
    this.setRun(key, { status: 'cancelled', progress: 0, result: null, error: null });
  }
}
