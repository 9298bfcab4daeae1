import type { AppStore } from './appStore';
import { byId } from './dom';

/** The polite live region: session results, notices and important events, one line each (kept short). */
export function mountAnnouncer(store: AppStore): void {
  const region = byId('announcer');
  store.announce.subscribe((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    region.appendChild(p);
    while (region.childElementCount > 20) region.firstElementChild?.remove();
  });
}
