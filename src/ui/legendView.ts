import type { Legend } from '../shading/index';

/** One gradient bar with its range text, built from the stops the shader uses. */
function rampBar(label: string | undefined, stops: Legend['stops'], unit: string): HTMLElement {
  const row = document.createElement('span');
  row.className = 'legend-row';
  const lo = stops[0]!;
  const hi = stops[stops.length - 1]!;
  const span = hi.value - lo.value || 1;
  const bar = document.createElement('span');
  bar.className = 'legend-bar';
  bar.style.background = `linear-gradient(to right, ${stops.map((s) => `${s.color} ${(((s.value - lo.value) / span) * 100).toFixed(1)}%`).join(', ')})`;
  bar.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.textContent = `${label ? `${label}: ` : ''}${lo.value}–${hi.value} ${unit}`;
  row.append(bar, text);
  return row;
}

/** Renders the legend of the current layer (colour ramps with units, marks, evidence) as text + bars. */
export function renderLegend(host: HTMLElement, legend: Legend | null): void {
  host.replaceChildren();
  if (legend === null) {
    host.textContent = 'Surface: what a mirror would show.';
    return;
  }
  const title = document.createElement('strong');
  title.textContent = legend.title;
  host.append(title, rampBar(legend.primaryLabel, legend.stops, legend.unit));
  if (legend.secondary) host.append(rampBar(legend.secondary.label, legend.secondary.stops, legend.unit));
  const note = document.createElement('span');
  note.className = 'legend-note';
  // The note first; a mark only where the note does not already state it ("visible 0.15. Erythema…" read as a fragment).
  const marks = legend.marks
    ?.filter((m) => !legend.note.includes(String(m.value)))
    .map((m) => `${m.label} above ${m.value}`)
    .join('; ');
  note.textContent = [legend.note, marks ? `${marks[0]!.toUpperCase()}${marks.slice(1)}.` : ''].filter(Boolean).join(' ');
  host.append(note);
  if (legend.evidence) {
    const tag = document.createElement('span');
    tag.className = `tag ${legend.evidence === 'data' ? 'tag-data' : 'tag-hyp'}`;
    tag.textContent = legend.evidence;
    host.append(tag);
  }
}
