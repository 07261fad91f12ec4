import type { Collection } from '../../../engine/collection';
import type { CardRow } from '../../../engine/model/types';
import { answerInputFor } from '../../../engine/scheduler/answer-card';
import { revlogForCard } from '../../../engine/scheduler/card-store';
import { deckPairKey, type LabelInputs } from './next-reviews';

/** Reads what the cards' answer-button labels need, once per deck pair. */
export function readLabelInputs(col: Collection, cards: readonly CardRow[]): LabelInputs {
  const inputs: LabelInputs = { collapseSecs: col.getConfig<number>('collapseTime', 1200), bases: new Map(), revlogs: new Map() };
  for (const card of cards) {
    const key = deckPairKey(card);
    if (!inputs.bases.has(key)) {
      try {
        const { card: _card, revlog: _revlog, ...base } = answerInputFor(col, card);
        inputs.bases.set(key, base);
      } catch {
        // A deck the scheduler cannot read (say, a broken one) leaves its cards without labels.
        inputs.bases.set(key, null);
      }
    }
    if (inputs.bases.get(key)?.fsrs) inputs.revlogs.set(card.id, revlogForCard(col, card.id));
  }
  return inputs;
}
