import { byId, setText } from '../dom';
import { dayLabel } from '../format';
import { speedText } from '../rateMeter';
import { SLOW_SPEED_HOURS_PER_SECOND } from '../clock';
import type { SessionViewContext } from './context';
import { HOURS_PER_DAY } from '../../engine/index';

const HOURS = { hour: 1, day: HOURS_PER_DAY, week: HOURS_PER_DAY * 7 } as const;

/** Ctrl+Z / ⌘Z outside text fields (a field keeps its own undo). */
function isUndoKey(e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return false;
  const t = e.target as HTMLElement | null;
  return !(t instanceof HTMLInputElement && (t.type === 'number' || t.type === 'text')) && !(t instanceof HTMLTextAreaElement);
}

/** Play, Pause, Step hour/day/week, Undo, the day label and the speed note. */
export function mountTimeControls({ store, engine }: SessionViewContext): void {
  const play = byId<HTMLButtonElement>('play');
  const pause = byId<HTMLButtonElement>('pause');
  const undo = byId<HTMLButtonElement>('undo');
  play.addEventListener('click', () => engine.play());
  pause.addEventListener('click', () => void engine.pause());
  byId('step-hour').addEventListener('click', () => void engine.step(HOURS.hour));
  byId('step-day').addEventListener('click', () => void engine.step(HOURS.day));
  byId('step-week').addEventListener('click', () => void engine.step(HOURS.week));
  undo.addEventListener('click', () => void engine.undo());
  document.addEventListener('keydown', (e) => {
    if (!isUndoKey(e)) return;
    e.preventDefault();
    void engine.undo();
  });

  store.playing.watch((playing) => {
    play.classList.toggle('active', playing);
    pause.classList.toggle('active', !playing);
    play.setAttribute('aria-pressed', String(playing));
  });
  store.canUndo.watch((can) => {
    undo.disabled = !can;
  });
  const day = byId('day');
  store.clockHours.watch((h) => setText(day, dayLabel(h)));
  const note = byId('speed-note');
  store.rate.watch((r) => {
    if (!store.playing.get()) return setText(note, '');
    if (r.slowed) return setText(note, `Slowed to ${speedText(SLOW_SPEED_HOURS_PER_SECOND)} during the first day after a session.`);
    if (r.behind && r.reachedHoursPerSecond !== null) {
      return setText(note, `Running at ${speedText(r.reachedHoursPerSecond)}: the engine cannot keep up with ${speedText(r.chosenHoursPerSecond)} on this machine.`);
    }
    setText(note, '');
  });
  store.playing.subscribe((p) => {
    if (!p) setText(note, '');
  });
}
