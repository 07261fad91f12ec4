import type { Collection } from '../collection';
import type { Deck, DeckId } from '../model/types';
import { foldCase } from '../text/fold';
import { baseName, immediateParentName } from './name';
import { decksInNameOrder } from './order';
import { configForDeck } from './config-ops';

/** One node of Anki's deck due tree, flattened. */
export interface DeckDueCounts {
  deckId: DeckId;
  /** The last name component, as in Anki's DeckTreeNode. */
  name: string;
  newCount: number;
  learnCount: number;
  reviewCount: number;
  /** Cards whose current deck is this one (children excluded). */
  totalInDeck: number;
}

interface RawCounts {
  new: number;
  intraday: number;
  interday: number;
  review: number;
  total: number;
}

type Capped = Omit<RawCounts, 'total'>;

const UNLIMITED = 9999;

function rawCountsByDeck(col: Collection): Map<DeckId, RawCounts> {
  const { daysElapsed, now } = col.timing();
  const learnCutoff = now + col.getConfig<number>('collapseTime', 1200);
  const rows = col
    .prepare(
      `SELECT did,
         sum(queue = 0) AS n,
         sum(queue IN (1, 4) AND due < ?) AS l,
         sum(queue = 3 AND due <= ?) AS d,
         sum(queue = 2 AND due <= ?) AS r,
         count(*) AS t
       FROM cards GROUP BY did`,
    )
    .all(learnCutoff, daysElapsed, daysElapsed) as { did: number; n: number; l: number; d: number; r: number; t: number }[];
  return new Map(rows.map((r) => [r.did, { new: r.n, intraday: r.l, interday: r.d, review: r.r, total: r.t }]));
}

/** Today's remaining new/review limits of one deck: deck overrides, then its preset, minus what was studied today. */
function remainingLimits(col: Collection, deck: Deck, today: number): { new: number; review: number } {
  const conf = configForDeck(col, deck.id);
  if (!conf) return { new: UNLIMITED, review: UNLIMITED };
  const newLimit =
    (deck.newLimitToday?.today === today ? deck.newLimitToday.limit : null) ?? deck.newLimit ?? conf.new.perDay;
  const reviewLimit =
    (deck.reviewLimitToday?.today === today ? deck.reviewLimitToday.limit : null) ?? deck.reviewLimit ?? conf.rev.perDay;
  const newDone = deck.newToday[0] === today ? deck.newToday[1] : 0;
  const reviewDone = deck.revToday[0] === today ? deck.revToday[1] : 0;
  const review = Math.max(0, reviewLimit - reviewDone);
  return { new: Math.min(Math.max(0, newLimit - newDone), review), review };
}

/**
 * Due counts per deck with children rolled up and each deck's daily limits applied.
 * TODO(scheduler): replace with the scheduler's `deckCounts` (main/engine/scheduler) once it
 * exists; this approximation caps each deck by its own limits only, as Anki's v3 deck list
 * does for most collections, but ignores limits inherited from parents and review-limit sharing.
 */
export function deckDueCounts(col: Collection): Map<DeckId, DeckDueCounts> {
  const raw = rawCountsByDeck(col);
  const today = col.timing().daysElapsed;
  const decks = decksInNameOrder(col);
  const children = new Map<DeckId, Deck[]>();
  const byName = new Map(decks.map((d) => [foldCase(d.name), d]));
  const roots: Deck[] = [];
  for (const deck of decks) {
    const parentName = immediateParentName(deck.name);
    const parent = parentName ? byName.get(foldCase(parentName)) : undefined;
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), deck]);
    else roots.push(deck);
  }
  const out = new Map<DeckId, DeckDueCounts>();
  const visit = (deck: Deck): Capped => {
    const own = raw.get(deck.id) ?? { new: 0, intraday: 0, interday: 0, review: 0, total: 0 };
    const sums: Capped = { new: own.new, intraday: own.intraday, interday: own.interday, review: own.review };
    for (const child of children.get(deck.id) ?? []) {
      const c = visit(child);
      sums.new += c.new;
      sums.intraday += c.intraday;
      sums.interday += c.interday;
      sums.review += c.review;
    }
    const capped = capByLimits(sums, remainingLimits(col, deck, today));
    out.set(deck.id, {
      deckId: deck.id,
      name: baseName(deck.name),
      newCount: capped.new,
      learnCount: capped.intraday + capped.interday,
      reviewCount: capped.review,
      totalInDeck: own.total,
    });
    return capped;
  };
  roots.forEach(visit);
  if (defaultDeckIsHidden(col, roots, children)) out.delete(DEFAULT_DECK_ID);
  return out;
}

/** v3: intraday learning is unlimited; interday learning, then reviews, use up the review limit. */
function capByLimits(counts: Capped, limits: { new: number; review: number }): Capped {
  const interday = Math.min(counts.interday, limits.review);
  return {
    new: Math.min(counts.new, limits.new),
    intraday: counts.intraday,
    interday,
    review: Math.min(counts.review, limits.review - interday),
  };
}

const DEFAULT_DECK_ID = 1;

/** Anki's due tree leaves out an empty, childless Default deck unless it is the only deck. */
function defaultDeckIsHidden(col: Collection, roots: readonly Deck[], children: ReadonlyMap<DeckId, Deck[]>): boolean {
  if (children.get(DEFAULT_DECK_ID)?.length || roots.length <= 1) return false;
  if (!roots.some((d) => d.id === DEFAULT_DECK_ID)) return false;
  return col.prepare('SELECT 1 FROM cards WHERE did = ? LIMIT 1').get(DEFAULT_DECK_ID) === undefined;
}

/** Deck ids in due-tree order (parents before children, siblings by name). */
export function dueTreeOrder(col: Collection): DeckId[] {
  return decksInNameOrder(col).map((d) => d.id);
}
