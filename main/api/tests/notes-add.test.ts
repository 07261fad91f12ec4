/** addNote / canAddNote*: validation order, exact error texts, field and name matching, duplicate rules. */
import { describe, expect, it } from 'vitest';
import { basicNote, scalar, useServer, type NoteObject } from './notes-helpers';

const { server, col } = useServer();

const DUPLICATE = 'cannot create note because it is a duplicate';
const EMPTY = 'cannot create note because it is empty';
const UNKNOWN = 'cannot create note for unknown reason';

async function addError(note: unknown): Promise<string | null> {
  return (await server().envelope('addNote', { note })).error;
}
async function add(note: NoteObject): Promise<number> {
  return server().call<number>('addNote', { note });
}
const noteCount = () => scalar(col(), 'SELECT count(*) FROM notes');

describe('addNote: errors, in the add-on order, with its texts', () => {
  it('unknown model, then unknown deck (never created)', async () => {
    expect(await addError(basicNote('a', 'b', { modelName: 'Nope', deckName: 'Nope' }))).toBe('model was not found: Nope');
    expect(await addError(basicNote('a', 'b', { deckName: 'Nope' }))).toBe('deck was not found: Nope');
    expect(await server().call('deckNames')).toEqual(['Default']);
    expect(noteCount()).toBe(0);
  });

  it('missing keys give the KeyError text', async () => {
    expect(await addError({ deckName: 'Default', fields: {} })).toBe("'modelName'");
    expect(await addError({ modelName: 'Basic', fields: {} })).toBe("'deckName'");
    expect(await addError({ modelName: 'Basic', deckName: 'Default' })).toBe("'fields'");
  });

  it('wrong types are reported, naming the problem', async () => {
    expect(await addError('note')).toBe("string indices must be integers, not 'str'");
    expect(await addError(null)).toBe("'NoneType' object is not subscriptable");
    expect(await addError({ ...basicNote('a'), fields: ['a', 'b'] })).toBe("'list' object has no attribute 'items'");
    expect(await addError({ ...basicNote('a'), fields: { Front: 5 } })).toBe('field "Front" must be a string, got an integer');
    expect(await addError({ ...basicNote('a'), tags: [1] })).toBe('Must provide tags as a list of strings');
    expect((await server().envelope('addNote', {})).error).toBe(
      "AnkiConnect.addNote() missing 1 required positional argument: 'note'",
    );
    expect((await server().envelope('addNote', { note: basicNote('a'), extra: 1 })).error).toBe(
      "AnkiConnect.addNote() got an unexpected keyword argument 'extra'",
    );
    expect(noteCount()).toBe(0);
  });

  it('option flags must be booleans', async () => {
    const withOptions = (options: Record<string, unknown>) => basicNote('a', 'b', { options });
    expect(await addError(withOptions({ allowDuplicate: 'yes' }))).toBe('option parameter "allowDuplicate" must be boolean');
    expect(await addError(withOptions({ duplicateScopeOptions: { checkChildren: 1 } }))).toBe(
      'option parameter "duplicateScopeOptions.checkChildren" must be boolean',
    );
    expect(await addError(withOptions({ duplicateScopeOptions: { checkAllModels: null } }))).toBe(
      'option parameter "duplicateScopeOptions.checkAllModels" must be boolean',
    );
    expect(noteCount()).toBe(0);
  });

  it('an empty first field is refused, even with allowDuplicate', async () => {
    for (const front of ['', '   ', '<br>', '<div> </div>']) {
      expect(await addError(basicNote(front, 'back', { options: { allowDuplicate: true } }))).toBe(EMPTY);
    }
    expect(await addError(basicNote('', 'b', { options: { duplicateScope: 'deck' } }))).toBe(EMPTY);
    expect(noteCount()).toBe(0);
  });

  it('cloze problems are "unknown reason"', async () => {
    const cloze = (text: string, extra = '') => ({ deckName: 'Default', modelName: 'Cloze', fields: { Text: text, 'Back Extra': extra } });
    expect(await addError(cloze('no cloze here'))).toBe(UNKNOWN);
    expect(await addError(cloze('{{c1::a}}', '{{c2::b}}'))).toBe(UNKNOWN);
    expect(await addError(basicNote('{{c1::a}}'))).toBe(UNKNOWN);
    const id = await add(cloze('{{c1::a}} {{c2::b}}'));
    expect(scalar(col(), 'SELECT count(*) FROM cards WHERE nid = ?', id)).toBe(2);
  });

  it('with the deck scope Anki’s cloze check is skipped and the note still gets a card', async () => {
    const id = await add({
      deckName: 'Default',
      modelName: 'Cloze',
      fields: { Text: 'no cloze' },
      options: { duplicateScope: 'deck' },
    });
    expect(scalar(col(), 'SELECT ord FROM cards WHERE nid = ?', id)).toBe(0);
  });
});

describe('addNote: matching', () => {
  it('field names match case-insensitively; unknown fields are ignored', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Basic', fields: { front: 'F', BACK: 'B', Extra: 'ignored' } });
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([
      { fields: { Front: { value: 'F' }, Back: { value: 'B' } } },
    ]);
  });

  it('deck and model names match case-insensitively (VS Code Anki sends "default")', async () => {
    const id = await add({ deckName: 'default', modelName: 'basic', fields: { Front: 'x' } });
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([{ modelName: 'Basic' }]);
    expect(scalar(col(), 'SELECT did FROM cards WHERE nid = ?', id)).toBe(1);
  });

  it('tags are canonicalised; a space-separated string is read as several tags', async () => {
    const a = await add(basicNote('a', 'b', { tags: ['b-tag', 'A-tag', 'a-TAG'] }));
    expect(await server().call('getNoteTags', { note: a })).toEqual(['A-tag', 'b-tag']);
    const b = await add(basicNote('b', 'b', { tags: 'one two' }));
    expect(await server().call('getNoteTags', { note: b })).toEqual(['one', 'two']);
    const c = await add(basicNote('c', 'b', { tags: ['three four'] }));
    expect(await server().call('getNoteTags', { note: c })).toEqual(['four', 'three']);
  });

  it('anki-editor sends id: 0 and extra keys: they are ignored', async () => {
    const id = await add({ ...basicNote('x'), id: 0, options: { allowDuplicate: false, closeAfterAdding: true } });
    expect(id).toBeGreaterThan(0);
  });
});

describe('duplicates', () => {
  it('default scope: same note type anywhere, first field compared without HTML', async () => {
    await server().call('createDeck', { deck: 'Elsewhere' });
    await add(basicNote('<b>cat</b>', 'x', { deckName: 'Elsewhere' }));
    expect(await addError(basicNote('cat'))).toBe(DUPLICATE);
    expect(await addError(basicNote('cat', 'y', { options: { duplicateScope: 'collection' } }))).toBe(DUPLICATE);
    // Another note type is not a duplicate by default.
    const reversed = { deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'cat', Back: 'x' } };
    expect(await add(reversed)).toBeGreaterThan(0);
    // Other text is not a duplicate; HTML-only differences are.
    expect(await add(basicNote('cats'))).toBeGreaterThan(0);
    expect(await addError(basicNote('<i>cat</i>'))).toBe(DUPLICATE);
  });

  it('allowDuplicate accepts a duplicate', async () => {
    await add(basicNote('dog'));
    const id = await add(basicNote('dog', 'b', { options: { allowDuplicate: true } }));
    expect(id).toBeGreaterThan(0);
    expect(noteCount()).toBe(2);
  });

  it('deck scope: only notes with a card in the target deck count', async () => {
    await server().call('createDeck', { deck: 'Japanese' });
    await add(basicNote('neko', 'x', { deckName: 'Japanese' }));
    const deckScoped = (deckName: string, scopeOptions?: Record<string, unknown>) =>
      basicNote('neko', 'y', { deckName, options: { duplicateScope: 'deck', duplicateScopeOptions: scopeOptions } });
    expect(await addError(deckScoped('Japanese'))).toBe(DUPLICATE);
    expect(await add(deckScoped('Default'))).toBeGreaterThan(0);
  });

  it('deck scope with duplicateScopeOptions.deckName checks that deck; null means the target deck', async () => {
    await server().call('createDeck', { deck: 'Japanese' });
    await add(basicNote('inu', 'x', { deckName: 'Japanese' }));
    const note = (deckName: unknown) =>
      basicNote('inu', 'y', { options: { duplicateScope: 'deck', duplicateScopeOptions: { deckName } } });
    expect(await addError(note('Japanese'))).toBe(DUPLICATE);
    expect(await addError(note('japanese'))).toBe(DUPLICATE);
    // An unknown scope deck means "never a duplicate".
    expect(await add(note('No such deck'))).toBeGreaterThan(0);
    // null: the note's own deck (Default), which now has a copy.
    expect(await addError(note(null))).toBe(DUPLICATE);
  });

  it('checkChildren includes child decks (Yomitan deck-root)', async () => {
    await server().call('createDeck', { deck: 'Root::Child' });
    await add(basicNote('tori', 'x', { deckName: 'Root::Child' }));
    const note = (checkChildren: boolean) =>
      basicNote('tori', 'y', {
        deckName: 'Root',
        options: { duplicateScope: 'deck', duplicateScopeOptions: { deckName: 'Root', checkChildren } },
      });
    expect(await server().call('canAddNotes', { notes: [note(false), note(true)] })).toEqual([true, false]);
  });

  it('checkAllModels finds duplicates across note types, with or without the deck scope', async () => {
    await add({ deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'uma', Back: 'x' } });
    const note = (options: Record<string, unknown>) => basicNote('uma', 'y', { options });
    expect(
      await server().call('canAddNotesWithErrorDetail', {
        notes: [
          note({}),
          note({ duplicateScopeOptions: { checkAllModels: true } }),
          note({ duplicateScope: 'deck', duplicateScopeOptions: { checkAllModels: true } }),
          note({ duplicateScope: 'deck', duplicateScopeOptions: { checkAllModels: false } }),
        ],
      }),
    ).toEqual([{ canAdd: true }, { canAdd: false, error: DUPLICATE }, { canAdd: false, error: DUPLICATE }, { canAdd: true }]);
  });

  it('upstream test_bug164: a whitespace-padded first field is a duplicate in deck scope', async () => {
    const note = {
      deckName: 'Default',
      modelName: 'Basic',
      fields: { Front: ' Whitespace\n', Back: '' },
      options: { allowDuplicate: false, duplicateScope: 'deck' },
    };
    await add(note);
    expect(await addError(note)).toBe(DUPLICATE);
  });
});

describe('canAddNote / canAddNoteWithErrorDetail (not in the spec)', () => {
  it('answer without adding', async () => {
    await add(basicNote('x'));
    expect(await server().call('canAddNote', { note: basicNote('x') })).toBe(false);
    expect(await server().call('canAddNote', { note: basicNote('y') })).toBe(true);
    expect(await server().call('canAddNote', { note: { modelName: 'Basic' } })).toBe(false);
    expect(await server().call('canAddNoteWithErrorDetail', { note: basicNote('x') })).toEqual({ canAdd: false, error: DUPLICATE });
    expect(await server().call('canAddNoteWithErrorDetail', { note: basicNote('x', 'b', { deckName: 'Nope' }) })).toEqual({
      canAdd: false,
      error: 'deck was not found: Nope',
    });
    expect(await server().call('canAddNoteWithErrorDetail', { note: basicNote('y') })).toEqual({ canAdd: true });
    expect(noteCount()).toBe(1);
  });

  it('canAddNotes: one bool per note, same length; a non-list is a clear error', async () => {
    expect(await server().call('canAddNotes', { notes: [basicNote('a'), basicNote(''), { junk: true }] })).toEqual([true, false, false]);
    expect(await server().call('canAddNotes', { notes: [] })).toEqual([]);
    expect((await server().envelope('canAddNotes', { notes: 'x' })).error).toBe("parameter 'notes' must be a list, got a string");
  });
});

describe('the note written', () => {
  it('gets one card per generated template in the target deck, a guid, usn -1 and canonical fields', async () => {
    await server().call('createDeck', { deck: 'Target' });
    const id = await add({
      deckName: 'Target',
      modelName: 'Basic (and reversed card)',
      fields: { Front: 'caf\u0065\u0301', Back: 'b' },
    });
    const row = col().prepare('SELECT guid, usn, flds, sfld FROM notes WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row.usn).toBe(-1);
    expect(String(row.guid).length).toBeGreaterThan(0);
    expect(row.flds).toBe('caf\u00e9\x1fb');
    expect(col().prepare('SELECT ord FROM cards WHERE nid = ? ORDER BY ord').pluck().all(id)).toEqual([0, 1]);
    const target = (await server().call<Record<string, number>>('deckNamesAndIds')).Target;
    expect(col().prepare('SELECT DISTINCT did FROM cards WHERE nid = ?').pluck().all(id)).toEqual([target]);
  });
});
