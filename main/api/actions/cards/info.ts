import type { Collection } from '../../../engine/collection';
import type { CardId } from '../../../engine/model/types';
import { cardDetails, type CardDetails } from '../../../engine/cards/info';
import { nextReviewLabels } from './next-reviews';

/** One cardsInfo entry, keys in the add-on's order. */
function toJson(details: CardDetails, nextReviews: string[]): Record<string, unknown> {
  const { card, notetype } = details;
  const fields: Record<string, { value: string; order: number }> = {};
  for (const field of notetype.flds) fields[field.name] = { value: details.fields[field.ord] ?? '', order: field.ord };
  return {
    cardId: card.id,
    fields,
    fieldOrder: card.ord,
    question: details.question,
    answer: details.answer,
    modelName: notetype.name,
    ord: card.ord,
    deckName: details.deckName,
    css: notetype.css,
    factor: card.factor,
    interval: card.ivl,
    note: card.nid,
    type: card.type,
    queue: card.queue,
    due: card.due,
    reps: card.reps,
    lapses: card.lapses,
    left: card.left,
    mod: card.mod,
    nextReviews,
    flags: card.flags,
  };
}

/** cardsInfo: one object per id, `{}` for a card that does not exist. */
export function cardsInfo(col: Collection, ids: readonly CardId[]): Record<string, unknown>[] {
  const details = cardDetails(col, ids);
  const labels = nextReviewLabels(col, details.flatMap((d) => (d ? [d.card] : [])));
  return details.map((d) => (d ? toJson(d, labels.get(d.card.id) ?? []) : {}));
}
