import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { deckByName, ensureDeck } from '../../engine/decks/store';
import { createDeck, deleteDeck, reparentDeck, selectDeck, setDeckCollapsed, studyDeckTree } from './deck-ops';
import { deckOverview } from './overview';
import { addNotes, tempCollection } from './fixtures.testkit';

let col: Collection;

beforeEach(() => {
  col = tempCollection();
});
afterEach(() => col.close());

const names = () => studyDeckTree(col).flatMap(function walk(n): string[] {
  return [n.fullName, ...n.children.flatMap(walk)];
});

describe('deck browser operations', () => {
  it('lists the tree with rolled-up counts and hides an empty Default deck among others', () => {
    expect(names()).toEqual(['Default']);
    addNotes(col, 'Lang::Ja', ['a', 'b']);
    addNotes(col, 'Lang', ['c']);
    const [lang] = studyDeckTree(col);
    expect(lang).toMatchObject({ fullName: 'Lang', newCount: 3, totalCards: 3 });
    expect(lang!.children[0]).toMatchObject({ fullName: 'Lang::Ja', name: 'Ja', newCount: 2, totalCards: 2 });
    expect(names()).toEqual(['Lang', 'Lang::Ja']);
  });

  it('creates decks and refuses duplicates', () => {
    createDeck(col, 'Spanish');
    expect(() => createDeck(col, 'spanish')).toThrow('already exists');
    expect(() => createDeck(col, '  ')).toThrow('must not be empty');
  });

  it('re-parents under another deck and back to the top level, never into itself', () => {
    const a = ensureDeck(col, 'A');
    const b = ensureDeck(col, 'B::Child');
    const parentB = deckByName(col, 'B')!.id;
    reparentDeck(col, parentB, a);
    expect(deckByName(col, 'A::B::Child')?.id).toBe(b);
    expect(() => reparentDeck(col, a, b)).toThrow('into its own child');
    expect(() => reparentDeck(col, a, a)).toThrow('into itself');
    reparentDeck(col, b, null);
    expect(deckByName(col, 'Child')?.id).toBe(b);
  });

  it('deletes a deck with its cards, and persists collapse and the current deck', () => {
    addNotes(col, 'Gone::Sub', ['x']);
    const gone = deckByName(col, 'Gone')!.id;
    setDeckCollapsed(col, gone, true);
    expect(studyDeckTree(col).find((n) => n.id === gone)?.collapsed).toBe(true);
    selectDeck(col, gone);
    expect(col.getConfig('curDeck', 0)).toBe(gone);
    expect(deleteDeck(col, gone)).toBe(1);
    expect(deckByName(col, 'Gone::Sub')).toBeUndefined();
    expect(() => deleteDeck(col, gone)).toThrow('deck not found');
  });
});

describe('deck overview', () => {
  it('reports when the new-card limit holds cards back', () => {
    addNotes(col, 'Many', Array.from({ length: 25 }, (_, i) => `w${i}`));
    const overview = deckOverview(col, deckByName(col, 'Many')!.id);
    expect(overview.counts.newCount).toBe(20);
    expect(overview.unlimited.newCount).toBe(25);
    expect(overview.limitsReached).toEqual({ newLimit: true, reviewLimit: false });
    expect(overview).toMatchObject({ name: 'Many', totalCards: 25, studiedToday: 0, filtered: false });
  });
});
