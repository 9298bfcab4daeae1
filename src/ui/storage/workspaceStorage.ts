import { z } from 'zod';
import { WorkspaceSchema, type Workspace } from '../../compare/workspace';
import { formatIssues } from '../../engine/index';
import { idbBackend } from './idbBackend';
import type { KeyValueBackend } from './StateStorage';

/**
 * The comparison survives a reload: the workspace under a versioned key, validated on the way back in.
 * It goes through the same KeyValueBackend as the session's saved state (StateStorage), so both views
 * store by one path. A shared link replaces the current comparison only after the current one is kept
 * as "previous", so opening someone's link never loses your own work.
 */
const SavedCompareSchema = z.object({ version: z.literal(1), workspace: WorkspaceSchema }).strict();
export const WORKSPACE_KEY = 'skinsim/compare/v1';
export const PREVIOUS_WORKSPACE_KEY = 'skinsim/compare/previous/v1';

const browserStorage = idbBackend();

export async function loadWorkspace(key = WORKSPACE_KEY, backend: KeyValueBackend = browserStorage): Promise<{ workspace: Workspace | null; error: string | null }> {
  let raw: unknown;
  try {
    raw = await backend.get(key);
  } catch (err) {
    return { workspace: null, error: `The saved comparison could not be read (${(err as Error).message}).` };
  }
  if (raw === undefined) return { workspace: null, error: null };
  const r = SavedCompareSchema.safeParse(raw);
  if (!r.success) return { workspace: null, error: `The saved comparison was not restored (${formatIssues(r.error).slice(0, 2).join('; ')}).` };
  return { workspace: r.data.workspace, error: null };
}

export async function saveWorkspace(workspace: Workspace, key = WORKSPACE_KEY, backend: KeyValueBackend = browserStorage): Promise<void> {
  await backend.set(key, { version: 1, workspace });
}

export const loadPreviousWorkspace = (): ReturnType<typeof loadWorkspace> => loadWorkspace(PREVIOUS_WORKSPACE_KEY);
export const savePreviousWorkspace = (ws: Workspace): Promise<void> => saveWorkspace(ws, PREVIOUS_WORKSPACE_KEY);
