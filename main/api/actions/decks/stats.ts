import type { Collection } from '../../../engine/collection';
import type { DeckId } from '../../../engine/model/types';
import { OrderedObject } from '../../json';
import { deckTreeCounts, type DeckTreeNode } from '../../../engine/scheduler/counts';

const DEFAULT_DECK_ID = 1;

export interface DeckStats {
  deck_id: DeckId;
  name: string;
  new_count: number;
  learn_count: number;
  review_count: number;
  total_in_deck: number;
}

/** Anki's due tree leaves out an empty, childless Default deck unless it is the only top-level deck. */
function withoutEmptyDefault(col: Collection, top: DeckTreeNode[]): DeckTreeNode[] {
  const index = top.findIndex((n) => n.deckId === DEFAULT_DECK_ID);
  const node = top[index];
  if (!node || node.children.length || top.length === 1) return top;
  const hasCards = col.prepare('SELECT 1 FROM cards WHERE did = ? LIMIT 1').get(DEFAULT_DECK_ID) !== undefined;
  return hasCards ? top : top.filter((_, i) => i !== index);
}

/**
 * getDeckStats' answer for the wanted decks: nodes of the scheduler's due tree,
 * in tree order (parents first), keyed by the deck id as a string. `name` is the
 * node's name: the last component of the deck name, as in Anki's DeckTreeNode.
 */
export function deckStats(col: Collection, wanted: ReadonlySet<DeckId>): OrderedObject {
  const out: [string, DeckStats][] = [];
  const visit = (nodes: readonly DeckTreeNode[]) => {
    for (const node of nodes) {
      if (wanted.has(node.deckId)) {
        out.push([String(node.deckId), {
          deck_id: node.deckId,
          name: node.name,
          new_count: node.new,
          learn_count: node.learn,
          review_count: node.review,
          total_in_deck: node.totalInDeck,
        }]);
      }
      visit(node.children);
    }
  };
  visit(withoutEmptyDefault(col, deckTreeCounts(col)));
  // Deck ids look like integers: keep tree order instead of JS's numeric key order.
  return new OrderedObject(out);
}
