import type { Collection } from '../../../engine/collection';
import type { CardId, CardRow } from '../../../engine/model/types';

/**
 * cardsInfo's `nextReviews`: the answer-button labels (Again, Hard, Good, Easy) from the
 * scheduler's describe-next-states, e.g. ["<1m", "<6m", "<10m", "4d"].
 * TODO: wire to the scheduler's collection-level next-interval function once it is exported;
 * until then every card reports an empty list.
 */
export function nextReviewLabels(_col: Collection, _cards: readonly CardRow[]): Map<CardId, string[]> {
  return new Map();
}
