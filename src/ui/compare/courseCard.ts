import {
  type Condition,
  MAX_DAYS,
  MAX_PASSES,
  MAX_PATIENTS,
  MAX_SESSIONS,
  type ModelWarning,
  NEEDLE_MM_MAX,
  NEEDLE_MM_MIN,
  ProtocolSchema,
  REGIONS,
  type Scenario,
  scenarioSessions,
} from '../../engine/index';
import { formFromScenario, scenarioFromForm, type CourseForm, type CourseFormErrors, type CourseFormField } from '../../compare/courseForm';
import { courseWarnings } from '../../compare/courseWarnings';
import { courseStyle } from '../palette';
import { conditionChecks } from './conditionChecks';
import { showFieldErrors } from './fieldErrors';
import { courseKey, courseName } from '../../compare/workspace';
import { PHOTOTYPE_LABELS, REGION_LABELS } from '../labels';
import type { RunState } from './compareModel';
import { el, lineSample, nextId } from '../dom';

export interface CourseCardEvents {
  change(index: number, course: Scenario): void;
  remove(index: number): void;
  cancel(index: number): void;
}

/**
 * One course in the Compare view: a fieldset named after the course, with the controls of the public
 * contract ("Needle length (mm)", "Passes", "Interval (days)", "Sessions", "Cohort size"), its colour
 * and dash, warnings, and a progress bar with Cancel. An edit that does not validate stays in its
 * input, marked invalid with the schema's message next to it; nothing runs until it is valid.
 */
export class CourseCard {
  readonly root: HTMLFieldSetElement;
  /** Key of the scenario the controls show: an outside change (import, link) re-renders, an own edit does not. */
  shownKey = '';
  private index: number;
  private readonly legendName = el('span', { className: 'course-name' });
  private readonly swatch = el('span', { className: 'course-swatch' });
  private readonly inputs = new Map<CourseFormField, HTMLInputElement | HTMLSelectElement>();
  private readonly errors = new Map<CourseFormField | 'course', HTMLElement>();
  private readonly conditionBoxes = new Map<Condition, HTMLInputElement>();
  private readonly regularBox = el('div', { className: 'course-regular' });
  private readonly explicitBox = el('div', { className: 'course-explicit' });
  private readonly warnings = el('ul', { className: 'warning-list course-warnings' });
  private readonly progress = el('progress', { attrs: { max: '1', value: '0' } });
  private readonly status = el('span', { className: 'course-status' });
  private readonly cancelButton = el('button', { text: 'Cancel', className: 'secondary small', attrs: { type: 'button' } });
  private course: Scenario;
  /** What the warning list was last built from. */
  private warningsShown: { course: Scenario; runWarnings: readonly ModelWarning[] | null } | null = null;

  constructor(index: number, course: Scenario, private readonly events: CourseCardEvents) {
    this.index = index;
    this.course = course;
    this.root = el('fieldset', { className: 'course-card' });
    const legend = el('legend', {}, [this.swatch, this.legendName]);
    this.root.append(legend);
    this.build();
    this.show(index, course);
  }

  private field(name: CourseFormField, label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string, className = ''): HTMLElement {
    const id = nextId(`course-${name}`);
    input.id = id;
    const error = el('p', { className: 'inline-warning', attrs: { id: `${id}-error` } });
    error.hidden = true;
    this.errors.set(name, error);
    this.inputs.set(name, input);
    input.addEventListener('change', () => this.commit());
    const children: (Node | string)[] = [el('label', { text: label, attrs: { for: id } }), input];
    if (hint) children.push(el('span', { className: 'hint', text: hint }));
    children.push(error);
    return el('div', { className: className ? `field ${className}` : 'field' }, children);
  }

  private number(min: number, max: number, step: number): HTMLInputElement {
    return el('input', { attrs: { type: 'number', min: String(min), max: String(max), step: String(step), inputmode: 'decimal' } });
  }

  private build(): void {
    const name = el('input', { attrs: { type: 'text', maxlength: '200', autocomplete: 'off' } });
    const mode = el('select');
    mode.append(new Option('Every few days (regular)', 'regular'), new Option('On listed days', 'explicit'));
    const region = el('select');
    for (const r of REGIONS) region.append(new Option(REGION_LABELS[r], r));
    const phototype = el('select');
    PHOTOTYPE_LABELS.forEach((label, k) => phototype.append(new Option(label, String(k + 1))));
    // The interval's range has no constant of its own: the protocol schema holds it.
    const interval = ProtocolSchema.shape.intervalDays;
    this.regularBox.append(
      this.field('intervalDays', 'Interval (days)', this.number(interval.minValue!, interval.maxValue!, 0.25)),
      this.field('sessions', 'Sessions', this.number(1, MAX_SESSIONS, 1)),
      this.field('startDay', 'Start day', this.number(0, MAX_DAYS, 1)),
    );
    this.explicitBox.append(this.field('sessionDays', 'Session days', el('input', { attrs: { type: 'text', autocomplete: 'off' } }), 'e.g. 0, 14, 42'));
    const conditions = conditionChecks(() => this.commit());
    for (const [c, box] of conditions.boxes) this.conditionBoxes.set(c, box);
    const cohortToggle = el('input', { attrs: { type: 'checkbox' } });
    cohortToggle.addEventListener('change', () => {
      const size = this.inputs.get('cohortPatients') as HTMLInputElement;
      size.disabled = !cohortToggle.checked;
      if (cohortToggle.checked && !(Number(size.value) > 0)) size.value = '30';
      this.commit();
    });
    this.cohortToggle = cohortToggle;
    const remove = el('button', { text: 'Remove course', className: 'secondary small', attrs: { type: 'button' } });
    remove.addEventListener('click', () => this.events.remove(this.index));
    this.cancelButton.addEventListener('click', () => this.events.cancel(this.index));
    const generalError = el('p', { className: 'inline-warning' });
    generalError.hidden = true;
    this.errors.set('course', generalError);
    this.root.append(
      this.field('name', 'Course name', name),
      el('div', { className: 'course-grid' }, [
        this.field('needleMm', 'Needle length (mm)', this.number(NEEDLE_MM_MIN, NEEDLE_MM_MAX, 0.25)),
        this.field('passes', 'Passes', this.number(1, MAX_PASSES, 1)),
        this.field('mode', 'Schedule', mode, undefined, 'wide'),
      ]),
      this.regularBox,
      this.explicitBox,
      el('div', { className: 'course-grid' }, [
        // Option texts such as "Body (stretch marks)" and "III — medium, sometimes burns" need the whole card width.
        this.field('region', 'Region', region, undefined, 'wide'),
        this.field('phototype', 'Phototype', phototype, undefined, 'wide'),
        this.field('days', 'Duration (days)', this.number(1, MAX_DAYS, 1)),
      ]),
      conditions.root,
      el('div', { className: 'course-cohort' }, [
        el('label', { className: 'check' }, [cohortToggle, ' Virtual cohort']),
        this.field('cohortPatients', 'Cohort size', this.number(1, MAX_PATIENTS, 1)),
      ]),
      generalError,
      this.warnings,
      el('div', { className: 'course-run' }, [this.progress, this.status, this.cancelButton]),
      remove,
    );
  }

  private cohortToggle!: HTMLInputElement;

  /** Shows a course at a position (colour and dash follow the position). */
  show(index: number, course: Scenario): void {
    this.index = index;
    this.course = course;
    this.shownKey = courseKey(course);
    const style = courseStyle(index);
    const name = courseName(course, index);
    this.legendName.textContent = name;
    this.swatch.replaceChildren(lineSample(style.colour, style.dash));
    this.root.style.setProperty('--course-colour', style.colour);
    this.root.setAttribute('aria-label', name);
    this.progress.setAttribute('aria-label', `Progress of ${name}`);
    const form = formFromScenario(course);
    for (const [key, input] of this.inputs) {
      const value = form[key as keyof CourseForm];
      if (key === 'cohortPatients') {
        input.value = form.cohortPatients > 0 ? String(form.cohortPatients) : '30';
        (input as HTMLInputElement).disabled = form.cohortPatients === 0;
      } else input.value = String(value);
    }
    this.cohortToggle.checked = form.cohortPatients > 0;
    for (const [c, box] of this.conditionBoxes) box.checked = form.conditions.includes(c);
    this.showMode(form.mode);
    this.showErrors({});
    if (form.mixedSessions) this.showErrors({ course: 'These sessions differ in needle or passes (from a file); editing needle or passes here makes them all the same.' });
    this.showWarnings(null);
  }

  private showMode(mode: CourseForm['mode']): void {
    this.regularBox.hidden = mode !== 'regular';
    this.explicitBox.hidden = mode !== 'explicit';
  }

  private read(): CourseForm {
    const v = (k: CourseFormField): string => this.inputs.get(k)!.value;
    const num = (k: CourseFormField): number => (v(k).trim() === '' ? Number.NaN : Number(v(k)));
    const mode = v('mode') === 'explicit' ? 'explicit' : 'regular';
    const conditions = [...this.conditionBoxes].filter(([, box]) => box.checked).map(([c]) => c);
    return {
      name: v('name'),
      seed: this.course.seed,
      region: v('region') as CourseForm['region'],
      phototype: num('phototype'),
      conditions,
      primed: this.course.skin.primed ?? false,
      needleMm: num('needleMm'),
      passes: num('passes'),
      pressure: formFromScenario(this.course).pressure,
      mode,
      intervalDays: num('intervalDays'),
      sessions: num('sessions'),
      startDay: num('startDay'),
      sessionDays: v('sessionDays'),
      days: num('days'),
      cohortPatients: this.cohortToggle.checked ? num('cohortPatients') : 0,
    };
  }

  private commit(): void {
    const form = this.read();
    this.showMode(form.mode);
    if (form.mode === 'explicit' && this.inputs.get('sessionDays')!.value.trim() === '') {
      (this.inputs.get('sessionDays') as HTMLInputElement).value = scenarioSessions(this.course).map((s) => s.day).join(', ');
      form.sessionDays = this.inputs.get('sessionDays')!.value;
    }
    const r = scenarioFromForm(form, this.course);
    if (!r.ok) {
      this.showErrors(r.errors);
      return;
    }
    this.showErrors({});
    this.course = r.scenario;
    this.shownKey = courseKey(r.scenario);
    const name = courseName(r.scenario, this.index);
    this.legendName.textContent = name;
    this.root.setAttribute('aria-label', name);
    this.events.change(this.index, r.scenario);
  }

  private showErrors(errors: CourseFormErrors): void {
    showFieldErrors<CourseFormField | 'course'>(errors, this.errors, this.inputs);
  }

  /** The engine's warnings for this course (courseWarnings: planned before a run, found after it). */
  showWarnings(runWarnings: readonly ModelWarning[] | null): void {
    const c = this.course;
    // Progress ticks re-show the run many times a second: rebuild only when course or warnings changed.
    if (this.warningsShown?.course === c && this.warningsShown.runWarnings === runWarnings) return;
    this.warningsShown = { course: c, runWarnings };
    const list = courseWarnings(c, runWarnings);
    this.warnings.replaceChildren(...list.map((w) => el('li', { text: w.message, attrs: { 'data-code': w.code, 'data-severity': w.severity ?? 'info' } })));
  }

  showRun(state: RunState | null): void {
    const running = state?.status === 'running' || state?.status === 'queued';
    this.progress.value = state?.status === 'done' ? 1 : (state?.progress ?? 0);
    this.progress.hidden = !running && state?.status !== 'done';
    this.cancelButton.disabled = !running;
    this.status.textContent =
      state === null ? 'Not run yet: press Run.' : running ? `Running… ${Math.round((state.progress ?? 0) * 100)} %` : state.status === 'done' ? 'Done.' : state.status === 'cancelled' ? 'Cancelled: press Run to run it again.' : `Failed: ${state.error ?? 'unknown error'}`;
    this.showWarnings(state?.result?.warnings ?? null);
  }
}
