/** Looks up an element by id and fails loudly (at start-up) if index.html lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`index.html has no #${id}`);
  return el as T;
}

export function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/**
 * A small preference kept in localStorage (which view was open, the guide dismissed); null when it was
 * never set or storage is blocked (private mode): the page then behaves as on a first visit.
 */
export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers a preference; when storage is blocked it is simply not remembered across reloads (nothing else depends on it). */
export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered.
  }
}

/** Sets text only when it changed (no layout work, no screen-reader chatter for equal text). */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
