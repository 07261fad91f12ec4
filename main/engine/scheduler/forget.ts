import type { Collection } from '../collection';
import type { CardId, CardRow } from '../model/types';
import { removeFromFilteredDeckBeforeReschedule } from './answer';
import { parseCardData, serializeCardData } from './card-data';
import { cardsInGivenOrder, saveModifiedCard } from './card-store';
import { logManualReview } from './manual-log';

export interface ForgetOptions {
  /** Put cards back at their original new position when known. Default true (AnkiConnect's choice). */
  restorePosition?: boolean;
  /** Reset reps and lapses. Default false. */
  resetCounts?: boolean;
  /** Write a revlog row (ease 0, type 4, factor 0) per card. Default true. */
  log?: boolean;
}

/** The position a new card had before it was first answered, if known. */
function lastPosition(card: CardRow): number | undefined {
  if (card.type === 0) return (card.odid !== 0 ? card.odue : card.due) >>> 0;
  return parseCardData(card.data).pos;
}

/**
 * Anki's "Reset"/forget (schedule_cards_as_new): cards become new again, at
 * their old position or at the end of the new queue; FSRS memory is dropped.
 * Cards are handled in the order given (a repeated id is handled again, as in
 * Anki). Returns how many cards were reset.
 */
export function forgetCards(col: Collection, ids: readonly CardId[], options: ForgetOptions = {}): number {
  const restore = options.restorePosition ?? true;
  const reset = options.resetCounts ?? false;
  const log = options.log ?? true;
  return col.transact(() => {
    let position = col.getConfig<number>('nextPos', 0);
    const cards = cardsInGivenOrder(col, ids);
    for (const original of cards) {
      const card = { ...original };
      const last = restore ? lastPosition(card) : undefined;
      removeFromFilteredDeckBeforeReschedule(card);
      card.due = last ?? position;
      if (last === undefined) position++;
      card.type = 0;
      card.queue = 0;
      card.ivl = 0;
      card.factor = 0;
      if (reset) {
        card.reps = 0;
        card.lapses = 0;
      }
      const data = parseCardData(card.data);
      delete data.pos;
      delete data.s;
      delete data.d;
      card.data = serializeCardData(data);
      if (log) logManualReview(col, card, original.ivl);
      saveModifiedCard(col, card);
    }
    col.setConfig('nextPos', position);
    return cards.length;
  });
}
