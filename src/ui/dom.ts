/** The one DOM kit of both views: lookups, builders, downloads, preferences (text only, never parsed as HTML). */

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

/** Builds an element (text only: nothing from a file or a link is parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

let uid = 0;
/** A fresh id for label/aria wiring. */
export function nextId(prefix: string): string {
  uid++;
  return `${prefix}-${uid}`;
}

/** Saves a blob as a file download. */
export function download(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** An inline SVG sample of a course's line: its colour and dash pattern (legends, course cards). */
export function lineSample(colour: string, dash: readonly number[], widthPx = 28): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(widthPx));
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('line-sample');
  const line = document.createElementNS(ns, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('y1', '5');
  line.setAttribute('x2', String(widthPx - 1));
  line.setAttribute('y2', '5');
  line.setAttribute('stroke', colour);
  line.setAttribute('stroke-width', '3');
  if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.map((d) => d / 2).join(' '));
  svg.append(line);
  return svg;
}
