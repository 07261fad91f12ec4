import type { Collection } from '../../engine/collection';
import type { DeckTreeNode } from '../../../shared/bridge';
import { allDecks } from '../../engine/decks/store';
import { compareIgnoringCase, foldCase } from '../../engine/text/fold';
import { baseName, immediateParentName } from '../../engine/decks/name';

interface Counts {
  newCount: number;
  learnCount: number;
  reviewCount: number;
  totalCards: number;
}

/** Raw per-deck counts (no daily limits); the scheduler's limited counts replace these when available. */
function countsByDeck(col: Collection): Map<number, Counts> {
  const { daysElapsed, now } = col.timing();
  const learnAhead = now + col.getConfig<number>('collapseTime', 1200);
  const rows = col
    .prepare(
      `SELECT did,
         sum(queue = 0) AS n,
         sum((queue = 1 AND due <= ?) OR (queue = 3 AND due <= ?)) AS l,
         sum(queue = 2 AND due <= ?) AS r,
         count(*) AS t
       FROM cards GROUP BY did`,
    )
    .all(learnAhead, daysElapsed, daysElapsed) as { did: number; n: number; l: number; r: number; t: number }[];
  return new Map(rows.map((r) => [r.did, { newCount: r.n, learnCount: r.l, reviewCount: r.r, totalCards: r.t }]));
}

/** The deck browser's tree, children sorted case-insensitively, counts rolled up into parents. */
export function deckTree(col: Collection): DeckTreeNode[] {
  const counts = countsByDeck(col);
  const decks = [...allDecks(col)].sort((a, b) => compareIgnoringCase(a.name, b.name));
  const byName = new Map<string, DeckTreeNode>();
  const roots: DeckTreeNode[] = [];
  for (const deck of decks) {
    const own = counts.get(deck.id) ?? { newCount: 0, learnCount: 0, reviewCount: 0, totalCards: 0 };
    const node: DeckTreeNode = {
      id: deck.id,
      name: baseName(deck.name),
      fullName: deck.name,
      collapsed: deck.collapsed,
      filtered: deck.dyn === 1,
      ...own,
      children: [],
    };
    byName.set(foldCase(deck.name), node);
    const parentName = immediateParentName(deck.name);
    const parent = parentName ? byName.get(foldCase(parentName)) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const rollUp = (node: DeckTreeNode): Counts => {
    for (const child of node.children) {
      const c = rollUp(child);
      node.newCount += c.newCount;
      node.learnCount += c.learnCount;
      node.reviewCount += c.reviewCount;
      node.totalCards += c.totalCards;
    }
    return node;
  };
  roots.forEach(rollUp);
  return roots;
}
