import type { BridgeHub } from './hub';

/**
 * What gui* actions call. It drives the renderer through the bridge hub; with no
 * window attached, each operation answers as the add-on does without its window.
 */
export class GuiController {
  private readonly exitListeners = new Set<() => void>();

  constructor(readonly hub: BridgeHub) {}

  /** The entry point decides what "exit" means (Electron quits the app; serve stops the process). */
  onExit(listener: () => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  requestExit(): void {
    for (const listener of this.exitListeners) listener();
  }

  get windowAttached(): boolean {
    return this.hub.attached;
  }

  /** Shows the permission prompt; null when no window can ask. */
  async askPermission(origin: string): Promise<'allow' | 'deny' | 'ignore' | null> {
    if (!this.hub.attached) return null;
    const answer = await this.hub.command('permission.ask', { origin }, 5 * 60_000);
    return answer === 'allow' || answer === 'ignore' ? answer : 'deny';
  }
}
