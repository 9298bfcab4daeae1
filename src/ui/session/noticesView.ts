import { dismissNotice, type AppStore } from '../appStore';
import { byId } from '../dom';
import { mountNoticeList } from '../notices';

/** Notices about the app itself (storage, the engine worker), visible until dismissed. */
export function mountNotices(store: AppStore): void {
  mountNoticeList(byId('notices'), store.notices, (key) => dismissNotice(store, key), 'Dismiss notice');
}
