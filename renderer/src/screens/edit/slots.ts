import type { AddPreset, AddSetData, AddSetDataReply, BrowserSort } from '../../../../shared/bridge/edit';

/**
 * The mounted editing screens register here, so GuiCommands (gui* actions) can reach
 * them; a screen that is not mounted leaves its slot empty ("the window is not open").
 */
export interface AddScreenHandle {
  setData(data: AddSetData): AddSetDataReply;
  current(): { notetypeId: number; deckId: number } | null;
  reset(preset: AddPreset, guiRequestId: number, closeAfterAdding: boolean): void;
}

export interface BrowserHandle {
  search(query: string | null, sort: BrowserSort | null): void;
  selectCard(cardId: number): Promise<boolean>;
  selectedNotes(): Promise<number[]>;
}

interface Slots {
  add: AddScreenHandle | null;
  browser: BrowserHandle | null;
}

type SlotName = keyof Slots;

export const slots: Slots = { add: null, browser: null };

/** How long a command waits for a screen another command has just opened. */
const OPENING_GRACE_MS = 3000;
const openedAt: Record<SlotName, number> = { add: 0, browser: 0 };
const waiters: Record<SlotName, (() => void)[]> = { add: [], browser: [] };

export function registerSlot<K extends SlotName>(name: K, handle: NonNullable<Slots[K]>): () => void {
  slots[name] = handle;
  openedAt[name] = 0;
  for (const wake of waiters[name].splice(0)) wake();
  return () => {
    if (slots[name] === handle) slots[name] = null;
  };
}

/** A command is opening this screen: the next commands wait for it to be ready. */
export function expectSlot(name: SlotName): void {
  openedAt[name] = Date.now();
}

/** The screen's handle; when it is being opened, waits (briefly) until it is ready. */
export function slotSoon<K extends SlotName>(name: K): Promise<Slots[K]> {
  if (slots[name] || Date.now() - openedAt[name] > OPENING_GRACE_MS) return Promise.resolve(slots[name]);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(slots[name]), OPENING_GRACE_MS);
    waiters[name].push(() => {
      clearTimeout(timer);
      resolve(slots[name]);
    });
  });
}

/** Notes added from the Add screen during this session, newest first (Anki's History button). */
export const addHistory: { id: number; text: string }[] = [];

/** The last note type and deck the user added with, so the next Add screen starts there. */
export const lastAddChoice: { notetypeId: number | null; deckId: number | null } = { notetypeId: null, deckId: null };
