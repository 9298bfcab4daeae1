import type { ModelWarning } from '../../engine/index';

/**
 * THE place where model warnings are displayed (issue 7: the app shows every warning the engine
 * gives). It takes the engine's ModelWarning objects as they are; the list comes from the session
 * (src/session/InteractiveSession.ts, which keeps what the engine's warnings module, src/engine/warnings.ts,
 * raised, in the order it raised them).
 */
export function showWarnings(host: HTMLElement, warnings: readonly ModelWarning[]): void {
  const items = warnings.map((w) => {
    const li = document.createElement('li');
    li.dataset.code = w.code;
    li.className = `warning warning-${w.severity ?? 'warning'}`;
    const when = w.day !== undefined ? `Day ${Math.floor(w.day)}: ` : '';
    li.textContent = `${when}${w.message}`;
    return li;
  });
  host.replaceChildren(...items);
}
