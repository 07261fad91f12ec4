/** Tag actions: matching rules, casing, missing ids, wrong types, mod bumps. */
import { describe, expect, it } from 'vitest';
import { basicNote, scalar, useServer } from './notes-helpers';

const { server, col } = useServer();

async function note(front: string, tags: string[] = []): Promise<number> {
  return server().call<number>('addNote', { note: basicNote(front, 'b', { tags }) });
}
const tagsOf = (id: number) => server().call<string[]>('getNoteTags', { note: id });
const setMod = (id: number, mod: number) => col().prepare('UPDATE notes SET mod = ? WHERE id = ?').run(mod, id);
const modOf = (id: number) => scalar(col(), 'SELECT mod FROM notes WHERE id = ?', id);

describe('addTags / removeTags', () => {
  it('adds space-separated tags, keeps them sorted, ignores missing notes and bumps mod only on change', async () => {
    const a = await note('a', ['zeta']);
    const b = await note('b', ['Alpha']);
    setMod(a, 1);
    setMod(b, 1);
    await server().call('addTags', { notes: [a, b, 123], tags: 'alpha beta' });
    expect(await tagsOf(a)).toEqual(['Alpha', 'beta', 'zeta']);
    expect(await tagsOf(b)).toEqual(['Alpha', 'beta']);
    expect(modOf(a)).toBeGreaterThan(1);
    setMod(a, 1);
    await server().call('addTags', { notes: [a], tags: 'BETA' });
    expect(modOf(a)).toBe(1);
  });

  it('removes tags ignoring case, together with their child tags', async () => {
    const a = await note('a', ['lang::fr', 'lang', 'language', 'Keep']);
    await server().call('removeTags', { notes: [a], tags: 'LANG' });
    expect(await tagsOf(a)).toEqual(['Keep', 'language']);
  });

  it('addTags with add: false removes', async () => {
    const a = await note('a', ['x', 'y']);
    await server().call('addTags', { notes: [a], tags: 'x', add: false });
    expect(await tagsOf(a)).toEqual(['y']);
  });

  it('want tags as one string: a list is a clear error and changes nothing', async () => {
    const a = await note('a');
    expect((await server().envelope('addTags', { notes: [a], tags: ['x'] })).error).toBe(
      "parameter 'tags' must be a string, got a list",
    );
    expect((await server().envelope('removeTags', { notes: a, tags: 'x' })).error).toBe(
      "parameter 'notes' must be a list, got an integer",
    );
    expect(await tagsOf(a)).toEqual([]);
  });
});

describe('getTags / clearUnusedTags', () => {
  it('lists registered tags case-insensitively sorted; clearUnusedTags drops the unused ones', async () => {
    const a = await note('a', ['b', 'A', 'c::d']);
    expect(await server().call('getTags')).toEqual(['A', 'b', 'c::d']);
    await server().call('removeTags', { notes: [a], tags: 'b' });
    await server().call('clearUnusedTags');
    expect(await server().call('getTags')).toEqual(['A', 'c::d']);
  });

  it('adopts the registered casing for new tags', async () => {
    await note('a', ['Verb']);
    const b = await note('b');
    await server().call('addTags', { notes: [b], tags: 'verb' });
    expect(await tagsOf(b)).toEqual(['Verb']);
  });
});

describe('getNoteTags / updateNoteTags', () => {
  it('missing notes are errors', async () => {
    expect((await server().envelope('getNoteTags', { note: 123 })).error).toBe('Note was not found: 123');
    expect((await server().envelope('updateNoteTags', { note: 123, tags: [] })).error).toBe('Note was not found: 123');
  });

  it('replaces all tags; a string is one tag; other types are refused', async () => {
    const a = await note('a', ['old', 'older']);
    await server().call('updateNoteTags', { note: a, tags: 'single' });
    expect(await tagsOf(a)).toEqual(['single']);
    await server().call('updateNoteTags', { note: a, tags: ['b', 'a'] });
    expect(await tagsOf(a)).toEqual(['a', 'b']);
    for (const tags of [5, [1], null, { a: 1 }]) {
      expect((await server().envelope('updateNoteTags', { note: a, tags })).error).toBe('Must provide tags as a list of strings');
    }
    await server().call('updateNoteTags', { note: a, tags: [] });
    expect(await tagsOf(a)).toEqual([]);
  });
});

describe('replaceTags / replaceTagsInAllNotes', () => {
  it('replace whole tags ignoring case, skip missing notes and leave child tags alone', async () => {
    const a = await note('a', ['Old', 'old::child', 'other']);
    await server().call('replaceTags', { notes: [a, 999], tag_to_replace: 'old', replace_with_tag: 'new' });
    expect(await tagsOf(a)).toEqual(['new', 'old::child', 'other']);
  });

  it('a replacement holding a space becomes two tags, as Anki splits tags on spaces', async () => {
    const a = await note('a', ['x']);
    await server().call('replaceTags', { notes: [a], tag_to_replace: 'x', replace_with_tag: 'y z' });
    expect(await tagsOf(a)).toEqual(['y', 'z']);
    await server().call('updateNoteTags', { note: a, tags: ['p q'] });
    expect(await tagsOf(a)).toEqual(['p', 'q']);
  });

  it('replaceTagsInAllNotes touches every note that has the tag, and only those', async () => {
    const a = await note('a', ['x']);
    const b = await note('b', ['y']);
    setMod(b, 1);
    await server().call('replaceTagsInAllNotes', { tag_to_replace: 'x', replace_with_tag: 'z' });
    expect(await tagsOf(a)).toEqual(['z']);
    expect(await tagsOf(b)).toEqual(['y']);
    expect(modOf(b)).toBe(1);
    expect(await server().call('getTags')).toContain('z');
  });

  it('missing params give the TypeError text', async () => {
    expect((await server().envelope('replaceTags', { notes: [] })).error).toBe(
      "AnkiConnect.replaceTags() missing 2 required positional arguments: 'tag_to_replace' and 'replace_with_tag'",
    );
  });
});
