import type { Collection } from '../../../engine/collection';
import { CardQueue, type CardId } from '../../../engine/model/types';
import { cardNotFound, cardsByIds } from '../../../engine/cards/query';
import { suspendCards, unsuspendCards } from '../../../engine/cards/suspend';

/**
 * The add-on's `suspend(cards, suspend)`: it drops cards already in the wanted state from
 * the list *while iterating it*, so the element after each dropped one is never checked
 * (and a missing id there raises no error). False when nothing is left, else true.
 */
export function addonSuspend(col: Collection, ids: readonly CardId[], suspend: boolean): boolean {
  const known = cardsByIds(col, ids);
  const isSuspended = (id: CardId): boolean => {
    const card = known.get(id);
    if (!card) throw cardNotFound(id);
    return card.queue === CardQueue.Suspended;
  };
  const remaining = [...ids];
  for (let index = 0; index < remaining.length; index++) {
    const id = remaining[index]!;
    if (isSuspended(id) === suspend) remaining.splice(remaining.indexOf(id), 1);
  }
  if (!remaining.length) return false;
  if (suspend) suspendCards(col, remaining);
  else unsuspendCards(col, remaining);
  return true;
}
