import type { Collection } from '../collection';
import type { DeckId } from '../model/types';
import { deckTreeCounts, type DeckTreeNode } from '../scheduler/counts';
import { decksInNameOrder } from './order';

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

/** Every deck's limited due counts (children included), from the scheduler's deck tree. */
export function deckDueCounts(col: Collection): Map<DeckId, DeckDueCounts> {
  const out = new Map<DeckId, DeckDueCounts>();
  const visit = (nodes: readonly DeckTreeNode[]) => {
    for (const node of nodes) {
      out.set(node.deckId, {
        deckId: node.deckId,
        name: node.name,
        newCount: node.new,
        learnCount: node.learn,
        reviewCount: node.review,
        totalInDeck: node.totalInDeck,
      });
      visit(node.children);
    }
  };
  visit(deckTreeCounts(col));
  return out;
}

/** Deck ids in due-tree order (parents before children, siblings by name). */
export function dueTreeOrder(col: Collection): DeckId[] {
  return decksInNameOrder(col).map((d) => d.id);
}
