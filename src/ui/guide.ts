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
  show(localStorage.getItem(KEY) !== '1');
  close.addEventListener('click', () => {
    localStorage.setItem(KEY, '1');
    show(false);
    help.focus();
  });
  help.addEventListener('click', () => {
    const visible = guide.hidden !== false;
    show(visible);
    if (visible) close.focus();
  });
}
