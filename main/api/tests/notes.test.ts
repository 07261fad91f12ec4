/** One HTTP test per note action, built from the spec's sample request and result. */
import { describe, expect, it } from 'vitest';
import { emptyNotetype, newField, newTemplate } from '../../engine/notetypes/stock';
import { saveNotetype, notetypeByName } from '../../engine/notetypes/store';
import { basicNote, scalar, useServer } from './notes-helpers';

const { server, col } = useServer();

const sample = (action: string, params?: Record<string, unknown>) =>
  server().post(params === undefined ? { action, version: 6 } : { action, version: 6, params });
const ok = (result: unknown) => ({ result, error: null });

async function addBasic(front: string, extra: Parameters<typeof basicNote>[2] = {}): Promise<number> {
  return server().call<number>('addNote', { note: basicNote(front, 'back content', extra) });
}

describe('note actions: spec samples', () => {
  it('addNote', async () => {
    const reply = (await sample('addNote', {
      note: {
        deckName: 'Default',
        modelName: 'Basic',
        fields: { Front: 'front content', Back: 'back content' },
        options: {
          allowDuplicate: false,
          duplicateScope: 'deck',
          duplicateScopeOptions: { deckName: 'Default', checkChildren: false, checkAllModels: false },
        },
        tags: ['yomichan'],
      },
    })) as { result: number; error: null };
    expect(reply.error).toBeNull();
    expect(typeof reply.result).toBe('number');
    expect(await server().call('notesInfo', { notes: [reply.result] })).toMatchObject([
      { noteId: reply.result, tags: ['yomichan'], fields: { Front: { value: 'front content', order: 0 } } },
    ]);
  });

  it('addNotes: all or nothing, errors as the str() of the list', async () => {
    await server().call('createDeck', { deck: 'College::PluginDev' });
    const reply = await sample('addNotes', {
      notes: [
        { deckName: 'College::PluginDev', modelName: 'non_existent_model', fields: { Front: 'front', Back: 'bak' } },
        { deckName: 'College::PluginDev', modelName: 'Basic', fields: { Front: 'front', Back: 'bak' } },
      ],
    });
    expect(reply).toEqual({ result: null, error: "['model was not found: non_existent_model']" });
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(0);
    expect(scalar(col(), 'SELECT count(*) FROM cards')).toBe(0);
  });

  it('canAddNotes', async () => {
    const reply = await sample('canAddNotes', {
      notes: [basicNote('front content', 'back content', { tags: ['yomichan'] })],
    });
    expect(reply).toEqual(ok([true]));
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(0);
  });

  it('canAddNotesWithErrorDetail', async () => {
    await addBasic('front content');
    const reply = await sample('canAddNotesWithErrorDetail', {
      notes: [
        basicNote('front content', 'back content', { tags: ['yomichan'] }),
        basicNote('front content 2', 'back content 2', { tags: ['yomichan'] }),
      ],
    });
    expect(reply).toEqual(ok([{ canAdd: false, error: 'cannot create note because it is a duplicate' }, { canAdd: true }]));
  });

  it('updateNoteFields', async () => {
    const id = await addBasic('old');
    const reply = await sample('updateNoteFields', {
      note: { id, fields: { Front: 'new front content', Back: 'new back content' } },
    });
    expect(reply).toEqual(ok(null));
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([
      { fields: { Front: { value: 'new front content' }, Back: { value: 'new back content' } } },
    ]);
  });

  it('updateNote', async () => {
    const id = await addBasic('old', { tags: ['old'] });
    const reply = await sample('updateNote', {
      note: { id, fields: { Front: 'new front content', Back: 'new back content' }, tags: ['new', 'tags'] },
    });
    expect(reply).toEqual(ok(null));
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([
      { tags: ['new', 'tags'], fields: { Front: { value: 'new front content' } } },
    ]);
  });

  it('updateNoteModel', async () => {
    const id = await addBasic('old', { tags: ['old'] });
    saveNotetype(col(), {
      ...emptyNotetype('NewModel'),
      flds: [newField('NewField1', 0), newField('NewField2', 1), newField('NewField3', 2)],
      tmpls: [newTemplate('Card 1', 0, '{{NewField1}}', '{{NewField2}}')],
    });
    const reply = await sample('updateNoteModel', {
      note: {
        id,
        modelName: 'NewModel',
        fields: { NewField1: 'new field 1', NewField2: 'new field 2', NewField3: 'new field 3' },
        tags: ['new', 'updated', 'tags'],
      },
    });
    expect(reply).toEqual(ok(null));
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([
      {
        modelName: 'NewModel',
        tags: ['new', 'tags', 'updated'],
        fields: {
          NewField1: { value: 'new field 1', order: 0 },
          NewField2: { value: 'new field 2', order: 1 },
          NewField3: { value: 'new field 3', order: 2 },
        },
      },
    ]);
    expect(scalar(col(), 'SELECT mid FROM notes WHERE id = ?', id)).toBe(notetypeByName(col(), 'NewModel')!.id);
  });

  it('updateNoteTags', async () => {
    const id = await addBasic('x', { tags: ['old', 'other'] });
    expect(await sample('updateNoteTags', { note: id, tags: ['european-languages'] })).toEqual(ok(null));
    expect(await server().call('getNoteTags', { note: id })).toEqual(['european-languages']);
  });

  it('getNoteTags', async () => {
    const id = await addBasic('x', { tags: ['european-languages'] });
    expect(await sample('getNoteTags', { note: id })).toEqual(ok(['european-languages']));
  });

  it('addTags', async () => {
    const a = await addBasic('a');
    const b = await addBasic('b');
    expect(await sample('addTags', { notes: [a, b], tags: 'european-languages' })).toEqual(ok(null));
    expect(await server().call('getNoteTags', { note: b })).toEqual(['european-languages']);
  });

  it('removeTags', async () => {
    const a = await addBasic('a', { tags: ['european-languages', 'keep'] });
    const b = await addBasic('b', { tags: ['european-languages'] });
    expect(await sample('removeTags', { notes: [a, b], tags: 'european-languages' })).toEqual(ok(null));
    expect(await server().call('getNoteTags', { note: a })).toEqual(['keep']);
    expect(await server().call('getNoteTags', { note: b })).toEqual([]);
  });

  it('getTags', async () => {
    await addBasic('a', { tags: ['idioms', 'european-languages'] });
    expect(await sample('getTags')).toEqual(ok(['european-languages', 'idioms']));
  });

  it('clearUnusedTags', async () => {
    const id = await addBasic('a', { tags: ['idioms', 'european-languages'] });
    await server().call('removeTags', { notes: [id], tags: 'idioms' });
    expect(await server().call('getTags')).toEqual(['european-languages', 'idioms']);
    expect(await sample('clearUnusedTags')).toEqual(ok(null));
    expect(await server().call('getTags')).toEqual(['european-languages']);
  });

  it('replaceTags', async () => {
    const a = await addBasic('a', { tags: ['european-languages'] });
    const b = await addBasic('b', { tags: ['other'] });
    const reply = await sample('replaceTags', {
      notes: [a, b, 123],
      tag_to_replace: 'european-languages',
      replace_with_tag: 'french-languages',
    });
    expect(reply).toEqual(ok(null));
    expect(await server().call('getNoteTags', { note: a })).toEqual(['french-languages']);
    expect(await server().call('getNoteTags', { note: b })).toEqual(['other']);
  });

  it('replaceTagsInAllNotes', async () => {
    const a = await addBasic('a', { tags: ['european-languages'] });
    const b = await addBasic('b', { tags: ['European-Languages', 'x'] });
    const reply = await sample('replaceTagsInAllNotes', {
      tag_to_replace: 'european-languages',
      replace_with_tag: 'french-languages',
    });
    expect(reply).toEqual(ok(null));
    expect(await server().call('getNoteTags', { note: a })).toEqual(['french-languages']);
    expect(await server().call('getNoteTags', { note: b })).toEqual(['french-languages', 'x']);
  });

  it('findNotes', async () => {
    const a = await addBasic('a');
    const b = await addBasic('b');
    await addBasic('c', { deckName: 'Default' });
    await server().call('createDeck', { deck: 'Other' });
    await server().call('addNote', { note: basicNote('d', 'x', { deckName: 'Other' }) });
    const reply = (await sample('findNotes', { query: 'deck:current' })) as { result: number[] };
    expect(reply.result.slice(0, 2)).toEqual([a, b]);
    expect(reply.result).toHaveLength(3);
  });

  it('notesInfo', async () => {
    const id = await addBasic('front content', { tags: ['tag', 'another_tag'] });
    const cardId = scalar(col(), 'SELECT id FROM cards WHERE nid = ?', id);
    const mod = scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id);
    const reply = await sample('notesInfo', { notes: [id] });
    expect(reply).toEqual(
      ok([
        {
          noteId: id,
          profile: 'User 1',
          tags: ['another_tag', 'tag'],
          fields: { Front: { value: 'front content', order: 0 }, Back: { value: 'back content', order: 1 } },
          modelName: 'Basic',
          mod,
          cards: [cardId],
        },
      ]),
    );
    const text = await (await fetch(server().url, { method: 'POST', body: JSON.stringify({ action: 'notesInfo', version: 6, params: { notes: [id] } }) })).text();
    expect(text.indexOf('"noteId"')).toBeLessThan(text.indexOf('"profile"'));
    expect(text.indexOf('"tags"')).toBeLessThan(text.indexOf('"fields"'));
    expect(text.indexOf('"modelName"')).toBeLessThan(text.indexOf('"mod"'));
    expect(text.indexOf('"mod"')).toBeLessThan(text.indexOf('"cards"'));
  });

  it('notesModTime', async () => {
    const id = await addBasic('a');
    const mod = scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id);
    expect(await sample('notesModTime', { notes: [id] })).toEqual(ok([{ noteId: id, mod }]));
  });

  it('deleteNotes', async () => {
    const id = await addBasic('a');
    expect(await sample('deleteNotes', { notes: [id] })).toEqual(ok(null));
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(0);
    expect(scalar(col(), 'SELECT count(*) FROM cards')).toBe(0);
  });

  it('removeEmptyNotes deletes the note types no note uses (the add-on’s real behaviour)', async () => {
    await addBasic('a');
    expect(await sample('removeEmptyNotes')).toEqual(ok(null));
    expect(col().prepare('SELECT name FROM notetypes').pluck().all()).toEqual(['Basic']);
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(1);
  });
});
