import { z } from 'zod';
import { WorkspaceSchema, type Workspace } from '../../compare/workspace';
import { formatIssues } from '../../engine/index';
import { FallbackBackend } from './backends';
import { idbBackend } from './idbBackend';
import type { KeyValueBackend } from './backends';

/**
 * The comparison survives a reload: the workspace under a versioned key, validated on the way back in.
 * It goes through the same KeyValueBackend as the session's saved state (StateStorage), so both views
 * store by one path. A shared link replaces the current comparison only after the current one is kept
 * as "previous", so opening someone's link never loses your own work.
 */
const SavedCompareSchema = z.object({ version: z.literal(1), workspace: WorkspaceSchema }).strict();
export const WORKSPACE_KEY = 'skinsim/compare/v1';
export const PREVIOUS_WORKSPACE_KEY = 'skinsim/compare/previous/v1';

/**
 * The comparison's storage: the browser's, with the storage check the session's state has
 * (FallbackBackend: memory once it fails, `onFallback` told once).
 */
export function workspaceBackend(onFallback: (err: unknown) => void): FallbackBackend {
  return new FallbackBackend(idbBackend(), onFallback);
}

export async function loadWorkspace(key: string, backend: KeyValueBackend): Promise<{ workspace: Workspace | null; error: string | null }> {
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

export async function saveWorkspace(workspace: Workspace, key: string, backend: KeyValueBackend): Promise<void> {
  await backend.set(key, { version: 1, workspace });
}

export const loadPreviousWorkspace = (backend: KeyValueBackend): ReturnType<typeof loadWorkspace> => loadWorkspace(PREVIOUS_WORKSPACE_KEY, backend);
export const savePreviousWorkspace = (ws: Workspace, backend: KeyValueBackend): Promise<void> => saveWorkspace(ws, PREVIOUS_WORKSPACE_KEY, backend);
