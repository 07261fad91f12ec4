import type { Collection } from '../collection';
import { decksInNameOrder } from '../decks/order';
import { deckById } from '../decks/store';
import { EngineError } from '../errors';
import type { DeckId } from '../model/types';
import { unburyIfDayRolledOver } from './bury';
import { capTo, remainingLimits, UNLIMITED, type RemainingLimits } from './limits';
import { studyCounts } from './queue';

/** Due counts for the deck browser (rslib decks/tree.rs, storage/deck/due_counts.sql). */

export interface DeckCounts {
  new: number;
  learn: number;
  review: number;
}

export interface DeckTreeNode extends DeckCounts {
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

const EMPTY: RawCounts = { new: 0, review: 0, interday: 0, intraday: 0, total: 0 };

/**
 * Each deck's own counts from the ix_cards_sched (did, queue, due) index: one
 * grouped count per (deck, queue) for totals and new cards, and index range
 * counts for what is due (storage/deck/due_counts.sql gives the same numbers).
 */
function rawCounts(col: Collection, today: number, learnCutoff: number): Map<DeckId, RawCounts> {
  const out = new Map<DeckId, RawCounts>();
  const of = (did: DeckId) => {
    let counts = out.get(did);
    if (!counts) out.set(did, (counts = { ...EMPTY }));
    return counts;
  };
  const grouped = (sql: string, ...params: number[]) => col.prepare(sql).all(...params) as Array<{ did: number; queue: number; n: number }>;
  for (const row of grouped('SELECT did, queue, count() AS n FROM cards GROUP BY did, queue')) {
    const counts = of(row.did);
    counts.total += row.n;
    if (row.queue === 0) counts.new += row.n;
  }
  const decks = 'did IN (SELECT id FROM decks)';
  for (const row of grouped(`SELECT did, queue, count() AS n FROM cards WHERE ${decks} AND queue IN (2, 3) AND due <= ? GROUP BY did, queue`, today)) {
    if (row.queue === 2) of(row.did).review += row.n;
    else of(row.did).interday += row.n;
  }
  for (const row of grouped(`SELECT did, 1 AS queue, count() AS n FROM cards WHERE ${decks} AND queue = 1 AND due < ? GROUP BY did`, learnCutoff)) {
    of(row.did).intraday += row.n;
  }
  for (const row of grouped(`SELECT did, 4 AS queue, count() AS n FROM cards WHERE ${decks} AND queue = 4 AND due <= ? GROUP BY did`, learnCutoff)) {
    of(row.did).intraday += row.n;
  }
  return out;
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
export function deckTreeCounts(col: Collection): DeckTreeNode[] {
  unburyIfDayRolledOver(col);
  const timing = col.timing();
  const today = timing.daysElapsed;
  const raw = rawCounts(col, today, timing.now + col.getConfig<number>('collapseTime', 1200));
  const newIgnoresReviewLimit = col.getConfig<boolean>('newCardsIgnoreReviewLimit', false) === true;
  const applyAllParentLimits = col.getConfig<boolean>('applyAllParentLimits', false) === true;

  const root: Building = {
    node: { deckId: 0, name: '', level: 0, new: 0, learn: 0, review: 0, totalInDeck: 0, totalIncludingChildren: 0, children: [] },
    raw: EMPTY,
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
    const counts = raw.get(deck.id) ?? EMPTY;
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

function findNode(nodes: readonly DeckTreeNode[], deckId: DeckId): DeckTreeNode | undefined {
  for (const node of nodes) {
    if (node.deckId === deckId) return node;
    const found = findNode(node.children, deckId);
    if (found) return found;
  }
  return undefined;
}

/** A deck's counts as the deck browser shows them. */
export function deckBrowserCounts(col: Collection, deckId: DeckId): DeckCounts {
  const node = findNode(deckTreeCounts(col), deckId);
  if (!node) throw new EngineError('not-found', `deck not found: ${deckId}`);
  return { new: node.new, learn: node.learn, review: node.review };
}

/**
 * A deck's counts on its study screen (the v3 queue: limits per deck and
 * parent, siblings buried while gathering, learning within the learn-ahead limit).
 */
export function deckCounts(col: Collection, deckId: DeckId): DeckCounts {
  if (!deckById(col, deckId)) throw new EngineError('not-found', `deck not found: ${deckId}`);
  return studyCounts(col, deckId);
}
