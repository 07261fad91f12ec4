import type { Collection } from '../../../engine/collection';
import { EngineError } from '../../../engine/errors';
import { noteIdsOfCards, selectByIds } from '../../../engine/cards/query';
import { setCardFlag, suspendCards, unsuspendCards } from '../../../engine/cards/suspend';
import { moveCardsToDeck } from '../../../engine/decks/move-cards';
import { deleteNotes } from '../../../engine/notes';
import { addTagsToNotes, removeTagsFromNotes } from '../../../engine/tags/bulk';
import { forgetCards } from '../../../engine/scheduler/forget';
import { repositionNewCards } from '../../../engine/scheduler/reposition';
import type { BrowserSelection, RepositionOptions } from '../../../../shared/bridge/edit';

function cleanIds(ids: readonly unknown[]): number[] {
  return ids.filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id));
}

/** The notes of a selection (a card selection names its cards' notes). */
export function selectedNoteIds(col: Collection, selection: BrowserSelection): number[] {
  const ids = cleanIds(selection.ids);
  return selection.mode === 'notes' ? [...new Set(ids)] : noteIdsOfCards(col, ids);
}

/** The cards of a selection (a note selection names all its notes' cards). */
export function selectedCardIds(col: Collection, selection: BrowserSelection): number[] {
  const ids = cleanIds(selection.ids);
  if (selection.mode === 'cards') return [...new Set(ids)];
  return selectByIds<{ id: number }>(col, 'SELECT id FROM cards WHERE nid IN', ids).map((r) => r.id);
}

export function changeDeck(col: Collection, selection: BrowserSelection, deckId: number): number {
  return moveCardsToDeck(col, selectedCardIds(col, selection), deckId);
}

export function changeTags(col: Collection, selection: BrowserSelection, tags: string, remove: boolean): number {
  const notes = selectedNoteIds(col, selection);
  return remove ? removeTagsFromNotes(col, notes, tags) : addTagsToNotes(col, notes, tags);
}

export function setSuspended(col: Collection, selection: BrowserSelection, suspend: boolean): number {
  const cards = selectedCardIds(col, selection);
  return suspend ? suspendCards(col, cards) : unsuspendCards(col, cards);
}

export function setFlag(col: Collection, selection: BrowserSelection, flag: number): number {
  if (selection.mode === 'notes') throw new EngineError('invalid', 'flags belong to cards: switch to cards mode to flag');
  return setCardFlag(col, selectedCardIds(col, selection), flag);
}

export function deleteSelected(col: Collection, selection: BrowserSelection): number {
  return deleteNotes(col, selectedNoteIds(col, selection));
}

export function reposition(col: Collection, selection: BrowserSelection, options: RepositionOptions): number {
  const start = Math.trunc(Number(options.start));
  const step = Math.trunc(Number(options.step));
  if (!Number.isFinite(start) || start < 0) throw new EngineError('invalid', 'the start position must be 0 or more');
  if (!Number.isFinite(step) || step < 1) throw new EngineError('invalid', 'the step must be 1 or more');
  return repositionNewCards(col, selectedCardIds(col, selection), { start, step, randomize: Boolean(options.randomize), shift: Boolean(options.shift) });
}

export function forget(col: Collection, selection: BrowserSelection, restorePosition: boolean, resetCounts: boolean): number {
  return forgetCards(col, selectedCardIds(col, selection), { restorePosition, resetCounts });
}
