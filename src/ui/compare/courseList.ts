import type { Scenario } from '../../engine/index';
import { courseKey, type Workspace } from '../../compare/workspace';
import { el } from '../dom';
import type { CompareModel } from './compareModel';
import { CourseCard, type CourseCardEvents } from './courseCard';

/**
 * Compare's "Courses" section: one card per course of the workspace, kept in step with it (a card is
 * rebuilt only when its course changed) and with each course's run (status, progress, Cancel).
 */
export class CourseList {
  readonly root: HTMLElement;
  private readonly list = el('div', { className: 'course-list' });
  private readonly cards: CourseCard[] = [];
  private readonly events: CourseCardEvents;

  constructor(private readonly model: CompareModel) {
    this.events = {
      change: (index: number, course: Scenario) => model.replaceCourse(index, course),
      remove: (index: number) => model.removeCourse(index),
      cancel: (index: number) => model.cancel(index),
    };
    this.root = el('section', { className: 'panel compare-courses', attrs: { 'aria-labelledby': 'compare-courses-title' } }, [
      el('h2', { text: 'Courses', attrs: { id: 'compare-courses-title' } }),
      this.list,
    ]);
  }

  show(ws: Workspace): void {
    const { cards, list } = this;
    while (cards.length > ws.courses.length) cards.pop()!.root.remove();
    ws.courses.forEach((course, index) => {
      let card = cards[index];
      if (!card) {
        card = new CourseCard(index, course, this.events);
        cards.push(card);
        list.append(card.root);
      } else if (card.shownKey !== courseKey(course)) card.show(index, course);
      card.showRun(this.model.runOf(index));
    });
    if (ws.courses.length === 0) list.replaceChildren(el('p', { className: 'hint', text: 'No course yet: choose a preset and press Add course.' }));
    else list.querySelector(':scope > p')?.remove();
  }

  /** Each card's run status, after a run changed. */
  showRuns(): void {
    this.model.workspace.get().courses.forEach((_, index) => this.cards[index]?.showRun(this.model.runOf(index)));
  }
}
