import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../engine/collection';
import { ensureDeck } from '../../../engine/decks/store';
import { noteById, noteFields, noteTags } from '../../../engine/notes';
import { addBasic, cardsOf, tempCollection } from '../testing/collection';
import { changeDeck, changeTags, deleteSelected, forget, reposition, selectedCardIds, selectedNoteIds, setFlag, setSuspended } from './bulk';
import { findAndReplace } from './find-replace';

let col: Collection;
let a: number;
let b: number;

beforeEach(() => {
  col = tempCollection();
  a = addBasic(col, 'Cat', 'a small cat', { tags: ['animal'] });
  b = addBasic(col, 'Dog', 'a big DOG', { tags: ['animal', 'loud'] });
});
afterEach(() => col.close());

const cardOf = (nid: number) => cardsOf(col, nid)[0]!;
const notes = (...ids: number[]) => ({ mode: 'notes' as const, ids });
const cards = (...ids: number[]) => ({ mode: 'cards' as const, ids });

describe('browser bulk actions', () => {
  it('converts selections between cards and notes', () => {
    expect(selectedNoteIds(col, cards(cardOf(a).id))).toEqual([a]);
    expect(selectedCardIds(col, notes(a, b)).sort()).toEqual([cardOf(a).id, cardOf(b).id].sort());
  });

  it('moves cards, tags notes, suspends and flags cards', () => {
    const deck = ensureDeck(col, 'Animals');
    expect(changeDeck(col, notes(a), deck)).toBe(1);
    expect(cardOf(a).did).toBe(deck);
    expect(changeTags(col, cards(cardOf(a).id), 'pet', false)).toBe(1);
    expect(noteTags(noteById(col, a)!)).toEqual(['animal', 'pet']);
    expect(changeTags(col, notes(a, b), 'animal', true)).toBe(2);
    expect(setSuspended(col, notes(b), true)).toBe(1);
    expect(cardOf(b).queue).toBe(-1);
    expect(setSuspended(col, notes(b), false)).toBe(1);
    expect(setFlag(col, cards(cardOf(b).id), 3)).toBe(1);
    expect(cardOf(b).flags & 7).toBe(3);
    expect(() => setFlag(col, notes(b), 1)).toThrow(/cards mode/);
  });

  it('repositions and forgets cards, and deletes notes', () => {
    expect(reposition(col, cards(cardOf(b).id, cardOf(a).id), { start: 10, step: 5, randomize: false, shift: false })).toBe(2);
    expect([cardOf(b).due, cardOf(a).due]).toEqual([10, 15]);
    expect(() => reposition(col, notes(a), { start: -1, step: 1, randomize: false, shift: false })).toThrow(/start/);
    col.prepare('UPDATE cards SET type = 2, queue = 2, ivl = 5, due = 3, reps = 4 WHERE nid = ?').run(a);
    expect(forget(col, notes(a), false, true)).toBe(1);
    expect(cardOf(a).type).toBe(0);
    expect(deleteSelected(col, cards(cardOf(a).id))).toBe(1);
    expect(noteById(col, a)).toBeUndefined();
  });
});

describe('find and replace', () => {
  it('replaces literal text case-insensitively in every field by default', () => {
    expect(findAndReplace(col, { selection: null, search: 'dog', replacement: 'wolf$1', regex: false, matchCase: false, field: null })).toBe(1);
    expect(noteFields(noteById(col, b)!)).toEqual(['wolf$1', 'a big wolf$1']);
  });

  it('honours case, a chosen field and regex groups', () => {
    expect(findAndReplace(col, { selection: notes(a, b), search: 'dog', replacement: 'x', regex: false, matchCase: true, field: null })).toBe(0);
    expect(findAndReplace(col, { selection: notes(a, b), search: 'a (\\w+) (\\w+)', replacement: '$2 is $1', regex: true, matchCase: false, field: 'Back' })).toBe(2);
    expect(noteFields(noteById(col, a)!)).toEqual(['Cat', 'cat is small']);
    expect(() => findAndReplace(col, { selection: null, search: '(', replacement: '', regex: true, matchCase: false, field: null })).toThrow(/regular expression/);
  });

  it('replaces in tags', () => {
    expect(findAndReplace(col, { selection: cards(cardOf(b).id), search: 'loud', replacement: 'noisy', regex: false, matchCase: false, field: '__tags__' })).toBe(1);
    expect(noteTags(noteById(col, b)!)).toEqual(['animal', 'noisy']);
  });
});

describe('find and replace patterns', () => {
  it('treats every character literally outside regex mode', () => {
    addBasic(col, 'a-b (c) [d] 1+1 $x', '');
    expect(findAndReplace(col, { selection: null, search: 'a-b (c) [d] 1+1 $x', replacement: 'ok', regex: false, matchCase: true, field: 'Front' })).toBe(1);
  });
});
