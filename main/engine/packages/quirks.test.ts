/** Packages with the inconsistencies real files have: they import, and the oddities are repaired or skipped. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDeckConfig, newNormalDeck } from '../decks/defaults';
import { stockNotetypes } from '../notetypes/stock';
import type { CardRow, NoteRow } from '../model/types';
import { writeAnkiDb } from './ankidb/write';
import { importColpkg, importPackage } from './index';
import { readFileSync } from 'node:fs';
import { writeZip } from './testing/build';
import { newCollection, tempDir } from './testing/fixtures';
import { Collection } from '../collection';

const NOW = Date.now();

function note(id: number, mid: number, flds: string, guid = `g${id}`): NoteRow {
  return { id, guid, mid, mod: 1, usn: 0, tags: ' Quirky ', flds, sfld: '', csum: 0, flags: 0, data: '' };
}

function card(id: number, nid: number, did: number, ord = 0): CardRow {
  return { id, nid, did, ord, mod: 1, usn: 0, type: 0, queue: 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0, flags: 0, data: '' };
}

/** A legacy (schema 11) package with orphans, a wrong field count, a future id and a duplicate ordinal. */
function quirkyPackage(dir: string, name: string): string {
  const basic = { ...stockNotetypes()[0]!, id: 1000, mod: 1 };
  const dbPath = join(dir, `${name}.anki2`);
  writeAnkiDb(
    dbPath,
    {
      meta: {
        col: { crt: Math.floor(NOW / 1000) - 86_400, mod: NOW, scm: NOW, usn: 0, ls: 0 },
        config: [{ key: 'schedVer', usn: 0, mtime: 0, json: '2' }],
        notetypes: [basic],
        decks: [newNormalDeck(1, 'Default', 0), newNormalDeck(50, 'Real', 0)],
        deckConfigs: [defaultDeckConfig(1, 'Default', 0)],
        tags: [],
      },
      notes: [
        note(10, 1000, 'ok\x1fback'),
        note(11, 1000, 'too\x1fmany\x1ffields'),
        note(12, 9999, 'no notetype\x1fx'),
        note(NOW + 10 * 86_400_000, 1000, 'from the future\x1fx'),
      ],
      cards: [card(20, 10, 50), card(21, 10, 50), card(22, 11, 777), card(23, 999, 50), card(24, NOW + 10 * 86_400_000, 50)],
      revlog: [],
      graves: [],
    },
    { schema: 11 },
  );
  const pkg = join(dir, `${name}.apkg`);
  writeZip(pkg, [
    { name: 'collection.anki2', data: readFileSync(dbPath), deflate: true },
    { name: 'media', data: Buffer.from('{}') },
  ]);
  return pkg;
}

describe('quirky packages', () => {
  it('import what makes sense and report the rest', async () => {
    const dir = tempDir();
    const col = newCollection(dir, 'col');
    const summary = await importPackage(col, quirkyPackage(dir, 'quirky'));
    expect(summary).toMatchObject({ notesAdded: 3, notesSkipped: 1, cards: 3 });
    expect(summary.log.join('\n')).toMatch(/in the future and were renumbered/);
    expect(summary.log.join('\n')).toMatch(/notetype is missing/);
    const fields = col.db.prepare("SELECT flds FROM notes WHERE guid = 'g11'").pluck().get();
    expect(fields).toBe('too\x1fmany; fields');
    const future = col.db.prepare("SELECT id FROM notes WHERE flds LIKE 'from the future%'").pluck().get() as number;
    expect(future).toBeLessThanOrEqual(Date.now() + 1000);
    // The card of a deck that does not exist lands in Default; the duplicate ordinal is dropped.
    expect(col.db.prepare('SELECT did FROM cards WHERE id = 22').pluck().get()).toBe(1);
    expect(col.db.prepare('SELECT count(*) FROM cards WHERE nid = 10').pluck().get()).toBe(1);
    expect(col.db.prepare("SELECT tag FROM tags WHERE tag_key = 'quirky'").pluck().get()).toBe('Quirky');
    col.close();
  });

  it('a collection package with orphans is repaired instead of refused', async () => {
    const dir = tempDir();
    const pkg = quirkyPackage(dir, 'quirky-col').replace(/\.apkg$/, '.colpkg');
    writeZip(pkg, [{ name: 'collection.anki2', data: readFileSync(join(dir, 'quirky-col.anki2')), deflate: true }]);
    const target = join(dir, 'target', 'collection.anki2');
    const summary = await importColpkg(pkg, target, join(dir, 'target', 'media'));
    expect(summary.log.join('\n')).toMatch(/without a notetype were left out/);
    const col = Collection.open(target, { mediaDir: join(dir, 'target', 'media') });
    expect(col.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3);
    expect(col.db.pragma('foreign_key_check')).toEqual([]);
    col.close();
  });
});
