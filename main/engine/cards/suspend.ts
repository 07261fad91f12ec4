/** Suspending and unsuspending cards (rslib scheduler/bury_and_suspend.rs). */
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import { CardQueue, CardType, type CardId, type CardRow } from '../model/types';
import { cardsByIds } from './query';

/** The queue a suspended or buried card returns to (Card::restore_queue_from_type). */
export function queueFromType(card: Pick<CardRow, 'type' | 'due'>): number {
  switch (card.type) {
    case CardType.Learn:
    case CardType.Relearn:
      return card.due > 1_000_000_000 ? CardQueue.Learn : CardQueue.DayLearn;
    case CardType.Review:
      return CardQueue.Review;
    default:
      return CardQueue.New;
  }
}

const isSetAside = (queue: number): boolean =>
  queue === CardQueue.Suspended || queue === CardQueue.SchedBuried || queue === CardQueue.UserBuried;

function setQueues(col: Collection, changes: readonly (readonly [CardId, number])[]): number {
  if (!changes.length) return 0;
  return col.transact(() => {
    const update = col.prepare('UPDATE cards SET queue = ?, mod = ?, usn = -1 WHERE id = ?');
    const mod = col.nowSecs();
    for (const [id, queue] of changes) update.run(queue, mod, id);
    return changes.length;
  });
}

/** Suspends the cards that are not suspended yet; unknown ids are ignored. Returns how many changed. */
export function suspendCards(col: Collection, ids: readonly CardId[]): number {
  const cards = [...cardsByIds(col, ids).values()];
  return setQueues(
    col,
    cards.filter((c) => c.queue !== CardQueue.Suspended).map((c) => [c.id, CardQueue.Suspended] as const),
  );
}

/** Returns suspended (and, as in Anki, buried) cards to their queue. Returns how many changed. */
export function unsuspendCards(col: Collection, ids: readonly CardId[]): number {
  const cards = [...cardsByIds(col, ids).values()];
  return setQueues(col, cards.filter((c) => isSetAside(c.queue)).map((c) => [c.id, queueFromType(c)] as const));
}

/** Sets the flag colour (0–7) of cards, keeping the other flag bits. Returns how many changed. */
export function setCardFlag(col: Collection, ids: readonly CardId[], flag: number): number {
  if (!Number.isInteger(flag) || flag < 0 || flag > 7) {
    throw new EngineError('invalid', `invalid flag: ${flag}`);
  }
  const cards = [...cardsByIds(col, ids).values()].filter((c) => (c.flags & 7) !== flag);
  if (!cards.length) return 0;
  return col.transact(() => {
    const update = col.prepare('UPDATE cards SET flags = ?, mod = ?, usn = -1 WHERE id = ?');
    const mod = col.nowSecs();
    for (const card of cards) update.run((card.flags & ~7) | flag, mod, card.id);
    return cards.length;
  });
}
