/**
 * cardsInfo's entries as JSON text, from plain data only (no collection): the same code
 * formats a reply on the main thread or a slice of it in the offload worker.
 */
import type { Notetype } from '../../../engine/model/types';
import { mediaChecker, renderSource, type CardSource } from '../../../engine/cards/render-source';
import { asciiJson } from '../../json';
import { nextReviewLabelsOf, type LabelInputs } from './next-reviews';

export interface CardsInfoSlice {
  sources: (CardSource | undefined)[];
  notetypes: Map<number, Notetype>;
  mediaDir: string;
  labels: LabelInputs;
}

/** One cardsInfo entry, keys in the add-on's order. */
function entry(source: CardSource, notetype: Notetype, sides: { question: string; answer: string }, nextReviews: string[]): Record<string, unknown> {
  const { card } = source;
  const fields: Record<string, { value: string; order: number }> = {};
  for (const field of notetype.flds) fields[field.name] = { value: source.fields[field.ord] ?? '', order: field.ord };
  return {
    cardId: card.id,
    fields,
    fieldOrder: card.ord,
    question: sides.question,
    answer: sides.answer,
    modelName: notetype.name,
    ord: card.ord,
    deckName: source.deckName,
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

/** The slice's entries, `{}` for a missing card, as compact ASCII JSON: `[{…}, {}, …]`. */
export function formatCardsInfo(slice: CardsInfoSlice): string {
  const hasMedia = mediaChecker(slice.mediaDir);
  const entries = slice.sources.map((source) => {
    if (!source) return {};
    const notetype = slice.notetypes.get(source.notetypeId)!;
    return entry(source, notetype, renderSource(source, notetype, hasMedia), nextReviewLabelsOf(source.card, slice.labels));
  });
  return asciiJson(entries);
}

/** Joins two formatted arrays into one, in order. */
export function joinJsonArrays(first: string, second: string): string {
  if (first === '[]') return second;
  if (second === '[]') return first;
  return `${first.slice(0, -1)},${second.slice(1)}`;
}
