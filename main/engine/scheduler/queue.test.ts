import { describe, expect, it } from 'vitest';
import { deckById, ensureDeck, saveDeck } from '../decks/store';
import { answerCard } from './answer-card';
import { deckBrowserCounts, deckCounts, deckTreeCounts } from './counts';
import { intersperse, nextCard } from './queue';
import { addNote, addPreset, deckWithPreset, editPreset, START_MS, testCollection, TODAY } from './unit.testkit';

const NOW = START_MS / 1000;
const review = (deckId: number, due = TODAY) => ({ deckId, type: 2, queue: 2, ivl: 5, factor: 2500, due });

describe('study queue', () => {
  it('shows due learning first, then reviews and new cards, then learning within the learn-ahead limit', () => {
    const { col } = testCollection();
    const [soon] = addNote(col, [{ type: 1, queue: 1, due: NOW + 600, left: 1, reps: 1 }]);
    const [due] = addNote(col, [{ type: 1, queue: 1, due: NOW - 10, left: 1, reps: 1 }]);
    const [rev] = addNote(col, [review(1)]);
    const [fresh] = addNote(col, [{}]);
    addNote(col, [{ type: 1, queue: 1, due: NOW + 5000, left: 1, reps: 1 }]); // beyond 20 minutes
    expect(deckCounts(col, 1)).toEqual({ new: 1, learn: 2, review: 1 });
    expect(nextCard(col, 1)?.cardId).toBe(due!.id);
    answerCard(col, due!.id, 4, { fuzz: false });
    // new cards are spread among reviews (one of each: review first)
    expect(nextCard(col, 1)).toEqual({ cardId: rev!.id, kind: 'review' });
    answerCard(col, rev!.id, 3, { fuzz: false });
    expect(nextCard(col, 1)).toEqual({ cardId: fresh!.id, kind: 'new' });
    answerCard(col, fresh!.id, 4, { fuzz: false });
    // only the learn-ahead card is left
    expect(nextCard(col, 1)).toEqual({ cardId: soon!.id, kind: 'learning' });
  });

  it('applies new and review limits per deck and through parents', () => {
    const { col } = testCollection();
    const small = addPreset(col, (c) => {
      c.new.perDay = 2;
      c.rev.perDay = 3;
    });
    const parent = deckWithPreset(col, 'Parent', small);
    const child = deckWithPreset(col, 'Parent::Child', 1);
    for (let i = 0; i < 5; i++) addNote(col, [{ deckId: child, due: i }]);
    for (let i = 0; i < 5; i++) addNote(col, [review(child)]);
    // the child alone: Default's 20/200
    expect(deckCounts(col, child)).toEqual({ new: 5, learn: 0, review: 5 });
    // from the parent, its limits cap everything below it
    expect(deckCounts(col, parent)).toEqual({ new: 0, learn: 0, review: 3 });
    // new cards also use up the review limit, so 3 reviews leave none for new cards
    editPreset(col, (c) => (c.rev.perDay = 10), small);
    expect(deckCounts(col, parent)).toEqual({ new: 2, learn: 0, review: 5 });
    col.setConfig('newCardsIgnoreReviewLimit', false);
    editPreset(col, (c) => (c.rev.perDay = 6), small);
    expect(deckCounts(col, parent)).toEqual({ new: 1, learn: 0, review: 5 });
  });

  it('subtracts what was studied today and honours deck-level limit overrides', () => {
    const { col } = testCollection();
    for (let i = 0; i < 6; i++) addNote(col, [{ due: i }]);
    const deck = deckById(col, 1)!;
    col.transact(() => saveDeck(col, { ...deck, newToday: [TODAY, 18], newLimitToday: { limit: 25, today: TODAY } }));
    expect(deckCounts(col, 1).new).toBe(6); // 25 − 18 = 7 left
    col.transact(() => saveDeck(col, { ...deckById(col, 1)!, newLimitToday: null, newLimit: 19 }));
    expect(deckCounts(col, 1).new).toBe(1);
  });

  it('skips siblings of a card already gathered when burying is on', () => {
    const { col } = testCollection();
    editPreset(col, (c) => (c.new.bury = true));
    addNote(col, [{ due: 1 }, { due: 1 }]);
    expect(deckCounts(col, 1).new).toBe(1);
  });

  it('intersperses evenly', () => {
    expect(intersperse(['r1', 'r2', 'r3', 'r4'], ['n1', 'n2'])).toEqual(['r1', 'n1', 'r2', 'r3', 'n2', 'r4']);
    expect(intersperse(['r1'], [])).toEqual(['r1']);
    expect(intersperse([], ['n1', 'n2'])).toEqual(['n1', 'n2']);
  });
});

describe('deck browser counts', () => {
  it('sums subdecks, capping each deck by its own limits', () => {
    const { col } = testCollection();
    const small = addPreset(col, (c) => (c.new.perDay = 3));
    const parent = deckWithPreset(col, 'P', small);
    const child = ensureDeck(col, 'P::C');
    for (let i = 0; i < 5; i++) addNote(col, [{ deckId: child, due: i }]);
    addNote(col, [{ deckId: child, type: 3, queue: 3, due: TODAY, ivl: 2, factor: 2500, left: 1 }]);
    addNote(col, [{ deckId: parent, type: 1, queue: 1, due: NOW + 100, left: 1 }]);
    addNote(col, [{ deckId: parent, type: 1, queue: 1, due: NOW + 2000, left: 1 }]);
    const tree = deckTreeCounts(col);
    const p = tree.find((n) => n.deckId === parent)!;
    expect(p).toMatchObject({ name: 'P', level: 1, new: 3, learn: 2, review: 0, totalInDeck: 2, totalIncludingChildren: 8 });
    expect(p.children[0]).toMatchObject({ name: 'C', new: 5, learn: 1, review: 0 });
    expect(deckBrowserCounts(col, child)).toEqual({ new: 5, learn: 1, review: 0 });
  });

  it('unburies yesterday’s buried cards first', () => {
    const { col, advance } = testCollection();
    col.setConfig('lastUnburied', TODAY);
    const [a] = addNote(col, [{ queue: -3 }]);
    expect(deckTreeCounts(col).find((n) => n.deckId === 1)?.new).toBe(0);
    advance(86_400);
    expect(deckTreeCounts(col).find((n) => n.deckId === 1)?.new).toBe(1);
    expect(col.getConfig('lastUnburied', 0)).toBe(TODAY + 1);
    expect(a).toBeDefined();
  });
});
