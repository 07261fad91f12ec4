import type { Collection } from '../collection';
import { deckConfigById } from '../deckconfig/store';
import type { Deck, DeckId } from '../model/types';
import { schedulingConfig } from './config';
import { newReviewStudied } from './deck-stats';

/** Daily limits across the deck tree (rslib decks/limits.rs), v3 semantics. */

export interface RemainingLimits {
  review: number;
  new: number;
  capNewToReview: boolean;
}

export const UNLIMITED: RemainingLimits = { review: 9999, new: 9999, capNewToReview: false };

function dayLimit(value: unknown, today: number): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { limit, today: day } = value as { limit?: unknown; today?: unknown };
  return day === today && typeof limit === 'number' ? limit : undefined;
}

function plainLimit(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** What is left of a deck's own limits today (before its parents are considered). */
export function remainingLimits(col: Collection, deck: Deck, today: number, newIgnoresReviewLimit: boolean): RemainingLimits {
  if (deck.dyn === 1) return { ...UNLIMITED };
  const preset = deckConfigById(col, deck.conf ?? 1);
  if (!preset) return { ...UNLIMITED };
  const config = schedulingConfig(preset);
  let review = dayLimit(deck.reviewLimitToday, today) ?? plainLimit(deck.reviewLimit) ?? config.reviewsPerDay;
  let fresh = dayLimit(deck.newLimitToday, today) ?? plainLimit(deck.newLimit) ?? config.newPerDay;
  const [newStudied, reviewStudied] = newReviewStudied(deck, today);
  review -= reviewStudied;
  fresh -= newStudied;
  if (!newIgnoresReviewLimit) {
    review -= newStudied;
    fresh = Math.min(fresh, review);
  }
  return { review: Math.max(0, review), new: Math.max(0, fresh), capNewToReview: !newIgnoresReviewLimit };
}

export function capTo(limits: RemainingLimits, cap: RemainingLimits): void {
  limits.review = Math.min(limits.review, cap.review);
  limits.new = Math.min(limits.new, cap.new);
}

interface Node {
  deckId: DeckId;
  level: number;
  limits: RemainingLimits;
  parent: Node | undefined;
  children: Node[];
}

export type LimitKind = 'review' | 'new';

/**
 * The remaining limits of the decks being studied, as a tree: a child never has
 * more left than its parent, and taking a card uses up its deck's and all its
 * ancestors' limits.
 */
export class LimitTree {
  private readonly nodes = new Map<DeckId, Node>();
  private readonly root: Node;

  /** `decks` in name order, the tree's root first. */
  constructor(col: Collection, decks: readonly Deck[], today: number, newIgnoresReviewLimit: boolean) {
    const first = decks[0]!;
    const level = (deck: Deck) => deck.name.split('::').length;
    this.root = { deckId: first.id, level: level(first), limits: remainingLimits(col, first, today, newIgnoresReviewLimit), parent: undefined, children: [] };
    this.nodes.set(first.id, this.root);
    const stack: Node[] = [this.root];
    for (const deck of decks.slice(1)) {
      const depth = level(deck);
      while (stack.length && stack[stack.length - 1]!.level >= depth) stack.pop();
      const parent = stack[stack.length - 1];
      // An immediate parent missing from the list: skipped until Check Database fixes it.
      if (!parent || parent.level !== depth - 1) continue;
      const limits = remainingLimits(col, deck, today, newIgnoresReviewLimit);
      capTo(limits, parent.limits);
      const node: Node = { deckId: deck.id, level: depth, limits, parent, children: [] };
      parent.children.push(node);
      this.nodes.set(deck.id, node);
      stack.push(node);
    }
  }

  rootLimitReached(kind: LimitKind): boolean {
    return this.root.limits[kind] === 0;
  }

  limitReached(deckId: DeckId, kind: LimitKind): boolean {
    const node = this.nodes.get(deckId);
    return node ? node.limits[kind] === 0 : true;
  }

  has(deckId: DeckId): boolean {
    return this.nodes.has(deckId);
  }

  decrement(deckId: DeckId, kind: LimitKind): void {
    for (let node = this.nodes.get(deckId); node; node = node.parent) {
      const before = { ...node.limits };
      if (kind === 'review') {
        node.limits.review = Math.max(0, node.limits.review - 1);
        if (node.limits.capNewToReview) node.limits.new = Math.min(node.limits.new, node.limits.review);
      } else {
        node.limits.new = Math.max(0, node.limits.new - 1);
      }
      const reachedZero = (before.review > 0 && node.limits.review === 0) || (before.new > 0 && node.limits.new === 0);
      if (reachedZero) capDescendants(node, node.limits);
    }
  }
}

function capDescendants(node: Node, limits: RemainingLimits): void {
  capTo(node.limits, limits);
  for (const child of node.children) capDescendants(child, limits);
}
