import type { Collection } from '../collection';
import type { CardId, Deck, DeckId, NoteId } from '../model/types';
import { deckAndChildren, deckById, saveDeck } from './store';
import { emptyFilteredDeck } from './filtered-return';

const GRAVE_CARD = 0;
const GRAVE_NOTE = 1;
const GRAVE_DECK = 2;
const DEFAULT_DECK_ID = 1;
const DEFAULT_DECK_NAME = 'Default';

/**
 * Deletes decks with all their child decks, as Anki's remove_decks_and_child_decks:
 * cards of normal decks are deleted (and notes left without cards), cards of
 * filtered decks go home. The Default deck is never deleted: it is emptied and
 * renamed back to "Default". Unknown ids are skipped. Returns the cards deleted.
 */
export function removeDecksAndChildren(col: Collection, deckIds: readonly DeckId[]): number {
  return col.transact(() => {
    let removedCards = 0;
    for (const id of deckIds) {
      const deck = deckById(col, id);
      if (!deck) continue;
      const children = deckAndChildren(col, id).filter((d) => d.id !== id);
      for (const target of [deck, ...children]) removedCards += removeSingleDeck(col, target);
    }
    return removedCards;
  });
}

function removeSingleDeck(col: Collection, deck: Deck): number {
  let removed = 0;
  if (deck.dyn) {
    emptyFilteredDeck(col, deck.id);
  } else {
    const cardIds = col.prepare('SELECT id FROM cards WHERE did = ?').pluck().all(deck.id) as CardId[];
    removed = removeCardsAndOrphanedNotes(col, cardIds);
  }
  if (deck.id === DEFAULT_DECK_ID) {
    saveDeck(col, { ...deck, name: DEFAULT_DECK_NAME });
  } else {
    col.prepare('DELETE FROM decks WHERE id = ?').run(deck.id);
    col.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, ?, -1)').run(deck.id, GRAVE_DECK);
    col.invalidate('decks');
  }
  return removed;
}

/** Deletes cards (with graves) and then every note of theirs that has no card left. */
export function removeCardsAndOrphanedNotes(col: Collection, cardIds: readonly CardId[]): number {
  if (!cardIds.length) return 0;
  return col.transact(() => {
    const noteOf = col.prepare('SELECT nid FROM cards WHERE id = ?').pluck();
    const deleteCard = col.prepare('DELETE FROM cards WHERE id = ?');
    const grave = col.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, ?, -1)');
    const noteIds = new Set<NoteId>();
    let removed = 0;
    for (const cid of cardIds) {
      const nid = noteOf.get(cid) as NoteId | undefined;
      if (nid === undefined) continue;
      noteIds.add(nid);
      removed += deleteCard.run(cid).changes;
      grave.run(cid, GRAVE_CARD);
    }
    const hasCards = col.prepare('SELECT 1 FROM cards WHERE nid = ? LIMIT 1').pluck();
    const deleteNote = col.prepare('DELETE FROM notes WHERE id = ?');
    for (const nid of noteIds) {
      if (hasCards.get(nid) !== undefined) continue;
      if (deleteNote.run(nid).changes) grave.run(nid, GRAVE_NOTE);
    }
    return removed;
  });
}
