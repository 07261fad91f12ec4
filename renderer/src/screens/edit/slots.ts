import type { AddPreset, AddSetData, AddSetDataReply } from '../../../../shared/bridge/edit';
import type { BrowserSort } from '../../../../shared/bridge/edit';

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

export const slots: { add: AddScreenHandle | null; browser: BrowserHandle | null } = { add: null, browser: null };

/** Notes added from the Add screen during this session, newest first (Anki's History button). */
export const addHistory: { id: number; text: string }[] = [];

/** The last note type and deck the user added with, so the next Add screen starts there. */
export const lastAddChoice: { notetypeId: number | null; deckId: number | null } = { notetypeId: null, deckId: null };
