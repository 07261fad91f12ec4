import type { Collection } from '../collection';
import type { CardId } from '../model/types';
import { QUEUE_SUSPENDED, restoreCards, setCardsQueue } from './bury';
import { cardsByIds } from './card-store';

/** Suspends cards (queue -1). Returns how many changed. */
export function suspendCards(col: Collection, ids: readonly CardId[]): number {
  return col.transact(() => setCardsQueue(col, cardsByIds(col, ids), QUEUE_SUSPENDED).length);
}

/**
 * Unsuspends cards: their queue is restored from their type. Like Anki's
 * restore_buried_and_suspended_cards, buried cards among them are unburied too.
 */
export function unsuspendCards(col: Collection, ids: readonly CardId[]): number {
  return col.transact(() => restoreCards(col, cardsByIds(col, ids)));
}
