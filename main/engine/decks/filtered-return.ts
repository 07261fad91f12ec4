import type { Collection } from '../collection';
import type { CardId, DeckId } from '../model/types';

/**
 * Sends cards that sit in a filtered deck back to their home deck, restoring
 * their original due and their queue from their type (rslib
 * `remove_from_filtered_deck_restoring_queue`). Suspended/buried cards keep
 * their queue. Cards not in a filtered deck are left alone.
 */
const RETURN_HOME_SQL = `
UPDATE cards SET
  did = odid,
  odid = 0,
  due = CASE WHEN odue != 0 THEN odue ELSE due END,
  odue = 0,
  queue = CASE
    WHEN queue < 0 THEN queue
    WHEN type = 0 THEN 0
    WHEN type = 2 THEN 2
    WHEN (CASE WHEN odue != 0 THEN odue ELSE due END) > 1000000000 THEN 1
    ELSE 3 END,
  mod = ?, usn = -1
WHERE odid != 0`;

export function returnCardsToHomeDecks(col: Collection, cardIds: readonly CardId[]): number {
  if (!cardIds.length) return 0;
  return col.transact(() => {
    const update = col.prepare(`${RETURN_HOME_SQL} AND id IN (SELECT value FROM json_each(?))`);
    return update.run(col.nowSecs(), JSON.stringify(cardIds)).changes;
  });
}

/** Empties a filtered deck: every card in it goes home. */
export function emptyFilteredDeck(col: Collection, deckId: DeckId): number {
  return col.transact(() => col.prepare(`${RETURN_HOME_SQL} AND did = ?`).run(col.nowSecs(), deckId).changes);
}
