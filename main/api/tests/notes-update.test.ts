/** updateNoteFields / updateNote / updateNoteModel / deleteNotes / removeEmptyNotes edge cases. */
import { describe, expect, it } from 'vitest';
import { emptyNotetype, newField, newTemplate } from '../../engine/notetypes/stock';
import { saveNotetype } from '../../engine/notetypes/store';
import { basicNote, scalar, useServer } from './notes-helpers';

const { server, col } = useServer();

const add = (front: string, tags: string[] = []) => server().call<number>('addNote', { note: basicNote(front, 'back', { tags }) });
const fieldsOf = async (id: number) =>
  (await server().call<{ fields: Record<string, { value: string }> }[]>('notesInfo', { notes: [id] }))[0]!.fields;
const snapshot = (id: number) => col().prepare('SELECT flds, tags, mod, mid FROM notes WHERE id = ?').get(id);

describe('updateNoteFields', () => {
  it('matches field names exactly and ignores unknown ones (Yomitan sends the whole note)', async () => {
    const id = await add('front');
    await server().call('updateNoteFields', {
      note: { id, fields: { front: 'ignored', Back: 'new back' }, deckName: 'Default', modelName: 'Basic', tags: ['x'] },
    });
    expect(await fieldsOf(id)).toMatchObject({ Front: { value: 'front' }, Back: { value: 'new back' } });
    expect(await server().call('getNoteTags', { note: id })).toEqual([]);
  });

  it('missing note, missing fields, missing id: the add-on texts; nothing changes', async () => {
    const id = await add('front');
    const before = snapshot(id);
    expect((await server().envelope('updateNoteFields', { note: { id: 123, fields: {} } })).error).toBe('Note was not found: 123');
    expect((await server().envelope('updateNoteFields', { note: { id } })).error).toBe("'fields'");
    expect((await server().envelope('updateNoteFields', { note: { fields: {} } })).error).toBe("'id'");
    expect((await server().envelope('updateNoteFields', { note: { id, fields: { Front: 7 } } })).error).toBe(
      'field "Front" must be a string, got an integer',
    );
    expect(snapshot(id)).toEqual(before);
  });

  it('allows an empty first field and leaves mod alone when nothing changes', async () => {
    const id = await add('front');
    col().prepare('UPDATE notes SET mod = 1 WHERE id = ?').run(id);
    await server().call('updateNoteFields', { note: { id, fields: { Front: 'front' } } });
    expect(scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id)).toBe(1);
    await server().call('updateNoteFields', { note: { id, fields: { Front: '' } } });
    expect(await fieldsOf(id)).toMatchObject({ Front: { value: '' } });
    expect(scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id)).toBeGreaterThan(1);
  });

  it('generates cards a new field value calls for', async () => {
    const id = await server().call<number>('addNote', {
      note: { deckName: 'Default', modelName: 'Basic (optional reversed card)', fields: { Front: 'f', Back: 'b' } },
    });
    expect(scalar(col(), 'SELECT count(*) FROM cards WHERE nid = ?', id)).toBe(1);
    await server().call('updateNoteFields', { note: { id, fields: { 'Add Reverse': 'y' } } });
    expect(scalar(col(), 'SELECT count(*) FROM cards WHERE nid = ?', id)).toBe(2);
  });
});

describe('updateNote', () => {
  it('needs fields or tags', async () => {
    const id = await add('front');
    expect((await server().envelope('updateNote', { note: { id } })).error).toBe('Must provide a "fields" or "tags" property.');
  });

  it('updates tags alone', async () => {
    const id = await add('front', ['a']);
    await server().call('updateNote', { note: { id, tags: ['b'] } });
    expect(await server().call('getNoteTags', { note: id })).toEqual(['b']);
    expect(await fieldsOf(id)).toMatchObject({ Front: { value: 'front' } });
  });

  it('bad tags leave the fields untouched too (one transaction)', async () => {
    const id = await add('front', ['a']);
    const before = snapshot(id);
    expect((await server().envelope('updateNote', { note: { id, fields: { Front: 'new' }, tags: 5 } })).error).toBe(
      'Must provide tags as a list of strings',
    );
    expect(snapshot(id)).toEqual(before);
  });

  it('missing note is an error', async () => {
    expect((await server().envelope('updateNote', { note: { id: 5, tags: [] } })).error).toBe('Note was not found: 5');
  });
});

describe('updateNoteModel', () => {
  function addModel(): void {
    saveNotetype(col(), {
      ...emptyNotetype('Vocab'),
      flds: [newField('Word', 0), newField('Meaning', 1)],
      tmpls: [newTemplate('Card 1', 0, '{{Word}}', '{{Meaning}}')],
    });
  }

  it('validates in the add-on order with its texts', async () => {
    addModel();
    const id = await add('front');
    const err = async (note: unknown) => (await server().envelope('updateNoteModel', { note })).error;
    expect(await err({ modelName: 'Vocab', fields: { Word: 'x' } })).toBe('Note ID is required');
    expect(await err({ id, fields: { Word: 'x' } })).toBe('Model name is required');
    expect(await err({ id, modelName: 'Vocab' })).toBe('Fields must be provided as a dictionary');
    expect(await err({ id, modelName: 'Vocab', fields: {} })).toBe('Fields must be provided as a dictionary');
    expect(await err({ id, modelName: 'Vocab', fields: ['x'] })).toBe('Fields must be provided as a dictionary');
    expect(await err({ id: 42, modelName: 'Vocab', fields: { Word: 'x' } })).toBe('Note was not found: 42');
    expect(await err({ id, modelName: 'Nope', fields: { Word: 'x' } })).toBe("Model 'Nope' not found");
  });

  it('resets all fields, fills the given ones case-insensitively, and clears tags when none are given', async () => {
    addModel();
    const id = await add('front', ['old']);
    await server().call('updateNoteModel', { note: { id, modelName: 'vocab', fields: { word: 'neko' } } });
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([
      { modelName: 'Vocab', tags: [], fields: { Word: { value: 'neko', order: 0 }, Meaning: { value: '', order: 1 } } },
    ]);
  });
});

describe('deleteNotes / removeEmptyNotes', () => {
  it('deleteNotes ignores missing ids and records graves', async () => {
    const a = await add('a');
    const b = await add('b');
    await server().call('deleteNotes', { notes: [a, 12345] });
    expect(col().prepare('SELECT id FROM notes').pluck().all()).toEqual([b]);
    expect(scalar(col(), 'SELECT count(*) FROM graves WHERE oid = ? AND type = 1', a)).toBe(1);
  });

  it('removeEmptyNotes on an empty collection leaves a fresh Basic, as Anki never has zero note types', async () => {
    await server().call('removeEmptyNotes');
    expect(col().prepare('SELECT name FROM notetypes').pluck().all()).toEqual(['Basic']);
    expect(await server().call('canAddNote', { note: basicNote('x') })).toBe(true);
  });
});
