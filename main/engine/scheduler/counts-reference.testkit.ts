/**
 * Test support: the deck tree counts as they were computed before the grouped
 * index counts (one pass summing conditions per card). Kept so the equivalence
 * test can check the fast counts give the same tree.
 */
import type { Collection } from '../collection';
import { decksInNameOrder } from '../decks/order';
import type { DeckId } from '../model/types';
import { capTo, remainingLimits, UNLIMITED, type RemainingLimits } from './limits';

/** Due counts for the deck browser (rslib decks/tree.rs, storage/deck/due_counts.sql). */

interface DeckCounts {
  new: number;
  learn: number;
  review: number;
}

interface DeckTreeNode extends DeckCounts {
  deckId: DeckId;
  /** Last name component. */
  name: string;
  /** 1 for top-level decks. */
  level: number;
  /** Cards in this deck itself. */
  totalInDeck: number;
  totalIncludingChildren: number;
  children: DeckTreeNode[];
}

interface RawCounts {
  new: number;
  review: number;
  interday: number;
  intraday: number;
  total: number;
}

function rawCounts(col: Collection, today: number, learnCutoff: number): Map<DeckId, RawCounts> {
  const rows = col
    .prepare(
      `SELECT did, sum(queue = 0) AS n, sum(queue = 2 AND due <= ?) AS r, sum(queue = 3 AND due <= ?) AS d,
         sum((queue = 1 AND due < ?) OR (queue = 4 AND due <= ?)) AS l, count(1) AS t
       FROM cards GROUP BY did`,
    )
    .all(today, today, learnCutoff, learnCutoff) as Array<{ did: number; n: number; r: number; d: number; l: number; t: number }>;
  return new Map(rows.map((r) => [r.did, { new: r.n, review: r.r, interday: r.d, intraday: r.l, total: r.t }]));
}

function capped(counts: RawCounts, limits: RemainingLimits): RawCounts {
  const out = { ...counts };
  out.interday = Math.min(out.interday, limits.review);
  let remainingReviews = Math.max(0, limits.review - out.interday);
  out.review = Math.min(out.review, remainingReviews);
  out.new = Math.min(out.new, limits.new);
  if (limits.capNewToReview) {
    remainingReviews = Math.max(0, remainingReviews - out.review);
    out.new = Math.min(out.new, remainingReviews);
  }
  return out;
}

interface Building {
  node: DeckTreeNode;
  raw: RawCounts;
  limits: RemainingLimits;
}

function sumAndCap(b: Building, parentLimits: RemainingLimits | undefined, children: Map<DeckId, Building[]>): RawCounts {
  const remaining = { ...b.limits };
  let forChildren = parentLimits;
  if (parentLimits) {
    capTo(remaining, parentLimits);
    forChildren = remaining;
  }
  const sum: RawCounts = { ...b.raw };
  let total = b.raw.total;
  for (const child of children.get(b.node.deckId) ?? []) {
    const c = sumAndCap(child, forChildren, children);
    sum.new += c.new;
    sum.review += c.review;
    sum.intraday += c.intraday;
    sum.interday += c.interday;
    sum.total += c.total;
    total += child.node.totalIncludingChildren;
  }
  const result = capped(sum, remaining);
  b.node.new = result.new;
  b.node.review = result.review;
  b.node.learn = result.intraday + result.interday;
  b.node.totalIncludingChildren = total;
  return result;
}

/**
 * The deck browser's tree with limited due counts, as Anki's deck_tree(now):
 * each deck's counts include its subdecks, capped by its own limits (and its
 * parents', with the applyAllParentLimits option). Returns the top-level decks.
 */
export function deckTreeCountsReference(col: Collection): DeckTreeNode[] {
  const timing = col.timing();
  const today = timing.daysElapsed;
  const raw = rawCounts(col, today, timing.now + col.getConfig<number>('collapseTime', 1200));
  const newIgnoresReviewLimit = col.getConfig<boolean>('newCardsIgnoreReviewLimit', false) === true;
  const applyAllParentLimits = col.getConfig<boolean>('applyAllParentLimits', false) === true;
  const empty: RawCounts = { new: 0, review: 0, interday: 0, intraday: 0, total: 0 };

  const root: Building = {
    node: { deckId: 0, name: '', level: 0, new: 0, learn: 0, review: 0, totalInDeck: 0, totalIncludingChildren: 0, children: [] },
    raw: empty,
    limits: { ...UNLIMITED },
  };
  const children = new Map<DeckId, Building[]>();
  const stack: Building[] = [root];
  for (const deck of decksInNameOrder(col)) {
    const parts = deck.name.split('::');
    const level = Math.min(parts.length, 99);
    while (stack.length > 1 && stack[stack.length - 1]!.node.level >= level) stack.pop();
    const parent = stack[stack.length - 1]!;
    if (parent.node.level !== level - 1) continue;
    const counts = raw.get(deck.id) ?? empty;
    const building: Building = {
      node: { deckId: deck.id, name: parts[parts.length - 1]!, level, new: 0, learn: 0, review: 0, totalInDeck: counts.total, totalIncludingChildren: 0, children: [] },
      raw: counts,
      limits: remainingLimits(col, deck, today, newIgnoresReviewLimit),
    };
    parent.node.children.push(building.node);
    const list = children.get(parent.node.deckId) ?? [];
    list.push(building);
    children.set(parent.node.deckId, list);
    stack.push(building);
  }
  sumAndCap(root, applyAllParentLimits ? { ...UNLIMITED } : undefined, children);
  return root.node.children;
}

