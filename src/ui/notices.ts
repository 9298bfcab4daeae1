import { el } from './dom';
import type { Atom } from './store';

/**
 * The one notice of both views: a message about the app itself (storage, the engine worker, an import,
 * a share link), shown until dismissed or replaced. The session view keeps one per subject (`key`);
 * Compare shows one at a time (issue 19). Both draw it with `noticeElement`.
 */
export type NoticeKind = 'info' | 'warning' | 'error';

/** Compare's subjects: the control a notice is about (its `data-about`, where tests and styles find it). */
export type NoticeSubject = 'import' | 'share' | 'run' | 'course' | 'dose-map' | 'storage';

export interface Notice {
  /** Stable per subject: a newer notice with the same key replaces the older one. */
  readonly key: string;
  readonly kind: NoticeKind;
  readonly text: string;
  /** The control it is about, when it belongs next to one. */
  readonly about?: NoticeSubject;
}

/** How a list takes a new notice: beside the others (one per key), or instead of all of them. */
export type NoticePolicy = 'one-per-key' | 'latest-only';

export function showNotice(list: Atom<readonly Notice[]>, notice: Notice, policy: NoticePolicy): void {
  list.update((old) => (policy === 'latest-only' ? [notice] : [...old.filter((n) => n.key !== notice.key), notice]));
}

export function dismissNoticeIn(list: Atom<readonly Notice[]>, key: string): void {
  list.update((old) => old.filter((n) => n.key !== key));
}

/** A successful action makes an earlier error stale ("Nothing to export yet" after a Run): it goes. */
export function clearErrorNotices(list: Atom<readonly Notice[]>): void {
  const old = list.get();
  const kept = old.filter((n) => n.kind !== 'error');
  if (kept.length !== old.length) list.set(kept);
}

/**
 * One notice, drawn the same way in both views; `dismissLabel` is the button's accessible name when it
 * differs from its text (the session view's "Dismiss notice"; Compare's button is named by its text).
 */
function noticeElement(notice: Notice, onDismiss: () => void, dismissLabel?: string): HTMLElement {
  const close = el('button', { text: 'Dismiss', className: 'secondary small', attrs: { type: 'button' } });
  if (dismissLabel !== undefined) close.setAttribute('aria-label', dismissLabel);
  close.addEventListener('click', onDismiss);
  const attrs: Record<string, string> = { 'data-key': notice.key };
  if (notice.about !== undefined) attrs['data-about'] = notice.about;
  return el('div', { className: `notice notice-${notice.kind}`, attrs }, [el('p', { text: notice.text }), close]);
}

/** Keeps `host` showing `list` (the host's own role and live-region attributes stay as index.html or the view set them). */
export function mountNoticeList(host: HTMLElement, list: Atom<readonly Notice[]>, onDismiss: (key: string) => void, dismissLabel?: string): void {
  list.watch((notices) => host.replaceChildren(...notices.map((n) => noticeElement(n, () => onDismiss(n.key), dismissLabel))));
}
