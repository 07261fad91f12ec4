import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow } from '../model/types';
import { cardsInGivenOrder, cardsWhere, saveModifiedCard } from './card-store';

export interface RepositionOptions {
  /** First position. Default 0. */
  start?: number;
  /** Gap between notes. Default 1. */
  step?: number;
  /** Random note order instead of the order given. */
  randomize?: boolean;
  /** Move existing new cards at or after `start` out of the way. */
  shift?: boolean;
  random?: () => number;
}

/** Sets a new card's position (its due, or odue in a filtered deck). False if the card is not new. */
function setNewPosition(card: CardRow, position: number): boolean {
  if (card.type === 0) {
    if (card.odid !== 0) card.odue = position;
    else card.due = position;
    return true;
  }
  if (card.queue === 0) {
    card.due = position;
    return true;
  }
  return false;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Anki's "Reposition" (sort_cards): new cards get positions start, start+step, …
 * per note (a note's cards share one), in the order given or randomly.
 * Returns how many cards were repositioned.
 */
export function repositionNewCards(col: Collection, ids: readonly CardId[], options: RepositionOptions = {}): number {
  const start = options.start ?? 0;
  const step = options.step ?? 1;
  if (!Number.isSafeInteger(start) || start < 0 || !Number.isSafeInteger(step) || step < 0) {
    throw new EngineError('invalid', 'start and step must be non-negative integers');
  }
  return col.transact(() => {
    if (options.shift) {
      const by = step * ids.length;
      for (const card of cardsWhere(col, 'due >= ? AND type = 0', start)) {
        const moved = { ...card };
        setNewPosition(moved, card.due + by);
        saveModifiedCard(col, moved);
      }
    }
    const refreshed = cardsInGivenOrder(col, ids);
    let notes = [...new Set(refreshed.map((c) => c.nid))];
    if (options.randomize) notes = shuffled(notes, options.random ?? Math.random);
    const positions = new Map(notes.map((nid, i) => [nid, start + i * step]));
    let count = 0;
    for (const original of refreshed) {
      const card = { ...original };
      if (setNewPosition(card, positions.get(card.nid) ?? 0)) {
        count++;
        saveModifiedCard(col, card);
      }
    }
    return count;
  });
}
