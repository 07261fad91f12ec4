/** Export layouts, what a deck export gathers, determinism, and Engram-to-Engram round trips. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { deckByName, ensureDeck } from '../decks/store';
import { notetypeByName } from '../notetypes/store';
import { addNote } from '../notes';
import { Collection } from '../collection';
import { AnkiDbReader } from './ankidb/read';
import { exportCollectionPackage, exportPackage, importColpkg, importPackage } from './index';
import { decodeMediaEntries, decodePackageVersion } from './proto/messages';
import { dumpCollection } from './testing/dump';
import { fillSample, newCollection, tempDir, zipEntries } from './testing/fixtures';
import { zstdDecompress } from './zstd';
import { writeFileSync } from 'node:fs';

function setup(): { dir: string; col: Collection } {
  const dir = tempDir();
  const col = newCollection(dir, 'src');
  fillSample(col);
  return { dir, col };
}

function readCollection(dir: string, bytes: Uint8Array): AnkiDbReader {
  const path = join(dir, `inner-${Math.random().toString(36).slice(2)}.anki2`);
  writeFileSync(path, bytes);
  return AnkiDbReader.open(path);
}

describe('package layouts', () => {
  it('writes the modern layout: meta 3, zstd schema-18 collection, placeholder, zstd media, protobuf list', async () => {
    const { dir, col } = setup();
    const path = join(dir, 'modern.apkg');
    const summary = await exportPackage(col, path, { all: true, includeSched: true });
    expect(summary).toMatchObject({ notes: 3, cards: 4, media: 2, schema: 18 });
    const entries = zipEntries(path);
    expect(entries.map((e) => e.name)).toEqual(['meta', 'collection.anki21b', 'collection.anki2', '0', '1', 'media']);
    expect(decodePackageVersion(entries[0]!.data)).toBe(3);
    const list = decodeMediaEntries(zstdDecompress(entries[5]!.data, 1e6, 'media'));
    expect(list.map((e) => e.name)).toEqual(['pic.png', 'sound.mp3']);
    expect(Buffer.from(zstdDecompress(entries[3]!.data, 1e6, 'x')).toString()).toBe('picture bytes');
    const inner = readCollection(dir, zstdDecompress(entries[1]!.data, 1e8, 'c'));
    expect(inner.schema).toBe(18);
    expect(inner.count('notes')).toBe(3);
    expect(inner.meta.decks.map((d) => d.name).sort()).toEqual(['Default', 'Other', 'Parent', 'Parent::Child']);
    inner.close();
    const placeholder = readCollection(dir, entries[2]!.data);
    expect(placeholder.schema).toBe(11);
    expect([...placeholder.notes()][0]!.flds).toMatch(/Please update to the latest Anki version/);
    placeholder.close();
    col.close();
  });

  it('writes the legacy layout: meta 2, deflated schema-11 collection.anki21, raw media, JSON list', async () => {
    const { dir, col } = setup();
    const path = join(dir, 'legacy.apkg');
    expect(await exportPackage(col, path, { all: true, legacy: true })).toMatchObject({ schema: 11, media: 2 });
    const entries = zipEntries(path);
    expect(entries.map((e) => e.name)).toEqual(['meta', 'collection.anki21', 'collection.anki2', '0', '1', 'media']);
    expect(decodePackageVersion(entries[0]!.data)).toBe(2);
    expect(JSON.parse(Buffer.from(entries[5]!.data).toString())).toEqual({ 0: 'pic.png', 1: 'sound.mp3' });
    expect(Buffer.from(entries[4]!.data).toString()).toBe('sound bytes');
    const inner = readCollection(dir, entries[1]!.data);
    expect(inner.schema).toBe(11);
    inner.close();
    col.close();
  });

  it('gives the same bytes for the same collection', async () => {
    const { dir, col } = setup();
    for (const legacy of [false, true]) {
      await exportPackage(col, join(dir, 'one.apkg'), { all: true, includeSched: true, legacy });
      await exportPackage(col, join(dir, 'two.apkg'), { all: true, includeSched: true, legacy });
      expect(readFileSync(join(dir, 'one.apkg')).equals(readFileSync(join(dir, 'two.apkg')))).toBe(true);
      await exportCollectionPackage(col, join(dir, 'one.colpkg'), { legacy });
      await exportCollectionPackage(col, join(dir, 'two.colpkg'), { legacy });
      expect(readFileSync(join(dir, 'one.colpkg')).equals(readFileSync(join(dir, 'two.colpkg')))).toBe(true);
    }
    col.close();
  });

  it('falls back to schema 11 inside the modern layout when nocase and unicase would order names differently', async () => {
    const dir = tempDir();
    const col = newCollection(dir, 'src');
    const basic = notetypeByName(col, 'Basic')!.id;
    for (const deck of ['Русский', 'английский']) addNote(col, { notetypeId: basic, deckId: ensureDeck(col, deck), fields: [deck, ''] });
    expect((await exportPackage(col, join(dir, 'ru.apkg'), { all: true })).schema).toBe(11);
    expect(zipEntries(join(dir, 'ru.apkg')).map((e) => e.name)).toContain('collection.anki21b');
    const ascii = newCollection(dir, 'ascii');
    addNote(ascii, { notetypeId: notetypeByName(ascii, 'Basic')!.id, deckId: ensureDeck(ascii, 'Émile::b'), fields: ['x', ''] });
    expect((await exportPackage(ascii, join(dir, 'fr.apkg'), { all: true })).schema).toBe(18);
    col.close();
    ascii.close();
  });
});

describe('what an export gathers', () => {
  it('a deck brings its children, its parents and every card of its notes; without scheduling the Default deck stays out', async () => {
    const { dir, col } = setup();
    const path = join(dir, 'child.apkg');
    const summary = await exportPackage(col, path, { deckId: deckByName(col, 'Parent::Child')!.id, includeMedia: false });
    expect(summary).toMatchObject({ notes: 2, cards: 3, media: 0 });
    const target = newCollection(dir, 'dst');
    await importPackage(target, path);
    expect(dumpCollection(target).decks).toHaveProperty(['Parent::Child']);
    expect(Object.keys(dumpCollection(target).notes)).toHaveLength(2);
    col.close();
    target.close();
  });

  it('refuses ids from the future, as Anki does', async () => {
    const { dir, col } = setup();
    const card = col.db.prepare('SELECT id FROM cards LIMIT 1').pluck().get() as number;
    col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, 1, 0, 2500, 1000, 0)').run(Date.now() + 3 * 86_400_000, card);
    await expect(exportPackage(col, join(dir, 'x.apkg'), { all: true, includeSched: true })).rejects.toThrow(EngineError);
    await expect(exportCollectionPackage(col, join(dir, 'x.colpkg'))).rejects.toThrow(/ids in the future/);
    col.close();
  });

  it('stops when cancelled, leaving no file behind', async () => {
    const { dir, col } = setup();
    const controller = new AbortController();
    const out = join(dir, 'cancelled.apkg');
    const run = exportPackage(col, out, {
      all: true,
      signal: controller.signal,
      onProgress: (_d, _t, stage) => {
        if (stage === 'media') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.apkg') || f.endsWith('.tmp'))).toEqual([]);
    col.close();
  });

  it('needs a deck or "all"', async () => {
    const { dir, col } = setup();
    await expect(exportPackage(col, join(dir, 'x.apkg'), {})).rejects.toThrow(/Choose a deck/);
    col.close();
  });
});

describe('Engram to Engram', () => {
  it.each([false, true])('a .colpkg (legacy=%s) restores the collection exactly, and the old file is kept', async (legacy) => {
    const { dir, col } = setup();
    const path = join(dir, 'all.colpkg');
    await exportCollectionPackage(col, path, { legacy });
    const expected = dumpCollection(col);
    col.close();
    const targetDir = tempDir();
    const target = join(targetDir, 'collection.anki2');
    Collection.open(target).close();
    const summary = await importColpkg(path, target, join(targetDir, 'collection.media'));
    expect(summary).toMatchObject({ notes: 3, cards: 4, media: 2 });
    expect(summary.backupPath).toMatch(/collection\.anki2\.bak-\d+$/);
    const restored = Collection.open(target, { mediaDir: join(targetDir, 'collection.media') });
    expect(dumpCollection(restored)).toEqual(expected);
    restored.close();
    const backup = Collection.open(summary.backupPath!, { mediaDir: join(targetDir, 'collection.media') });
    expect(backup.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    backup.close();
  });

  it.each([false, true])('an .apkg (legacy=%s) with scheduling carries notes, cards and media', async (legacy) => {
    const { dir, col } = setup();
    const path = join(dir, 'all.apkg');
    await exportPackage(col, path, { all: true, includeSched: true, legacy });
    const target = newCollection(dir, 'dst');
    await importPackage(target, path);
    const [a, b] = [dumpCollection(col), dumpCollection(target)];
    // The target's own stock notetypes keep their names, so the imported ones arrive as "Basic+" etc.
    const unsuffixed = (notes: typeof a.notes): unknown =>
      Object.fromEntries(Object.entries(notes).map(([k, n]) => [k, { ...(n as object), notetype: (n as { notetype: string }).notetype.replace(/\+$/, '') }]));
    expect(unsuffixed(b.notes)).toEqual(unsuffixed(a.notes));
    expect(b.cards).toEqual(a.cards);
    expect(b.media).toEqual(a.media);
    col.close();
    target.close();
  });
});
