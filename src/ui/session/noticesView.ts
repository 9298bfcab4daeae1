import { dismissNotice, type AppStore } from '../appStore';
import { byId } from '../dom';

/** Notices about the app itself (storage, the engine worker), visible until dismissed. */
export function mountNotices(store: AppStore): void {
  const host = byId('notices');
  store.notices.watch((notices) => {
    host.replaceChildren(
      ...notices.map((n) => {
        const box = document.createElement('div');
        box.className = `notice notice-${n.kind}`;
        box.dataset.key = n.key;
        const text = document.createElement('p');
        text.textContent = n.text;
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'secondary small';
        close.textContent = 'Dismiss';
        close.setAttribute('aria-label', 'Dismiss notice');
        close.addEventListener('click', () => dismissNotice(store, n.key));
        box.append(text, close);
        return box;
      }),
    );
  });
}
