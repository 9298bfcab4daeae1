import { del, get, set } from 'idb-keyval';
import { z } from 'zod';
import { formatIssues } from '../engine/bounded';
import { LogOpSchema, MAX_HOUR } from '../../workers/messages';
import { SettingsSchema, type Settings } from './settings';

/**
 * What survives a reload: the settings, the engine's operation log (replayed exactly on load) and the
 * clock. Stored in IndexedDB through idb-keyval (no 5 MB localStorage cap, structured clone, tiny),
 * validated with zod on the way back in.
 */
export const SavedStateSchema = z
  .object({
    version: z.literal(1),
    settings: SettingsSchema,
    ops: z.array(LogOpSchema),
    /** The clock when saved, hours (may be ahead of the engine by less than a step). */
    clockHours: z.number().min(0).max(MAX_HOUR),
    /** Session days marked on the chart. */
    sessionDays: z.array(z.number().min(0)).max(10_000),
  })
  .strict();
export type SavedState = z.infer<typeof SavedStateSchema>;

const KEY = 'skinsim/state/v1';

export async function loadState(): Promise<{ state: SavedState | null; error: string | null }> {
  let raw: unknown;
  try {
    raw = await get(KEY);
  } catch (err) {
    return { state: null, error: `Saved state could not be read: ${(err as Error).message}` };
  }
  if (raw === undefined) return { state: null, error: null };
  const parsed = SavedStateSchema.safeParse(raw);
  if (!parsed.success) {
    return { state: null, error: `Saved state was not restored (${formatIssues(parsed.error).slice(0, 2).join('; ')}).` };
  }
  return { state: parsed.data, error: null };
}

export async function saveState(state: SavedState): Promise<void> {
  await set(KEY, state);
}

export async function clearState(): Promise<void> {
  await del(KEY);
}

export type { Settings };
