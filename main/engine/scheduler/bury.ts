import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow, DeckId } from '../model/types';
import { deckAndChildren } from '../decks/store';
import { restoreQueueFromType } from './answer';
import { cardsByIds, cardsWhere, putCard, saveModifiedCard } from './card-store';
import type { SchedulingConfig } from './config';

/** Burying and unburying (rslib scheduler/bury_and_suspend.rs). */

export const QUEUE_SUSPENDED = -1;
export const QUEUE_SCHED_BURIED = -2;
export const QUEUE_USER_BURIED = -3;

export interface BuryMode {
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
}

export function buryModeOf(config: SchedulingConfig): BuryMode {
  return { buryNew: config.buryNew, buryReviews: config.buryReviews, buryInterdayLearning: config.buryInterdayLearning };
}

/** Queue-gathering order: learning, interday learning, review, new. */
function gatherOrder(queue: number): number {
  switch (queue) {
    case 1:
    case 4:
      return 0;
    case 3:
      return 1;
    case 2:
      return 2;
    case 0:
      return 3;
    default:
      return 255;
  }
}

/**
 * Sets cards to `queue` (-1, -2 or -3), skipping those already there and never
 * burying a suspended card. Returns the rows as they were before the change.
 */
export function setCardsQueue(col: Collection, cards: readonly CardRow[], queue: number): CardRow[] {
  const changed: CardRow[] = [];
  for (const card of cards) {
    if (card.queue === queue || card.queue === QUEUE_SUSPENDED) continue;
    changed.push(card);
    saveModifiedCard(col, { ...card, queue });
  }
  return changed;
}

/**
 * After an answer, buries the note's other cards per the preset. Review and
 * interday siblings are only buried when the answered card came from a queue
 * gathered no later than theirs. Returns the siblings as they were.
 */
export function burySiblings(col: Collection, answered: CardRow, mode: BuryMode): CardRow[] {
  const order = gatherOrder(answered.queue);
  const buryInterday = mode.buryInterdayLearning && order <= gatherOrder(3);
  const buryReviews = mode.buryReviews && order <= gatherOrder(2);
  if (!mode.buryNew && !buryReviews && !buryInterday) return [];
  const siblings = cardsWhere(col, 'nid = ? AND id != ?', answered.nid, answered.id).filter(
    (c) => (mode.buryNew && c.queue === 0) || (buryReviews && c.queue === 2) || (buryInterday && c.queue === 3),
  );
  return setCardsQueue(col, siblings, QUEUE_SCHED_BURIED);
}

/** Buries cards by hand (queue -3). Returns how many changed. */
export function buryCards(col: Collection, ids: readonly CardId[]): number {
  return col.transact(() => setCardsQueue(col, cardsByIds(col, ids), QUEUE_USER_BURIED).length);
}

function isBuriedOrSuspended(card: CardRow): boolean {
  return card.queue === QUEUE_SUSPENDED || card.queue === QUEUE_SCHED_BURIED || card.queue === QUEUE_USER_BURIED;
}

/** Restores the queue of buried/suspended cards from their type (marks them modified). */
export function restoreCards(col: Collection, cards: readonly CardRow[]): number {
  let count = 0;
  for (const card of cards) {
    if (!isBuriedOrSuspended(card)) continue;
    const restored = { ...card };
    restoreQueueFromType(restored);
    saveModifiedCard(col, restored);
    count++;
  }
  return count;
}

/**
 * Unburies (and, like Anki's restore_buried_and_suspended_cards, unsuspends)
 * the given cards. Returns how many changed.
 */
export function unburyCards(col: Collection, ids: readonly CardId[]): number {
  return col.transact(() => restoreCards(col, cardsByIds(col, ids)));
}

export type UnburyDeckMode = 'all' | 'user' | 'sched';

/** Unburies the buried cards of a deck and its subdecks. */
export function unburyDeck(col: Collection, deckId: DeckId, mode: UnburyDeckMode = 'all'): number {
  const decks = deckAndChildren(col, deckId);
  if (decks.length === 0) throw new EngineError('not-found', `deck not found: ${deckId}`);
  const queues = mode === 'all' ? [QUEUE_SCHED_BURIED, QUEUE_USER_BURIED] : mode === 'user' ? [QUEUE_USER_BURIED] : [QUEUE_SCHED_BURIED];
  const ids = decks.map((d) => d.id);
  const cards = cardsWhere(
    col,
    `did IN (${ids.map(() => '?').join(',')}) AND queue IN (${queues.join(',')})`,
    ...ids,
  );
  return col.transact(() => restoreCards(col, cards));
}

/**
 * On the first study of a new day, every buried card returns to its queue
 * (without being marked modified) and config `lastUnburied` becomes today.
 */
export function unburyIfDayRolledOver(col: Collection, today: number = col.timing().daysElapsed): boolean {
  const last = col.getConfig<number>('lastUnburied', 0);
  if (!(last < today || today + 7 < last)) return false;
  col.transact(() => {
    for (const card of cardsWhere(col, `queue IN (${QUEUE_SCHED_BURIED}, ${QUEUE_USER_BURIED})`)) {
      const restored = { ...card };
      restoreQueueFromType(restored);
      putCard(col, restored);
    }
    col.setConfig('lastUnburied', today);
  });
  return true;
}
