import type { Collection } from '../collection';
import { deckConfigById } from '../deckconfig/store';
import { decksInNameOrder } from '../decks/order';
import { deckById } from '../decks/store';
import { EngineError } from '../errors';
import type { Deck, DeckId } from '../model/types';
import { foldCase } from '../text/fold';
import { unburyIfDayRolledOver } from './bury';
import { schedulingConfig } from './config';
import { parentDecks } from './deck-stats';
import { knuthSalt } from './fnv';
import { LimitTree } from './limits';
import { cardsInOrder, QueueBuilder } from './queue-gather';
import { QUEUE_COLUMNS, newGatherOrder, reviewOrder, sortByKeys, sortNew, type QueueCard } from './queue-order';

/**
 * The v3 study queue (rslib scheduler/queue/builder/*): intraday learning due
 * now, then reviews and interday learning mixed with new cards per the preset,
 * then learning cards due within the learn-ahead limit. Built fresh on each call;
 * reviews and new cards are read in order only as far as the daily limits reach.
 */

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueEntry {
  cardId: number;
  kind: QueueKind;
}

export interface StudyQueue {
  /** Cards in the order they will be shown. */
  entries: QueueEntry[];
  counts: { new: number; learn: number; review: number };
}

interface SortOptions {
  newSortOrder: number;
  newGatherPriority: number;
  reviewOrder: number;
  dayLearnMix: number;
  newMix: number;
}

const NEW_SORT_NO_SORT = 1;

function sortOptions(col: Collection, deck: Deck): SortOptions {
  const preset = deck.dyn === 1 ? undefined : deckConfigById(col, deck.conf ?? 1);
  if (!preset) return { newSortOrder: NEW_SORT_NO_SORT, newGatherPriority: 0, reviewOrder: 0, dayLearnMix: 0, newMix: 0 };
  const c = schedulingConfig(preset);
  return { newSortOrder: c.newSortOrder, newGatherPriority: c.newGatherPriority, reviewOrder: c.reviewOrder, dayLearnMix: c.interdayLearningMix, newMix: c.newMix };
}

/** The deck and its subdecks, in name order. */
function activeDecks(col: Collection, root: Deck): Deck[] {
  const prefix = foldCase(root.name) + '::';
  return decksInNameOrder(col).filter((d) => d.id === root.id || foldCase(d.name).startsWith(prefix));
}

/** Evenly mixes `two` into `one` (queue/builder/intersperser.rs). */
export function intersperse<T>(one: readonly T[], two: readonly T[]): T[] {
  const ratio = Math.fround((one.length + 1) / (two.length + 1));
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < one.length || j < two.length) {
    if (i < one.length && j < two.length) {
      if (Math.fround((j + 1) * ratio) < i + 1) out.push(two[j++]!);
      else out.push(one[i++]!);
    } else if (i < one.length) out.push(one[i++]!);
    else out.push(two[j++]!);
  }
  return out;
}

function mix<T>(reviews: T[], other: T[], mode: number): T[] {
  if (mode === 1) return [...reviews, ...other];
  if (mode === 2) return [...other, ...reviews];
  return intersperse(reviews, other);
}

/** Builds the study queue for a deck (and its subdecks) at the collection's current time. */
export function buildQueue(col: Collection, deckId: DeckId): StudyQueue {
  const root = deckById(col, deckId);
  if (!root) throw new EngineError('not-found', `deck not found: ${deckId}`);
  const timing = col.timing();
  const today = timing.daysElapsed;
  const fsrs = col.getConfig<boolean>('fsrs', false) === true;
  const newIgnoresReviewLimit = col.getConfig<boolean>('newCardsIgnoreReviewLimit', false) === true;
  const active = activeDecks(col, root);
  const treeDecks = col.getConfig<boolean>('applyAllParentLimits', false) === true ? [...parentDecks(col, root).reverse(), ...active] : active;
  const limits = new LimitTree(col, treeDecks, today, newIgnoresReviewLimit);
  const options = sortOptions(col, root);
  const deckRank = new Map(active.map((d, i) => [d.id, i]));
  const ids = active.map((d) => d.id);
  const inActive = `did IN (${ids.map(() => '?').join(',')})`;
  const builder = new QueueBuilder(col, limits);

  const intraday = sortByKeys(
    col.prepare(`SELECT ${QUEUE_COLUMNS} FROM cards WHERE ${inActive} AND queue IN (1, 4) AND due <= ?`).all(...ids, timing.nextDayAt) as QueueCard[],
    (c) => [deckRank.get(c.did)!, c.due, c.id],
  );
  for (const card of intraday) {
    builder.noteSeen(card);
    builder.learning.push(card);
  }
  const order = reviewOrder(options.reviewOrder, { fsrs, today, now: timing.now, deckRank });
  builder.gatherDue(cardsInOrder(col, `${inActive} AND queue = 3 AND due <= ?`, [...ids, today], order), 'dayLearning');
  builder.gatherDue(cardsInOrder(col, `${inActive} AND queue = 2 AND due <= ?`, [...ids, today], order), 'review');

  const salt = knuthSalt(today);
  const priority = options.newGatherPriority;
  if (priority === 0 || priority === 5) {
    const deckOrder = newGatherOrder(priority === 0 ? 1 : 3, salt);
    builder.gatherNewByDeck(active, (id) => cardsInOrder(col, 'did = ? AND queue = 0', [id], deckOrder));
  } else builder.gatherNewSorted(cardsInOrder(col, `${inActive} AND queue = 0`, ids, newGatherOrder(priority, salt)));
  const fresh = sortNew(builder.fresh, options.newSortOrder, today);

  const learning = sortByKeys(builder.learning, (c) => [Number(c.reps === 0), c.due]);
  const cutoff = timing.now + col.getConfig<number>('collapseTime', 1200);
  const now = learning.filter((c) => c.due <= timing.now);
  const ahead = learning.filter((c) => c.due > timing.now && c.due <= cutoff);

  const entry = (kind: QueueKind) => (c: QueueCard): QueueEntry => ({ cardId: c.id, kind });
  const withDayLearning = mix(builder.review.map(entry('review')), builder.dayLearning.map(entry('learning')), options.dayLearnMix);
  const main = mix(withDayLearning, fresh.map(entry('new')), options.newMix);
  return {
    entries: [...now.map(entry('learning')), ...main, ...ahead.map(entry('learning'))],
    counts: { new: fresh.length, learn: now.length + ahead.length + builder.dayLearning.length, review: builder.review.length },
  };
}

/**
 * The next card to study in a deck, or undefined when done for now. Unburies
 * yesterday's buried cards first, as Anki does on the first study of a day.
 */
export function nextCard(col: Collection, deckId: DeckId): QueueEntry | undefined {
  unburyIfDayRolledOver(col);
  return buildQueue(col, deckId).entries[0];
}

/** The study screen's counts (new, learning, review) for a deck. */
export function studyCounts(col: Collection, deckId: DeckId): StudyQueue['counts'] {
  unburyIfDayRolledOver(col);
  return buildQueue(col, deckId).counts;
}
