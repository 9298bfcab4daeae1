import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from '../../../src/compare/workspace';
import { MemoryBackend, type KeyValueBackend } from '../../../src/ui/storage/backends';
import { loadWorkspace, saveWorkspace, WORKSPACE_KEY } from '../../../src/ui/storage/workspaceStorage';

describe('workspace storage (the comparison, through the same backend as the session)', () => {
  it('reads back what it saved, and nothing when nothing was saved', async () => {
    const backend = new MemoryBackend();
    expect(await loadWorkspace(WORKSPACE_KEY, backend)).toEqual({ workspace: null, error: null });
    const ws = emptyWorkspace();
    await saveWorkspace(ws, WORKSPACE_KEY, backend);
    expect(await loadWorkspace(WORKSPACE_KEY, backend)).toEqual({ workspace: ws, error: null });
  });

  it('refuses a damaged value with a reason, and says when storage cannot be read', async () => {
    const backend = new MemoryBackend();
    await backend.set(WORKSPACE_KEY, { version: 2, workspace: {} });
    const damaged = await loadWorkspace(WORKSPACE_KEY, backend);
    expect(damaged.workspace).toBeNull();
    expect(damaged.error).toMatch(/^The saved comparison was not restored \(.*version/);
    const broken: KeyValueBackend = { get: () => Promise.reject(new Error('private mode')), set: async () => {}, del: async () => {} };
    expect((await loadWorkspace(WORKSPACE_KEY, broken)).error).toBe('The saved comparison could not be read (private mode).');
  });
});
