import type { Collection } from '../../../engine/collection';
import type { CardId, CardRow } from '../../../engine/model/types';
import { answerInputFor } from '../../../engine/scheduler/answer-card';
import { prepareCard, type AnswerInput } from '../../../engine/scheduler/answer';
import { revlogForCard } from '../../../engine/scheduler/card-store';
import { describeNextStates } from '../../../engine/scheduler/next-intervals';

/**
 * cardsInfo's `nextReviews`: the answer-button labels (Again, Hard, Good, Easy) from the
 * scheduler's describe-next-states, fuzz included, e.g. ["<1m", "<6m", "<10m", "4d"].
 * The scheduler input (preset, deck, clock) is read once per deck pair, not per card.
 */
export function nextReviewLabels(col: Collection, cards: readonly CardRow[]): Map<CardId, string[]> {
  const labels = new Map<CardId, string[]>();
  if (!cards.length) return labels;
  const collapseSecs = col.getConfig<number>('collapseTime', 1200);
  const bases = new Map<string, AnswerInput | null>();
  for (const card of cards) {
    const key = `${card.did}:${card.odid}`;
    let base = bases.get(key);
    try {
      if (base === undefined) {
        base = answerInputFor(col, card);
        bases.set(key, base);
      }
      if (base === null) continue;
      const input: AnswerInput = { ...base, card, revlog: base.fsrs ? revlogForCard(col, card.id) : [] };
      labels.set(card.id, describeNextStates(prepareCard(input), collapseSecs).map((b) => b.label));
    } catch {
      // A card the scheduler cannot read (say, a broken deck) keeps an empty list rather than failing the request.
      if (base === undefined) bases.set(key, null);
    }
  }
  return labels;
}
