import { CONTRAINDICATIONS, INDICATIONS, type Condition } from '../../engine/index';
import { el } from '../dom';
import { CONDITION_LABELS } from '../labels';

/** A course's conditions as two labelled groups of checkboxes (indications, contraindications), folded. */
export function conditionChecks(onChange: () => void): { root: HTMLDetailsElement; boxes: Map<Condition, HTMLInputElement> } {
  const root = el('details', { className: 'course-conditions' }, [el('summary', { text: 'Conditions' })]);
  const boxes = new Map<Condition, HTMLInputElement>();
  const groups: [string, readonly Condition[]][] = [
    ['Indications', INDICATIONS],
    ['Contraindications', CONTRAINDICATIONS],
  ];
  for (const [title, list] of groups) {
    const box = el('div', { className: 'checks', attrs: { role: 'group', 'aria-label': title } }, [el('span', { className: 'checks-title', text: title })]);
    for (const c of list) {
      const input = el('input', { attrs: { type: 'checkbox' } });
      input.addEventListener('change', onChange);
      boxes.set(c, input);
      box.append(el('label', { className: 'check' }, [input, ` ${CONDITION_LABELS[c]}`]));
    }
    root.append(box);
  }
  return { root, boxes };
}
