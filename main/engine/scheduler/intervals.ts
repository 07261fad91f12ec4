import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId } from '../model/types';
import { prepareCardById } from './answer-card';
import { getCard } from './card-store';
import { describeNextStates, type ButtonInterval } from './next-intervals';

/** Queries about cards' intervals, with AnkiConnect's semantics (ankiconnect-behaviour.md). */

function revlogIntervals(col: Collection, cardId: CardId): Array<{ id: number; ivl: number }> {
  return col.prepare('SELECT id, ivl FROM revlog WHERE cid = ? ORDER BY id').all(cardId) as Array<{ id: number; ivl: number }>;
}

function isNew(col: Collection, cardId: CardId): boolean {
  return getCard(col, cardId)?.type === 0;
}

/**
 * For each card, the interval of its last answer (revlog `ivl`: days positive,
 * seconds negative), or with `complete` every one of them. New cards give 0.
 * A non-new card without history fails the way AnkiConnect does.
 */
export function getIntervals(col: Collection, cardIds: readonly CardId[], complete = false): Array<number | number[]> {
  return cardIds.map((id) => {
    if (isNew(col, id)) return 0;
    const history = revlogIntervals(col, id).map((r) => r.ivl);
    if (complete) return history;
    const last = history[history.length - 1];
    if (last === undefined) throw new EngineError('invalid', 'list index out of range');
    return last;
  });
}

/**
 * AnkiConnect's areDue: new cards are due; otherwise, if the last answer's
 * interval was at least -1200 s, whether the card is due now (reviews by day,
 * learning within the learn-ahead limit); for longer intraday steps, whether
 * answer time + interval has passed.
 */
export function areDue(col: Collection, cardIds: readonly CardId[]): boolean[] {
  const { daysElapsed: today, now } = col.timing();
  const cutoff = now + col.getConfig<number>('collapseTime', 1200);
  return cardIds.map((id) => {
    if (isNew(col, id)) return true;
    const last = revlogIntervals(col, id).at(-1);
    if (!last) throw new EngineError('invalid', 'list index out of range');
    if (last.ivl >= -1200) {
      const card = getCard(col, id);
      if (!card) return false;
      return ((card.queue === 2 || card.queue === 3) && card.due <= today) || ((card.queue === 1 || card.queue === 4) && card.due <= cutoff);
    }
    return last.id / 1000 - last.ivl <= col.nowMs() / 1000;
  });
}

/** The four answer buttons of a card as Anki would show them now (with fuzz, like the reviewer). */
export function cardNextIntervals(col: Collection, cardId: CardId): [ButtonInterval, ButtonInterval, ButtonInterval, ButtonInterval] {
  return describeNextStates(prepareCardById(col, cardId), col.getConfig<number>('collapseTime', 1200));
}
