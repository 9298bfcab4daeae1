import { byId, readPref, writePref } from './dom';

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
  show(readPref(KEY) !== '1');
  close.addEventListener('click', () => {
    writePref(KEY, '1');
    show(false);
    // Focus returns to the control that reopens the guide, without scrolling the patch away (phones).
    help.focus({ preventScroll: true });
  });
  help.addEventListener('click', () => {
    const visible = guide.hidden !== false;
    show(visible);
    // Bring the guide into view: on a phone it sits below the patch, and showing it off-screen makes Help look dead.
    if (visible) {
      guide.scrollIntoView({ block: 'start', behavior: 'auto' });
      close.focus({ preventScroll: true });
    }
  });
}
