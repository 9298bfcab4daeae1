import { courseScenario } from '../../session/index';
import { byId, setText } from '../dom';
import { dayLabel, sessionDetails } from '../format';
import type { SessionViewContext } from './context';
import { showWarnings } from './warningsView';
import { HOURS_PER_DAY } from '../../engine/index';

/** The sessions list, the warnings, and "Repeat as a course". */
export function mountTreatmentList({ store }: SessionViewContext): void {
  const list = byId('session-list');
  store.sessions.watch((sessions) => {
    list.replaceChildren(
      ...sessions.map((s) => {
        const li = document.createElement('li');
        li.textContent = `${dayLabel(s.startHour)}: ${sessionDetails(s)}`;
        return li;
      }),
    );
  });

  const warningList = byId('warning-list');
  store.warnings.watch((w) => showWarnings(warningList, w));

  const button = byId<HTMLButtonElement>('repeat-course');
  const note = byId('course-note');
  // One day per session rolled, the one in progress included: none, nothing to repeat.
  store.sessionDays.watch((days) => {
    button.disabled = days.length === 0;
  });
  let id = 0;
  button.addEventListener('click', () => {
    const settings = store.settings.get();
    const snap = store.snapshot.get();
    const sessions = snap ? [...snap.sessions, ...(snap.current ? [snap.current] : [])] : [];
    const scenario = courseScenario({ seed: settings.seed, skin: settings.skin }, sessions, store.clockHours.get(), `Session view, seed ${settings.seed}`);
    if (scenario === null) return setText(note, 'Roll a session first: there is nothing to repeat yet.');
    store.courseRequests.set({ id: ++id, scenario });
    const days = sessions.map((s) => (s.startHour / HOURS_PER_DAY).toFixed(0)).join(', ');
    setText(note, `Course ready for Compare: ${sessions.length} session${sessions.length > 1 ? 's' : ''} on day${sessions.length > 1 ? 's' : ''} ${days}, read out on day ${scenario.days}.`);
  });
}
