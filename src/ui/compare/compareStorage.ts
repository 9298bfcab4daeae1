import { get, set } from 'idb-keyval';
import { z } from 'zod';
import { formatIssues } from '../../engine/index';
import { WorkspaceSchema, type Workspace } from '../../compare/workspace';

/**
 * The comparison survives a reload: the workspace in IndexedDB under a versioned key, validated on the
 * way back in. A shared link replaces the current comparison only after the current one is kept as
 * "previous", so opening someone's link never loses your own work.
 */
const SavedCompareSchema = z.object({ version: z.literal(1), workspace: WorkspaceSchema }).strict();
const KEY = 'skinsim/compare/v1';
const PREVIOUS_KEY = 'skinsim/compare/previous/v1';

export async function loadWorkspace(key = KEY): Promise<{ workspace: Workspace | null; error: string | null }> {
  let raw: unknown;
  try {
    raw = await get(key);
  } catch (err) {
    return { workspace: null, error: `The saved comparison could not be read (${(err as Error).message}).` };
  }
  if (raw === undefined) return { workspace: null, error: null };
  const r = SavedCompareSchema.safeParse(raw);
  if (!r.success) return { workspace: null, error: `The saved comparison was not restored (${formatIssues(r.error).slice(0, 2).join('; ')}).` };
  return { workspace: r.data.workspace, error: null };
}

export async function saveWorkspace(workspace: Workspace, key = KEY): Promise<void> {
  await set(key, { version: 1, workspace });
}

export const loadPreviousWorkspace = (): ReturnType<typeof loadWorkspace> => loadWorkspace(PREVIOUS_KEY);
export const savePreviousWorkspace = (ws: Workspace): Promise<void> => saveWorkspace(ws, PREVIOUS_KEY);
