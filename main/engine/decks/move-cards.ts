import type { Collection } from '../collection';
import type { CardId, DeckId } from '../model/types';
import { EngineError } from '../errors';
import { requireDeck } from './store';
import { returnCardsToHomeDecks } from './filtered-return';

/**
 * Moves cards to a normal deck. Cards in a filtered deck are first sent home,
 * as AnkiConnect's changeDeck does. Unknown card ids are ignored.
 */
export function moveCardsToDeck(col: Collection, cardIds: readonly CardId[], deckId: DeckId): number {
  const deck = requireDeck(col, deckId);
  if (deck.dyn) throw new EngineError('invalid', `cards cannot be moved into the filtered deck "${deck.name}"`);
  if (!cardIds.length) return 0;
  return col.transact(() => {
    returnCardsToHomeDecks(col, cardIds);
    return col
      .prepare('UPDATE cards SET did = ?, mod = ?, usn = -1 WHERE id IN (SELECT value FROM json_each(?))')
      .run(deckId, col.nowSecs(), JSON.stringify(cardIds)).changes;
  });
}
