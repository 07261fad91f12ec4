/** addNotes atomicity, notesInfo/notesModTime conventions, and a Yomitan-style lookup flow. */
import { describe, expect, it } from 'vitest';
import { basicNote, scalar, useServer } from './notes-helpers';

const { server, col } = useServer();

const counts = () => ({
  notes: scalar(col(), 'SELECT count(*) FROM notes'),
  cards: scalar(col(), 'SELECT count(*) FROM cards'),
  tags: scalar(col(), 'SELECT count(*) FROM tags'),
  nextPos: col().getConfig<number>('nextPos', 1),
});

describe('addNotes', () => {
  it('adds every note and returns their ids in order', async () => {
    const ids = await server().call<number[]>('addNotes', {
      notes: [basicNote('a', 'x', { tags: ['t1'] }), basicNote('b'), basicNote('c')],
    });
    expect(ids).toHaveLength(3);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    const fronts = (await server().call<{ fields: { Front: { value: string } } }[]>('notesInfo', { notes: ids })).map(
      (n) => n.fields.Front.value,
    );
    expect(fronts).toEqual(['a', 'b', 'c']);
    expect(await server().call('addNotes', { notes: [] })).toEqual([]);
  });

  it('is all or nothing: one bad note leaves the collection exactly as it was', async () => {
    await server().call('addNote', { note: basicNote('existing') });
    const before = counts();
    const reply = await server().envelope('addNotes', {
      notes: [basicNote('new 1', 'x', { tags: ['brand-new-tag'] }), basicNote('existing'), basicNote('new 2')],
    });
    expect(reply).toEqual({ result: null, error: "['cannot create note because it is a duplicate']" });
    expect(counts()).toEqual(before);
  });

  it('collects every error, in note order, including duplicates within the batch', async () => {
    const reply = await server().envelope('addNotes', {
      notes: [
        basicNote('same'),
        basicNote('x', 'y', { modelName: 'Nope' }),
        basicNote('same'),
        basicNote(''),
        basicNote('x', 'y', { deckName: "Bob's" }),
        { modelName: 'Basic', deckName: 'Default' },
      ],
    });
    expect(reply.error).toBe(
      "['model was not found: Nope', 'cannot create note because it is a duplicate', " +
        "'cannot create note because it is empty', \"deck was not found: Bob's\", \"'fields'\"]",
    );
    expect(counts().notes).toBe(0);
  });

  it('sees notes added earlier in the same batch, whatever the scope or Unicode form', async () => {
    const deckScope = { duplicateScope: 'deck' };
    const reply = await server().envelope('addNotes', {
      notes: [
        basicNote('caf\u00e9'),
        basicNote('cafe\u0301'),
        basicNote('<b>x</b>', 'b', { options: deckScope }),
        basicNote('<i>x</i>', 'b', { options: deckScope }),
        basicNote('y', 'b', { options: { allowDuplicate: true } }),
        basicNote('y', 'b', { options: { allowDuplicate: true } }),
      ],
    });
    expect(reply.error).toBe(
      "['cannot create note because it is a duplicate', 'cannot create note because it is a duplicate']",
    );
    const ok = await server().call<number[]>('addNotes', {
      notes: [basicNote('y', 'b', { options: { allowDuplicate: true } }), basicNote('y', 'b', { options: { allowDuplicate: true } })],
    });
    expect(new Set(ok).size).toBe(2);
    expect(counts().notes).toBe(2);
  });

  it('rejects a non-list', async () => {
    expect((await server().envelope('addNotes', { notes: { a: 1 } })).error).toBe("parameter 'notes' must be a list, got an object");
  });
});

describe('notesInfo / notesModTime', () => {
  it('answer {} for a missing id, keeping positions', async () => {
    const id = await server().call<number>('addNote', { note: basicNote('a') });
    const info = await server().call<unknown[]>('notesInfo', { notes: [123, id, 456] });
    expect(info[0]).toEqual({});
    expect(info[1]).toMatchObject({ noteId: id });
    expect(info[2]).toEqual({});
    const mods = await server().call<unknown[]>('notesModTime', { notes: [id, 123] });
    expect(mods).toEqual([{ noteId: id, mod: scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id) }, {}]);
  });

  it('take a query instead of ids (the query wins); neither is an error', async () => {
    const a = await server().call<number>('addNote', { note: basicNote('a', 'b', { tags: ['pick'] }) });
    await server().call<number>('addNote', { note: basicNote('b') });
    const info = await server().call<{ noteId: number }[]>('notesInfo', { query: 'tag:pick', notes: [1, 2] });
    expect(info.map((n) => n.noteId)).toEqual([a]);
    expect((await server().envelope('notesInfo', {})).error).toBe('Must provide either "notes" or a "query"');
    expect((await server().envelope('notesInfo', { notes: null })).error).toBe('Must provide either "notes" or a "query"');
  });

  it('lists card ids by template order and reports the profile name', async () => {
    const id = await server().call<number>('addNote', {
      note: { deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'f', Back: 'b' } },
    });
    const cards = col().prepare('SELECT id FROM cards WHERE nid = ? ORDER BY ord').pluck().all(id);
    expect(await server().call('notesInfo', { notes: [id] })).toMatchObject([{ cards, profile: 'User 1' }]);
  });

  it('accept ids sent as strings; reject non-id values with a clear error', async () => {
    const id = await server().call<number>('addNote', { note: basicNote('a') });
    expect(await server().call('notesInfo', { notes: [String(id)] })).toMatchObject([{ noteId: id }]);
    expect((await server().envelope('notesInfo', { notes: ['abc'] })).error).toBe(
      "parameter 'notes[0]' must be an integer id, got a string",
    );
  });
});

describe('findNotes', () => {
  it('answers [] without a query and finds by deck, tag, nid and text', async () => {
    await server().call('createDeck', { deck: 'Japanese' });
    const a = await server().call<number>('addNote', { note: basicNote('neko', 'cat', { deckName: 'Japanese', tags: ['animal'] }) });
    const b = await server().call<number>('addNote', { note: basicNote('inu', 'dog') });
    expect(await server().call('findNotes', {})).toEqual([]);
    expect(await server().call('findNotes', { query: null })).toEqual([]);
    expect(await server().call('findNotes', { query: 'deck:Japanese' })).toEqual([a]);
    expect(await server().call('findNotes', { query: 'tag:animal' })).toEqual([a]);
    expect(await server().call('findNotes', { query: `nid:${b}` })).toEqual([b]);
    expect(await server().call('findNotes', { query: 'dog' })).toEqual([b]);
    expect(await server().call('findNotes', { query: '' })).toEqual([a, b]);
  });
});

describe('errors outside the notes themselves', () => {
  it('a malformed search is an error, not a crash', async () => {
    const reply = await server().envelope('findNotes', { query: '(unbalanced' });
    expect(reply.result).toBeNull();
    expect(reply.error).toMatch(/\S/);
    expect((await server().envelope('notesInfo', { query: '(unbalanced' })).error).toBe(reply.error);
  });

  it('every note action answers "collection is not available" without a profile', async () => {
    server().engram.profiles.close();
    for (const [name, params] of [
      ['addNote', { note: basicNote('a') }],
      ['addNotes', { notes: [basicNote('a')] }],
      ['notesInfo', { notes: [1] }],
      ['findNotes', { query: '' }],
      ['getTags', {}],
      ['updateNoteFields', { note: { id: 1, fields: {} } }],
    ] as const) {
      expect(await server().envelope(name, params)).toEqual({ result: null, error: 'collection is not available' });
    }
    // canAdd* build each note inside the add-on's try block: the failure is per note.
    expect(await server().call('canAddNotesWithErrorDetail', { notes: [basicNote('a')] })).toEqual([
      { canAdd: false, error: 'collection is not available' },
    ]);
    expect(await server().call('canAddNote', { note: basicNote('a') })).toBe(false);
  });
});

describe('a Yomitan-style lookup', () => {
  it('checks 20 candidates, looks up the duplicates with multi findNotes, then reads them with notesInfo', async () => {
    await server().call('createDeck', { deck: 'Mining' });
    const existing: number[] = [];
    for (const word of ['w3', 'w7', 'w11']) {
      existing.push(await server().call<number>('addNote', { note: basicNote(word, 'def', { deckName: 'Mining' }) }));
    }
    const candidates = Array.from({ length: 20 }, (_, i) => ({
      deckName: 'Mining',
      modelName: 'Basic',
      fields: { Front: `w${i}` },
      tags: ['yomitan'],
      options: {
        allowDuplicate: false,
        duplicateScope: 'deck',
        duplicateScopeOptions: { deckName: null, checkChildren: false, checkAllModels: false },
      },
    }));
    // Yomitan speaks version 2: bare results.
    const detail = (await server().post({ action: 'canAddNotesWithErrorDetail', version: 2, params: { notes: candidates } })) as {
      canAdd: boolean;
      error?: string;
    }[];
    expect(detail).toHaveLength(20);
    const duplicates = detail.flatMap((d, i) => (d.error?.includes('cannot create note because it is a duplicate') ? [i] : []));
    expect(duplicates).toEqual([3, 7, 11]);
    expect(detail.filter((d) => d.canAdd)).toHaveLength(17);

    const found = (await server().post({
      action: 'multi',
      version: 2,
      params: { actions: duplicates.map((i) => ({ action: 'findNotes', params: { query: `"deck:Mining" "front:w${i}"` } })) },
    })) as number[][];
    expect(found).toEqual(existing.map((id) => [id]));

    const info = (await server().post({ action: 'notesInfo', version: 2, params: { notes: found.flat() } })) as {
      noteId: number;
      fields: Record<string, { value: string }>;
    }[];
    expect(info.map((n) => [n.noteId, n.fields.Front!.value])).toEqual([
      [existing[0], 'w3'],
      [existing[1], 'w7'],
      [existing[2], 'w11'],
    ]);
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(3);
  });
});
