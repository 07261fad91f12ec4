import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../collection';
import { ensureDeck } from '../decks/store';
import { notetypeByName } from '../notetypes/store';
import { addNote, addNotes, deleteNotes, duplicatesOf, noteById, updateNote } from '.';

let col: Collection;
const now = 1_750_000_000_000;

beforeEach(() => {
  col = Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-notes-')), 'c.sqlite'), { now: () => now });
});
afterEach(() => col.close());

const basic = () => notetypeByName(col, 'Basic')!;
const optional = () => notetypeByName(col, 'Basic (optional reversed card)')!;
const cards = (nid: number) =>
  col.prepare('SELECT ord, did, due, type, queue FROM cards WHERE nid = ? ORDER BY ord').all(nid) as {
    ord: number;
    did: number;
    due: number;
  }[];

describe('adding notes', () => {
  it('stores Anki’s columns: csum, sfld, tags with padding, guid, and one card per non-empty template', () => {
    const { noteId, cardIds } = addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['hello', 'world'], tags: ['b', 'a', 'A'] });
    const note = noteById(col, noteId)!;
    expect(note.csum).toBe(2868168221);
    expect(String(note.sfld)).toBe('hello');
    expect(note.tags).toBe(' a b ');
    expect(note.usn).toBe(-1);
    expect(note.id).toBe(now);
    expect(note.guid).toMatch(/^.{1,10}$/);
    expect(cardIds).toHaveLength(1);
  });

  it('refuses a note whose fronts are all empty, unless asked for Anki’s backend behaviour (card 1)', () => {
    expect(() => addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['', 'back'] })).toThrow('cannot create note because it is empty');
    expect(col.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    const { noteId } = addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['', 'back'], ensureCard: true });
    expect(cards(noteId).map((c) => c.ord)).toEqual([0]);
  });

  it('refuses a note for a missing deck and leaves nothing behind', () => {
    expect(() => addNote(col, { notetypeId: basic().id, deckId: 999, fields: ['a', 'b'] })).toThrow('deck not found: 999');
    expect(col.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });

  it('adds all or nothing in a batch', () => {
    expect(() =>
      addNotes(col, [
        { notetypeId: basic().id, deckId: 1, fields: ['one', ''] },
        { notetypeId: basic().id, deckId: 1, fields: ['two'] },
      ]),
    ).toThrow(/has 1 fields but notetype "Basic" has 2/);
    expect(col.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });

  it('gives all cards of a note the same new position and advances nextPos once per note', () => {
    const reversed = notetypeByName(col, 'Basic (and reversed card)')!;
    const first = addNote(col, { notetypeId: reversed.id, deckId: 1, fields: ['a', 'b'] });
    const second = addNote(col, { notetypeId: reversed.id, deckId: 1, fields: ['c', 'd'] });
    expect(cards(first.noteId).map((c) => c.due)).toEqual([1, 1]);
    expect(cards(second.noteId).map((c) => c.due)).toEqual([2, 2]);
  });

  it('finds duplicates by stripped first field within the notetype', () => {
    const { noteId } = addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['<b>cat</b>', 'x'] });
    expect(duplicatesOf(col, basic().id, 'cat')).toEqual([noteId]);
    expect(duplicatesOf(col, basic().id, 'dog')).toEqual([]);
  });
});

describe('editing notes', () => {
  it('generates cards for newly filled templates and never deletes cards', () => {
    const deck = ensureDeck(col, 'Lang::Words');
    const { noteId } = addNote(col, { notetypeId: optional().id, deckId: deck, fields: ['front', 'back', ''] });
    expect(cards(noteId).map((c) => c.ord)).toEqual([0]);
    const { newCardIds } = updateNote(col, noteId, { fields: ['front', 'back', 'y'] });
    expect(newCardIds).toHaveLength(1);
    expect(cards(noteId).map((c) => [c.ord, c.did])).toEqual([
      [0, deck],
      [1, deck],
    ]);
    updateNote(col, noteId, { fields: ['front', 'back', ''] });
    expect(cards(noteId).map((c) => c.ord)).toEqual([0, 1]);
  });

  it('recomputes sfld and csum and keeps existing tag casing', () => {
    addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['x', ''], tags: ['Verb'] });
    const { noteId } = addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['y', ''] });
    updateNote(col, noteId, { fields: ['aaa car', ''], tags: ['verb'] });
    const note = noteById(col, noteId)!;
    expect(note.csum).toBe(3578208024);
    expect(note.tags).toBe(' Verb ');
  });
});

describe('deleting notes', () => {
  it('removes notes and cards, keeps revlog, records graves', () => {
    const { noteId, cardIds } = addNote(col, { notetypeId: basic().id, deckId: 1, fields: ['a', 'b'] });
    col.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, 1, 0, 2500, 1000, 0)').run(now, cardIds[0]);
    expect(deleteNotes(col, [noteId, 12345])).toBe(1);
    expect(noteById(col, noteId)).toBeUndefined();
    expect(col.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(0);
    expect(col.prepare('SELECT count(*) FROM revlog').pluck().get()).toBe(1);
    expect(col.prepare('SELECT type FROM graves ORDER BY type').pluck().all()).toEqual([0, 1]);
  });
});
