import { readPref, writePref } from './dom';

/**
 * The app's two views as ARIA tabs (WAI-ARIA Authoring Practices "Tabs" pattern): "Session" and
 * "Compare". Arrow keys move between tabs, Home/End jump; the chosen tab is remembered, and a share link
 * opens Compare. A panel's content is started the first time its tab is shown (Compare costs nothing
 * until it is opened).
 */
export type ViewId = 'session' | 'compare';
const KEY = 'skinsim/view';

export class Tabs {
  private readonly tabs: Record<ViewId, HTMLButtonElement>;
  private readonly panels: Record<ViewId, HTMLElement>;
  private readonly listeners = new Set<(view: ViewId) => void>();
  private current: ViewId = 'session';

  constructor(tabs: Record<ViewId, HTMLButtonElement>, panels: Record<ViewId, HTMLElement>) {
    this.tabs = tabs;
    this.panels = panels;
    const order: ViewId[] = ['session', 'compare'];
    for (const id of order) {
      tabs[id].addEventListener('click', () => this.select(id, true));
      tabs[id].addEventListener('keydown', (e) => {
        const k = order.indexOf(id);
        const next = e.key === 'ArrowRight' ? order[(k + 1) % 2] : e.key === 'ArrowLeft' ? order[(k + 1) % 2] : e.key === 'Home' ? order[0] : e.key === 'End' ? order[1] : null;
        if (!next) return;
        e.preventDefault();
        this.select(next, true);
        this.tabs[next].focus();
      });
    }
    this.select(readPref(KEY) === 'compare' ? 'compare' : 'session', false);
  }

  get view(): ViewId {
    return this.current;
  }

  onSelect(listener: (view: ViewId) => void): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  select(view: ViewId, remember: boolean): void {
    this.current = view;
    for (const id of ['session', 'compare'] as const) {
      const on = id === view;
      this.tabs[id].setAttribute('aria-selected', String(on));
      this.tabs[id].tabIndex = on ? 0 : -1;
      this.panels[id].hidden = !on;
    }
    if (remember) writePref(KEY, view);
    for (const l of this.listeners) l(view);
  }
}
