import { decodeShareFragment } from '../../compare/shareLink';
import type { Workspace } from '../../compare/workspace';
import { loadPreviousWorkspace, loadWorkspace, savePreviousWorkspace, saveWorkspace, WORKSPACE_KEY, workspaceBackend } from '../storage/workspaceStorage';
import type { CompareModel } from './compareModel';

/**
 * Where a comparison lives besides the page: the browser's storage (saved 300 ms after each change,
 * restored on load and recomputed at once), the user's previous comparison (kept when a link or the
 * example replaces it) and share links in the address (on load and when only the fragment changes).
 */
export class ComparePersistence {
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The browser's storage until it fails once, then memory (the same check as the session's state). */
  private readonly storage;

  constructor(
    private readonly model: CompareModel,
    private readonly hooks: { onOpen(): void; offerRestore(): void },
  ) {
    this.storage = workspaceBackend((err) =>
      model.notify('error', 'storage', `This browser cannot save the comparison (${(err as Error).message}); it stays in memory until the tab closes.`),
    );
  }

  scheduleSave(ws: Workspace): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      // A failure is told once by the storage (then it keeps the comparison in memory); nothing else to do here.
      saveWorkspace(ws, WORKSPACE_KEY, this.storage).catch(() => undefined);
    }, 300);
  }

  /** The saved comparison, or an empty one; a share link in the address is opened after it. */
  async restore(): Promise<void> {
    const { model } = this;
    const saved = await loadWorkspace(WORKSPACE_KEY, this.storage);
    if (saved.error) model.notify('error', 'storage', saved.error);
    if (saved.workspace) model.load(saved.workspace);
    else model.workspace.set({ ...model.workspace.get() });
    // Results are not stored, only courses: a restored comparison recomputes them at once (same seeds, same
    // numbers), so a reload shows the curves without pressing Run. A share link in the address runs its own.
    if (saved.workspace && saved.workspace.courses.length > 0 && decodeShareFragment(location.hash) === null) model.run();
    await this.openShared(location.hash);
    window.addEventListener('hashchange', () => void this.openShared(location.hash));
  }

  /** Replaces the comparison (a link, the example) without losing the user's own: it is kept as "previous". */
  async replaceKeepingPrevious(next: Workspace, message: string): Promise<void> {
    const { model } = this;
    const current = model.workspace.get();
    if (current.courses.length > 0) {
      await savePreviousWorkspace(current, this.storage).catch(() => undefined);
      this.hooks.offerRestore();
    }
    model.load(next);
    model.notify('info', 'share', `${message}${current.courses.length > 0 ? '; your previous comparison is kept (Restore my previous comparison)' : ''}.`);
    model.run();
  }

  /** Brings the previous comparison back; false when there is none. */
  async restorePrevious(): Promise<boolean> {
    const { workspace } = await loadPreviousWorkspace(this.storage);
    if (!workspace) return false;
    this.model.load(workspace);
    this.model.notify('info', 'share', 'Your previous comparison is back.');
    return true;
  }

  private async openShared(hash: string): Promise<void> {
    const dec = decodeShareFragment(hash);
    if (dec === null) return;
    this.hooks.onOpen();
    if (!dec.ok) return this.model.notify('error', 'share', `This share link could not be opened: ${dec.problem}. Your comparison is unchanged.`);
    await this.replaceKeepingPrevious(dec.workspace, `Opened a shared comparison of ${dec.workspace.courses.length} course${dec.workspace.courses.length === 1 ? '' : 's'}`);
  }
}
