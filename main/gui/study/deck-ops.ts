import type { Collection } from '../../engine/collection';
import type { DeckTreeNode } from '../../../shared/bridge';
import type { Deck, DeckId } from '../../engine/model/types';
import { EngineError } from '../../engine/errors';
import { deckTree, type DeckCountsNode } from './scheduler-port';
import { deckAndChildren, deckById, deckByName, ensureDeck, renameDeck, requireDeck, saveDeck } from '../../engine/decks/store';
import { baseName, immediateParentName, normalizeDeckName, DECK_SEPARATOR } from '../../engine/decks/name';
import { removeDecksAndChildren } from '../../engine/decks/delete';

const DEFAULT_DECK_ID = 1;

/** Anki's deck list leaves out the Default deck when it is empty, has no children and other decks exist. */
function hideDefault(col: Collection, roots: readonly DeckCountsNode[]): boolean {
  const node = roots.find((n) => n.deckId === DEFAULT_DECK_ID);
  if (!node || roots.length < 2 || node.children.length) return false;
  return col.prepare('SELECT 1 FROM cards WHERE did = ? LIMIT 1').get(DEFAULT_DECK_ID) === undefined;
}

/** The deck browser's tree in Anki's order, with the scheduler's limited due counts. */
export function studyDeckTree(col: Collection): DeckTreeNode[] {
  const roots = deckTree(col);
  const convert = (node: DeckCountsNode): DeckTreeNode => {
    const deck = deckById(col, node.deckId);
    return {
      id: node.deckId,
      name: node.name,
      fullName: deck?.name ?? node.name,
      collapsed: deck?.collapsed ?? false,
      filtered: deck?.dyn === 1,
      newCount: node.counts.newCount,
      learnCount: node.counts.learnCount,
      reviewCount: node.counts.reviewCount,
      totalCards: node.totalIncludingChildren,
      children: node.children.map(convert),
    };
  };
  const hidden = hideDefault(col, roots);
  return roots.filter((n) => !(hidden && n.deckId === DEFAULT_DECK_ID)).map(convert);
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
