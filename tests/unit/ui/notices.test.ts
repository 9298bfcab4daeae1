import { describe, expect, it } from 'vitest';
import { clearErrorNotices, dismissNoticeIn, showNotice, type Notice } from '../../../src/ui/notices';
import { atom } from '../../../src/ui/store';

describe('notices (one type and one set of rules for both views)', () => {
  const storage: Notice = { key: 'storage', kind: 'warning', text: 'cannot save' };
  const worker: Notice = { key: 'worker', kind: 'error', text: 'stopped' };

  it('one per key: a newer notice replaces the older one on the same subject and keeps the others', () => {
    const list = atom<readonly Notice[]>([]);
    showNotice(list, storage, 'one-per-key');
    showNotice(list, worker, 'one-per-key');
    showNotice(list, { ...storage, text: 'still cannot save' }, 'one-per-key');
    expect(list.get().map((n) => `${n.key}:${n.text}`)).toEqual(['worker:stopped', 'storage:still cannot save']);
    dismissNoticeIn(list, 'worker');
    expect(list.get().map((n) => n.key)).toEqual(['storage']);
  });

  it('latest only: a new notice replaces every other (Compare never piles them up)', () => {
    const list = atom<readonly Notice[]>([]);
    showNotice(list, storage, 'latest-only');
    showNotice(list, { key: 'share-2', kind: 'info', about: 'share', text: 'copied' }, 'latest-only');
    expect(list.get()).toEqual([{ key: 'share-2', kind: 'info', about: 'share', text: 'copied' }]);
  });

  it('clearing errors keeps the rest and does not notify when there was none', () => {
    const list = atom<readonly Notice[]>([storage, worker]);
    clearErrorNotices(list);
    expect(list.get()).toEqual([storage]);
    let calls = 0;
    list.subscribe(() => calls++);
    clearErrorNotices(list);
    expect(calls).toBe(0);
  });
});
