import type { Collection } from '../../engine/collection';
import type { DeckTreeNode } from '../../../shared/bridge';
import type { Deck, DeckId } from '../../engine/model/types';
import { EngineError } from '../../engine/errors';
import { deckDueCounts } from '../../engine/decks/counts';
import { deckAndChildren, ensureDeck, renameDeck, requireDeck, saveDeck, deckByName } from '../../engine/decks/store';
import { decksInNameOrder } from '../../engine/decks/order';
import { baseName, immediateParentName, normalizeDeckName, DECK_SEPARATOR } from '../../engine/decks/name';
import { removeDecksAndChildren } from '../../engine/decks/delete';
import { foldCase } from '../../engine/text/fold';

/** Cards per deck (own cards only). */
function totalsByDeck(col: Collection): Map<DeckId, number> {
  const rows = col.prepare('SELECT did, count(*) AS n FROM cards GROUP BY did').all() as { did: number; n: number }[];
  return new Map(rows.map((r) => [r.did, r.n]));
}

/**
 * The deck browser's tree in Anki's order, with the due counts the scheduler's deck list
 * shows (children rolled up, daily limits applied). Anki hides an empty Default deck.
 */
export function studyDeckTree(col: Collection): DeckTreeNode[] {
  const counts = deckDueCounts(col);
  const totals = totalsByDeck(col);
  const byName = new Map<string, DeckTreeNode>();
  const roots: DeckTreeNode[] = [];
  for (const deck of decksInNameOrder(col)) {
    const due = counts.get(deck.id);
    if (!due) continue;
    const node: DeckTreeNode = {
      id: deck.id,
      name: baseName(deck.name),
      fullName: deck.name,
      collapsed: deck.collapsed,
      filtered: deck.dyn === 1,
      newCount: due.newCount,
      learnCount: due.learnCount,
      reviewCount: due.reviewCount,
      totalCards: totals.get(deck.id) ?? 0,
      children: [],
    };
    byName.set(foldCase(deck.name), node);
    const parentName = immediateParentName(deck.name);
    const parent = parentName ? byName.get(foldCase(parentName)) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const addTotals = (node: DeckTreeNode): number => {
    node.totalCards += node.children.reduce((sum, child) => sum + addTotals(child), 0);
    return node.totalCards;
  };
  roots.forEach(addTotals);
  return roots;
}

export function createDeck(col: Collection, name: string): DeckId {
  const normalized = normalizeDeckName(name);
  if (deckByName(col, normalized)) throw new EngineError('exists', `a deck named "${normalized}" already exists`);
  return ensureDeck(col, normalized);
}

export function renameDeckTo(col: Collection, id: DeckId, name: string): void {
  renameDeck(col, id, name);
}

/** Drag and drop: the deck keeps its own name and moves under `parentId` (null = top level). */
export function reparentDeck(col: Collection, id: DeckId, parentId: DeckId | null): void {
  const deck = requireDeck(col, id);
  if (parentId === id) throw new EngineError('invalid', 'a deck cannot be moved into itself');
  const own = baseName(deck.name);
  if (parentId === null) {
    if (!immediateParentName(deck.name)) return;
    renameDeck(col, id, own);
    return;
  }
  const parent = requireDeck(col, parentId);
  if (parent.dyn) throw new EngineError('invalid', `decks cannot be placed inside the filtered deck "${parent.name}"`);
  if (deckAndChildren(col, id).some((d) => d.id === parentId)) {
    throw new EngineError('invalid', `cannot move deck "${deck.name}" into its own child`);
  }
  renameDeck(col, id, `${parent.name}${DECK_SEPARATOR}${own}`);
}

export function deleteDeck(col: Collection, id: DeckId): number {
  requireDeck(col, id);
  return removeDecksAndChildren(col, [id]);
}

export function setDeckCollapsed(col: Collection, id: DeckId, collapsed: boolean): void {
  const deck: Deck = requireDeck(col, id);
  if (deck.collapsed === collapsed) return;
  col.transact(() => saveDeck(col, { ...deck, collapsed }));
}

/** The deck the study screens act on (Anki's "current deck"). */
export function selectDeck(col: Collection, id: DeckId): void {
  requireDeck(col, id);
  if (col.getConfig<number>('curDeck', 1) === id) return;
  col.transact(() => {
    col.setConfig('curDeck', id);
    col.setConfig('activeDecks', deckAndChildren(col, id).map((d) => d.id));
  });
}
