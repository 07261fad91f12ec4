import type { CardId, CardRow, RevlogRow } from '../../../engine/model/types';
import { prepareCard, type AnswerInput } from '../../../engine/scheduler/answer';
import { describeNextStates } from '../../../engine/scheduler/next-intervals';

/**
 * What the labels of a set of cards need from the collection, as plain data (it may
 * travel to a worker): the scheduler input per deck pair (preset, deck, clock) read once,
 * and the revlog of each card when FSRS needs its history. See label-inputs.ts.
 */
export interface LabelInputs {
  collapseSecs: number;
  /** Keyed by deckPairKey; null where the scheduler cannot read the deck. */
  bases: Map<string, Omit<AnswerInput, 'card' | 'revlog'> | null>;
  revlogs: Map<CardId, RevlogRow[]>;
}

export const deckPairKey = (card: CardRow): string => `${card.did}:${card.odid}`;

/**
 * cardsInfo's `nextReviews`: the answer-button labels (Again, Hard, Good, Easy) from the
 * scheduler's describe-next-states, fuzz included, e.g. ["<1m", "<6m", "<10m", "4d"];
 * empty where the scheduler cannot read the card.
 */
export function nextReviewLabelsOf(card: CardRow, inputs: LabelInputs): string[] {
  const base = inputs.bases.get(deckPairKey(card));
  if (!base) return [];
  try {
    const input: AnswerInput = { ...base, card, revlog: inputs.revlogs.get(card.id) ?? [] };
    return describeNextStates(prepareCard(input), inputs.collapseSecs).map((b) => b.label);
  } catch {
    return [];
  }
}
