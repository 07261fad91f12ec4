import type { Collection } from '../collection';
import type { Deck } from '../model/types';
import { foldCase } from '../text/fold';
import { allDecks } from './store';
import { DECK_SEPARATOR } from './name';

/**
 * Anki lists decks with `ORDER BY name` on the stored (native) names, whose
 * components are joined by \x1f under a case-insensitive collation: so a
 * parent sorts directly before its children ("A", "A::B", "A B").
 */
function nameOrderKey(name: string): string {
  return foldCase(name).split(DECK_SEPARATOR).join('\x1f');
}

export function decksInNameOrder(col: Collection): Deck[] {
  const keyed = allDecks(col).map((deck) => ({ deck, key: nameOrderKey(deck.name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.deck.name < b.deck.name ? -1 : 1));
  return keyed.map((k) => k.deck);
}
