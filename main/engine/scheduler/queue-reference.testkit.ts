/**
 * Test support: the study queue as it was built before the SQL-ordered gathering
 * (every candidate row loaded and sorted in JS). Kept verbatim so the equivalence
 * test can check that the fast queue gives the same entries and counts.
 */
import type { Collection } from '../collection';
import { deckConfigById } from '../deckconfig/store';
import { decksInNameOrder } from '../decks/order';
import { deckById } from '../decks/store';
import { EngineError } from '../errors';
import type { CardRow, Deck, DeckId, NoteId } from '../model/types';
import { foldCase } from '../text/fold';
import type { BuryMode } from './bury';
import { memoryStateOf, parseCardData } from './card-data';
import { add, div, f32, mul, powf, sub } from './f32';
import { cardsWhere } from './card-store';
import { schedulingConfig } from './config';
import { parentDecks } from './deck-stats';
import { fnvHashI64, fnvHashU64, knuthSalt } from './fnv';
import { LimitTree } from './limits';

/**
 * The v3 study queue (rslib scheduler/queue/builder/*): intraday learning due
 * now, then reviews and interday learning mixed with new cards per the preset,
 * then learning cards due within the learn-ahead limit. Built fresh on each call.
 */

type QueueKind = 'new' | 'learning' | 'review';

interface QueueEntry {
  cardId: number;
  kind: QueueKind;
}

interface StudyQueue {
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

/** Ascending; safe with infinities (which stand for SQL NULL). */
function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** fsrs::current_retrievability, in f32. */
function currentRetrievability(stability: number, daysElapsed: number, decay: number): number {
  const factor = sub(powf(f32(0.9), div(1, -decay)), 1);
  return powf(add(mul(div(daysElapsed, stability), factor), 1), -decay);
}

function dueOf(card: CardRow): number {
  return card.odue !== 0 ? card.odue : card.due;
}

/** storage/sqlite.rs extract_fsrs_retrievability; undefined stands for NULL. */
function retrievability(card: CardRow, today: number, now: number): number | undefined {
  if (card.data === '') return undefined;
  const data = parseCardData(card.data);
  const memory = memoryStateOf(data);
  if (!memory) return undefined;
  const due = dueOf(card);
  let secs: number;
  if (data.lrt !== undefined) secs = Math.max(0, (now >>> 0) - (data.lrt >>> 0));
  else if (due > 365_000) secs = Math.max(0, (now >>> 0) - Math.max(0, (due >>> 0) - (card.ivl >>> 0)));
  else secs = Math.max(0, (today >>> 0) - Math.max(0, (due >>> 0) - (card.ivl >>> 0))) * 86_400;
  return currentRetrievability(memory.stability, div(f32(secs), 86_400), data.decay ?? 0.5);
}

/** storage/sqlite.rs extract_fsrs_relative_retrievability (FSRS "relative overdueness"). */
function relativeRetrievability(card: CardRow, today: number, now: number): number {
  const due = dueOf(card);
  const secsElapsed = due > 365_000 ? Math.max(0, (now >>> 0) - (due >>> 0)) : Math.max(0, (today >>> 0) - ((due - card.ivl) >>> 0)) * 86_400;
  const data = card.data === '' ? {} : parseCardData(card.data);
  const memory = memoryStateOf(data);
  if (memory && data.dr !== undefined) {
    const desired = Math.max(data.dr, f32(0.0001));
    const decay = data.decay ?? 0.5;
    const secs = data.lrt !== undefined ? Math.max(0, (now >>> 0) - (data.lrt >>> 0)) : secsElapsed;
    const current = Math.max(currentRetrievability(memory.stability, div(f32(secs), 86_400), decay), f32(0.0001));
    const exponent = div(-1, decay);
    return div(-sub(powf(current, exponent), 1), sub(powf(desired, exponent), 1));
  }
  const days = Math.floor(secsElapsed / 86_400);
  return div(-add(f32(days), f32(0.001)), Math.max(f32(card.ivl), 1));
}

/** ORDER BY for reviews and interday learning (storage/card/mod.rs review_order_sql), then fnvhash(id, mod). */
function reviewComparator(order: number, fsrs: boolean, today: number, now: number, deckRank: Map<DeckId, number>): (a: CardRow, b: CardRow) => number {
  const random = (a: CardRow, b: CardRow) => compareBig(fnvHashI64(a.id, a.mod), fnvHashI64(b.id, b.mod));
  const difficulty = (c: CardRow) => parseCardData(c.data).d ?? -Infinity;
  const deck = (c: CardRow) => deckRank.get(c.did) ?? 0;
  // SQL's x/0 is NULL, which sorts first.
  const overdueness = (c: CardRow) => (c.ivl === 0 ? -Infinity : -(1 + (today - c.due + 0.001) / c.ivl));
  const keys: Array<(a: CardRow, b: CardRow) => number> = [];
  switch (order) {
    case 0:
      keys.push((a, b) => a.due - b.due);
      break;
    case 1:
      keys.push((a, b) => a.due - b.due, (a, b) => deck(a) - deck(b));
      break;
    case 2:
      keys.push((a, b) => deck(a) - deck(b), (a, b) => a.due - b.due);
      break;
    case 3:
      keys.push((a, b) => a.ivl - b.ivl);
      break;
    case 4:
      keys.push((a, b) => b.ivl - a.ivl);
      break;
    case 5:
      keys.push(fsrs ? (a, b) => cmp(difficulty(b), difficulty(a)) : (a, b) => a.factor - b.factor);
      break;
    case 6:
      keys.push(fsrs ? (a, b) => cmp(difficulty(a), difficulty(b)) : (a, b) => b.factor - a.factor);
      break;
    case 9:
      keys.push((a, b) => a.nid - b.nid, (a, b) => a.ord - b.ord);
      break;
    case 10:
      keys.push((a, b) => b.nid - a.nid, (a, b) => a.ord - b.ord);
      break;
    case 7:
    case 11: {
      // NULL (no memory state) sorts first ascending, last descending.
      const r = new Map<number, number>();
      const key = (c: CardRow) => {
        if (!r.has(c.id)) r.set(c.id, retrievability(c, today, now) ?? -Infinity);
        return r.get(c.id)!;
      };
      keys.push(order === 7 ? (a, b) => cmp(key(a), key(b)) : (a, b) => cmp(key(b), key(a)));
      break;
    }
    case 12:
      if (fsrs) {
        const r = new Map<number, number>();
        const key = (c: CardRow) => {
          if (!r.has(c.id)) r.set(c.id, relativeRetrievability(c, today, now));
          return r.get(c.id)!;
        };
        keys.push((a, b) => cmp(key(a), key(b)));
      } else keys.push((a, b) => cmp(overdueness(a), overdueness(b)));
      break;
    default:
      // Random (8): only the random key.
      break;
  }
  keys.push(random);
  return (a, b) => {
    for (const key of keys) {
      const c = key(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function newCardOrder(priority: number, salt: number): (a: CardRow, b: CardRow) => number {
  switch (priority) {
    case 2:
      return (a, b) => b.due - a.due || a.ord - b.ord || a.id - b.id;
    case 3:
    case 5:
      return (a, b) => compareBig(fnvHashI64(a.nid, salt), fnvHashI64(b.nid, salt)) || a.ord - b.ord || a.id - b.id;
    case 4:
      return (a, b) => compareBig(fnvHashI64(a.id, salt), fnvHashI64(b.id, salt)) || a.id - b.id;
    default:
      return (a, b) => a.due - b.due || a.ord - b.ord || a.id - b.id;
  }
}

class QueueBuilder {
  readonly learning: CardRow[] = [];
  readonly dayLearning: CardRow[] = [];
  readonly review: CardRow[] = [];
  readonly fresh: CardRow[] = [];
  private readonly seenNotes = new Map<NoteId, BuryMode>();
  private readonly buryModes = new Map<DeckId, BuryMode>();

  constructor(
    private readonly col: Collection,
    private readonly limits: LimitTree,
  ) {}

  private buryModeFor(deckId: DeckId): BuryMode {
    let mode = this.buryModes.get(deckId);
    if (!mode) {
      const deck = deckById(this.col, deckId);
      const preset = deck && deck.dyn !== 1 ? deckConfigById(this.col, deck.conf ?? 1) : undefined;
      const c = preset ? schedulingConfig(preset) : undefined;
      mode = { buryNew: c?.buryNew ?? false, buryReviews: c?.buryReviews ?? false, buryInterdayLearning: c?.buryInterdayLearning ?? false };
      this.buryModes.set(deckId, mode);
    }
    return mode;
  }

  /** Records the note; returns the note's bury mode from cards seen before this one. */
  noteSeen(card: CardRow): BuryMode | undefined {
    const mode = this.buryModeFor(card.odid || card.did);
    const previous = this.seenNotes.get(card.nid);
    if (previous) {
      this.seenNotes.set(card.nid, {
        buryNew: previous.buryNew || mode.buryNew,
        buryReviews: previous.buryReviews || mode.buryReviews,
        buryInterdayLearning: previous.buryInterdayLearning || mode.buryInterdayLearning,
      });
      return previous;
    }
    this.seenNotes.set(card.nid, mode);
    return undefined;
  }

  gatherDue(cards: CardRow[], kind: 'review' | 'dayLearning'): void {
    if (this.limits.rootLimitReached('review')) return;
    for (const card of cards) {
      if (this.limits.rootLimitReached('review')) return;
      if (this.limits.limitReached(card.did, 'review')) continue;
      const previous = this.noteSeen(card);
      const bury = kind === 'review' ? previous?.buryReviews : previous?.buryInterdayLearning;
      if (bury) continue;
      (kind === 'review' ? this.review : this.dayLearning).push(card);
      this.limits.decrement(card.did, 'review');
    }
  }

  /** True if the card was taken. */
  takeNew(card: CardRow): boolean {
    if (this.noteSeen(card)?.buryNew) return false;
    this.fresh.push(card);
    return true;
  }

  gatherNewByDeck(decks: readonly Deck[], newCards: CardRow[], order: (a: CardRow, b: CardRow) => number): void {
    for (const deck of decks) {
      if (this.limits.rootLimitReached('new')) break;
      if (this.limits.limitReached(deck.id, 'new')) continue;
      for (const card of newCards.filter((c) => c.did === deck.id).sort(order)) {
        if (this.limits.limitReached(deck.id, 'new')) break;
        if (this.takeNew(card)) this.limits.decrement(deck.id, 'new');
      }
    }
  }

  gatherNewSorted(newCards: CardRow[], order: (a: CardRow, b: CardRow) => number): void {
    for (const card of newCards.sort(order)) {
      if (this.limits.rootLimitReached('new')) return;
      if (!this.limits.limitReached(card.did, 'new') && this.takeNew(card)) this.limits.decrement(card.did, 'new');
    }
  }
}

function sortNew(cards: CardRow[], order: number, today: number): CardRow[] {
  const hashId = new Map(cards.map((c) => [c.id, fnvHashU64(c.id, today)]));
  const hashNote = new Map(cards.map((c) => [c.id, fnvHashU64(c.nid, today)]));
  switch (order) {
    case 0:
      return [...cards].sort((a, b) => a.ord - b.ord);
    case 2:
      return [...cards].sort((a, b) => a.ord - b.ord || compareBig(hashId.get(a.id)!, hashId.get(b.id)!));
    case 3:
      return [...cards].sort((a, b) => compareBig(hashNote.get(a.id)!, hashNote.get(b.id)!) || a.ord - b.ord);
    case 4:
      return [...cards].sort((a, b) => compareBig(hashId.get(a.id)!, hashId.get(b.id)!));
    default:
      return cards;
  }
}

/** Evenly mixes `two` into `one` (queue/builder/intersperser.rs). */
function intersperse<T>(one: readonly T[], two: readonly T[]): T[] {
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
export function buildQueueReference(col: Collection, deckId: DeckId): StudyQueue {
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

  const intraday = cardsWhere(col, `${inActive} AND queue IN (1, 4) AND due <= ?`, ...ids, timing.nextDayAt).sort(
    (a, b) => (deckRank.get(a.did)! - deckRank.get(b.did)!) || a.due - b.due || a.id - b.id,
  );
  for (const card of intraday) {
    builder.noteSeen(card);
    builder.learning.push(card);
  }
  const reviewOrder = reviewComparator(options.reviewOrder, fsrs, today, timing.now, deckRank);
  builder.gatherDue(cardsWhere(col, `${inActive} AND queue = 3 AND due <= ?`, ...ids, today).sort(reviewOrder), 'dayLearning');
  builder.gatherDue(cardsWhere(col, `${inActive} AND queue = 2 AND due <= ?`, ...ids, today).sort(reviewOrder), 'review');

  const newCards = cardsWhere(col, `${inActive} AND queue = 0`, ...ids);
  const salt = knuthSalt(today);
  const priority = options.newGatherPriority;
  if (priority === 0 || priority === 5) builder.gatherNewByDeck(active, newCards, newCardOrder(priority === 0 ? 1 : 3, salt));
  else builder.gatherNewSorted(newCards, newCardOrder(priority, salt));
  const fresh = sortNew(builder.fresh, options.newSortOrder, today);

  const learning = [...builder.learning].sort((a, b) => Number(a.reps === 0) - Number(b.reps === 0) || a.due - b.due);
  const cutoff = timing.now + col.getConfig<number>('collapseTime', 1200);
  const now = learning.filter((c) => c.due <= timing.now);
  const ahead = learning.filter((c) => c.due > timing.now && c.due <= cutoff);

  const entry = (kind: QueueKind) => (c: CardRow): QueueEntry => ({ cardId: c.id, kind });
  const withDayLearning = mix(builder.review.map(entry('review')), builder.dayLearning.map(entry('learning')), options.dayLearnMix);
  const main = mix(withDayLearning, fresh.map(entry('new')), options.newMix);
  return {
    entries: [...now.map(entry('learning')), ...main, ...ahead.map(entry('learning'))],
    counts: { new: fresh.length, learn: now.length + ahead.length + builder.dayLearning.length, review: builder.review.length },
  };
}

