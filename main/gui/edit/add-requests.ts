import type { BridgeHub } from '../hub';

/**
 * guiAddCards requests waiting for the user: each resolves with the id of the note the
 * user adds from the screen it opened, or 0 (the add-on's unsaved-note id) when that
 * screen is closed or replaced first.
 */
export class AddRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, (noteId: number) => void>();

  open(): { id: number; result: Promise<number> } {
    const id = this.nextId++;
    const result = new Promise<number>((resolve) => this.waiting.set(id, resolve));
    return { id, result };
  }

  settle(id: number, noteId: number): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(noteId);
  }

  /** A newer guiAddCards replaces the screen: earlier requests get 0. */
  settleAll(noteId = 0): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, noteId);
  }

  get pending(): number {
    return this.waiting.size;
  }
}

const perHub = new WeakMap<BridgeHub, AddRequests>();

/** One registry per hub, shared by the gui* actions and the bridge handlers. */
export function addRequestsFor(hub: BridgeHub): AddRequests {
  let requests = perHub.get(hub);
  if (!requests) {
    requests = new AddRequests();
    perHub.set(hub, requests);
  }
  return requests;
}
