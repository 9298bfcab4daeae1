import { del, get, set } from 'idb-keyval';
import type { KeyValueBackend } from './backends';

/** IndexedDB through idb-keyval: structured clone, no 5 MB cap, a few hundred bytes of code. */
export function idbBackend(): KeyValueBackend {
  return {
    // idb-keyval opens the database on first use; in some private modes `indexedDB` itself throws.
    get: async (key) => get(key),
    set: async (key, value) => set(key, value),
    del: async (key) => del(key),
  };
}
