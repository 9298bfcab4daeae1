import { byId } from './dom';

/** The polite live region: session results and important events, one line each (kept short). */
export class Announcer {
  private readonly region = byId('announcer');

  say(text: string): void {
    const p = document.createElement('p');
    p.textContent = text;
    this.region.appendChild(p);
    while (this.region.childElementCount > 20) this.region.firstElementChild?.remove();
  }
}
