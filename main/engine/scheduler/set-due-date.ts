import type { Collection } from '../collection';
import { deckById } from '../decks/store';
import { EngineError } from '../errors';
import type { CardId, CardRow } from '../model/types';
import { removeFromFilteredDeckBeforeReschedule } from './answer';
import { parseCardData, serializeCardData } from './card-data';
import { cardsByIds, saveModifiedCard } from './card-store';
import { schedulingConfig } from './config';
import { presetForDeck } from './deck-stats';
import { f32, mul, roundHalfAway, toU16 } from './f32';
import { logManualReview } from './manual-log';

/** "0", "1-7", "3!" (rslib scheduler/reviews.rs parse_due_date_str). */
export interface DueDateSpec {
  min: number;
  max: number;
  /** "!": reset the interval to the new delay. */
  forceReset: boolean;
}

export function parseDueDate(text: string): DueDateSpec {
  const match = /^(\d+)(?:-(\d+))?(!)?$/.exec(text);
  const min = match ? Number(match[1]) : NaN;
  const max = match?.[2] !== undefined ? Number(match[2]) : min;
  if (!match || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > 4294967295 || max > 4294967295) {
    throw new EngineError('invalid', `invalid due date: ${JSON.stringify(text)} (use e.g. "0", "1-7" or "3!")`);
  }
  return { min: Math.min(min, max), max: Math.max(min, max), forceReset: match[3] === '!' };
}

export interface SetDueDateOptions {
  /** Picks the delay within the range (inclusive); default Math.random. */
  random?: () => number;
}

function isUnixStamp(due: number): boolean {
  return due > 1_000_000_000;
}

/** The new interval, as Card::set_due_date computes it. */
function newInterval(card: CardRow, today: number, nextDayAt: number, days: number, forceReset: boolean, fsrs: boolean): number {
  if (fsrs) {
    if (card.queue === 0 || card.ivl === 0) return 0;
    const lrt = parseCardData(card.data).lrt;
    if (lrt !== undefined) return Math.floor(Math.max(0, nextDayAt - lrt) / 86_400) + days;
    const due = card.odid !== 0 ? card.odue : card.due;
    const newDue = today + days;
    const dueDay = isUnixStamp(due) ? today + Math.trunc((due - nextDayAt) / 86_400) : due;
    return Math.max(0, card.ivl + (newDue - dueDay));
  }
  if (forceReset || (card.type !== 2 && card.type !== 3)) return Math.max(days, 1);
  return Math.max(card.ivl, 1);
}

/**
 * Makes cards review cards due in `days` ("0" = today, "1-7" = a random day in
 * that range, "3!" = also reset the interval to 3), with Anki's manual revlog
 * row (ease 0, type 4). Returns how many cards changed.
 */
export function setDueDate(col: Collection, ids: readonly CardId[], days: string, options: SetDueDateOptions = {}): number {
  const spec = parseDueDate(days);
  const random = options.random ?? Math.random;
  const { daysElapsed: today, nextDayAt } = col.timing();
  const fsrs = col.getConfig<boolean>('fsrs', false) === true;
  return col.transact(() => {
    const cards = cardsByIds(col, ids);
    for (const original of cards) {
      const home = deckById(col, original.odid || original.did);
      if (!home) throw new EngineError('not-found', `deck not found: ${original.odid || original.did}`);
      if (home.dyn === 1) throw new EngineError('invalid', 'home deck is filtered');
      const initialEase = schedulingConfig(presetForDeck(col, home)).initialEase;
      const delay = spec.min + Math.floor(random() * (spec.max - spec.min + 1));
      const card = { ...original };
      const interval = newInterval(card, today, nextDayAt, delay, spec.forceReset, fsrs);
      // schedule_as_review
      const data = parseCardData(card.data);
      const position = card.type === 0 ? (card.odid !== 0 ? card.odue : card.due) >>> 0 : data.pos;
      if (position === undefined) delete data.pos;
      else data.pos = position;
      card.data = serializeCardData(data);
      removeFromFilteredDeckBeforeReschedule(card);
      card.ivl = interval;
      card.due = today + delay;
      card.type = 2;
      card.queue = 2;
      if (card.factor === 0) card.factor = toU16(roundHalfAway(mul(initialEase, f32(1000))));
      logManualReview(col, card, original.ivl);
      saveModifiedCard(col, card);
    }
    return cards.length;
  });
}
