import { byId } from './dom';

const KEY = 'skinsim/guide-dismissed';

/** The first-time "what to try" guide: dismissible, reachable again from Help. */
export function setupGuide(): void {
  const guide = byId('guide');
  const help = byId<HTMLButtonElement>('help-button');
  const close = byId<HTMLButtonElement>('guide-close');
  const show = (visible: boolean): void => {
    guide.hidden = !visible;
    help.setAttribute('aria-expanded', String(visible));
  };
  let dismissed = false;
  try {
    dismissed = localStorage.getItem(KEY) === '1';
  } catch {
    // Storage blocked: show the guide; it simply comes back next time.
  }
  show(!dismissed);
  close.addEventListener('click', () => {
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      // Not remembered across reloads when storage is blocked; nothing else depends on it.
    }
    show(false);
    // Focus returns to the control that reopens the guide, without scrolling the patch away (phones).
    help.focus({ preventScroll: true });
  });
  help.addEventListener('click', () => {
    const visible = guide.hidden !== false;
    show(visible);
    if (visible) close.focus({ preventScroll: true });
  });
}
