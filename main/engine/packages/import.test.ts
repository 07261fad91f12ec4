/** Anki's merge rules for .apkg import (anki-format.md §7.5), on packages Engram makes. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../collection';
import { deckByName, ensureDeck, putDeckRaw } from '../decks/store';
import { newNormalDeck } from '../decks/defaults';
import { notetypeByName, saveNotetype } from '../notetypes/store';
import { newField } from '../notetypes/stock';
import { addNote } from '../notes';
import { exportPackage, importPackage, type PackageStage } from './index';
import { fillSample, newCollection, tempDir } from './testing/fixtures';

const DAY_MS = 86_400_000;

function noteByFront(col: Collection, front: string): { id: number; mid: number; flds: string; tags: string; mod: number } {
  return col.db.prepare("SELECT * FROM notes WHERE flds LIKE ? || '\x1f%'").get(front) as never;
}

function count(col: Collection, table: string): number {
  return col.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

async function exported(col: Collection, dir: string, name: string, options: Parameters<typeof exportPackage>[2] = { all: true, includeSched: true }): Promise<string> {
  const path = join(dir, name);
  await exportPackage(col, path, options);
  return path;
}

/** Makes a card a review card due `inDays` from today, with one review in its history. */
function makeReview(col: Collection, cardId: number, inDays: number): void {
  const today = col.timing().daysElapsed;
  col.db.prepare('UPDATE cards SET type = 2, queue = 2, due = ?, ivl = 10, factor = 2500, reps = 3 WHERE id = ?').run(today + inDays, cardId);
  col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, 10, 4, 2500, 6000, 1)').run(cardId + 5, cardId);
}

describe('notes are matched by guid', () => {
  it('adds, then updates when the incoming note is newer, else keeps the existing one', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const b = newCollection(dir, 'b');
    const first = await importPackage(b, await exported(a, dir, 'v1.apkg'));
    expect(first).toMatchObject({ notesAdded: 3, notesUpdated: 0, notesSkipped: 0, cards: 4 });

    const note = noteByFront(a, 'three');
    a.db.prepare("UPDATE notes SET flds = 'three\x1fTROIS', mod = mod + 100 WHERE id = ?").run(note.id);
    const newer = await exported(a, dir, 'v2.apkg');
    expect(await importPackage(b, newer, { updateNotes: 'never' })).toMatchObject({ notesAdded: 0, notesUpdated: 0, notesSkipped: 3 });
    expect(noteByFront(b, 'three').flds).toBe('three\x1ftrois');
    expect(await importPackage(b, newer)).toMatchObject({ notesAdded: 0, notesUpdated: 1, notesSkipped: 2, cards: 0 });
    expect(noteByFront(b, 'three')).toMatchObject({ flds: 'three\x1fTROIS', mod: note.mod + 100, id: note.id });

    // An older package does not overwrite newer local text.
    expect(await importPackage(b, join(dir, 'v1.apkg'))).toMatchObject({ notesUpdated: 0, notesSkipped: 3 });
    expect(noteByFront(b, 'three').flds).toBe('three\x1fTROIS');
    a.close();
    b.close();
  });

  it('imports a changed notetype as a new one and skips notes that now conflict', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const b = newCollection(dir, 'b');
    await importPackage(b, await exported(a, dir, 'v1.apkg'));
    const basic = structuredClone(notetypeByName(a, 'Basic')!);
    basic.flds.push(newField('Extra', basic.flds.length));
    saveNotetype(a, basic);
    addNote(a, { notetypeId: basic.id, deckId: 1, fields: ['four', 'quatre', 'x'] });
    const summary = await importPackage(b, await exported(a, dir, 'v2.apkg'));
    expect(summary).toMatchObject({ notesAdded: 1, notetypes: 1 });
    expect(summary.log.join('\n')).toMatch(/added as a new notetype/);
    // b's own stock Basic is "Basic"; a's arrived as "Basic+" and keeps its id and old schema.
    expect(notetypeByName(b, 'Basic+')).toMatchObject({ id: basic.id });
    expect(notetypeByName(b, 'Basic+')!.flds).toHaveLength(2);
    const copy = notetypeByName(b, 'Basic++')!;
    expect(copy.id).not.toBe(basic.id);
    expect(copy.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Extra']);
    expect(copy.originalId).toBe(basic.id);
    expect(noteByFront(b, 'four').mid).toBe(copy.id);
    expect(noteByFront(b, 'three').mid).toBe(basic.id);
    // Importing the same changed notetype again reuses the copy.
    const again = await importPackage(b, join(dir, 'v2.apkg'));
    expect(again.notetypes).toBe(0);
    expect(notetypeByName(b, 'Basic+++')).toBeUndefined();
    a.close();
    b.close();
  });
});

describe('decks', () => {
  it('are matched by name case-insensitively; a deck of the other kind is renamed', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const b = newCollection(dir, 'b');
    const child = ensureDeck(b, 'parent::CHILD');
    const filtered = { ...newNormalDeck(b.ids.decks.next(), 'Other', 0), dyn: 1 as const, resched: true, terms: [['x', 1, 0] as [string, number, number]] };
    delete filtered.conf;
    b.transact(() => putDeckRaw(b, filtered));
    await importPackage(b, await exported(a, dir, 'p.apkg'));
    const cardsInChild = b.db.prepare('SELECT count(*) FROM cards WHERE did = ?').pluck().get(child);
    expect(cardsInChild).toBe(3);
    const renamed = (b.db.prepare("SELECT name FROM decks WHERE name LIKE 'Other %'").pluck().all() as string[])[0];
    expect(renamed).toMatch(/^Other \d+$/);
    expect(deckByName(b, 'Other')!.dyn).toBe(1);
    a.close();
    b.close();
  });
});

describe('scheduling', () => {
  it('is stripped when not wanted: cards new, no history, no flags, no leech/marked tags', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const card = a.db.prepare('SELECT id FROM cards ORDER BY id').pluck().get() as number;
    makeReview(a, card, 3);
    a.db.prepare('UPDATE cards SET flags = 2').run();
    const b = newCollection(dir, 'b');
    await importPackage(b, await exported(a, dir, 'p.apkg'), { withScheduling: false });
    expect(b.db.prepare('SELECT DISTINCT type, queue, flags, ivl, reps FROM cards').all()).toEqual([{ type: 0, queue: 0, flags: 0, ivl: 0, reps: 0 }]);
    expect(count(b, 'revlog')).toBe(0);
    expect(noteByFront(b, 'two').tags).toBe(' t2 ');
    a.close();
    b.close();
  });

  it('keeps review due dates relative to today across collections created on different days', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a', () => Date.now() - 40 * DAY_MS);
    a.close();
    const older = newCollection(dir, 'a');
    fillSample(older);
    const card = older.db.prepare('SELECT id FROM cards ORDER BY id').pluck().get() as number;
    makeReview(older, card, 5);
    const b = newCollection(dir, 'b');
    await importPackage(b, await exported(older, dir, 'p.apkg'));
    const due = b.db.prepare('SELECT due FROM cards WHERE id = ?').pluck().get(card) as number;
    expect(older.timing().daysElapsed - b.timing().daysElapsed).toBeGreaterThanOrEqual(39);
    expect(due - b.timing().daysElapsed).toBe(5);
    older.close();
    b.close();
  });

  it('adds review history only once, and never touches existing cards', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const card = a.db.prepare('SELECT id FROM cards ORDER BY id').pluck().get() as number;
    makeReview(a, card, 2);
    const pkg = await exported(a, dir, 'p.apkg');
    const b = newCollection(dir, 'b');
    await importPackage(b, pkg);
    b.db.prepare('UPDATE cards SET due = due + 50 WHERE id = ?').run(card);
    const before = b.db.prepare('SELECT * FROM cards ORDER BY id').all();
    expect(await importPackage(b, pkg)).toMatchObject({ cards: 0, notesAdded: 0 });
    expect(count(b, 'revlog')).toBe(1);
    expect(b.db.prepare('SELECT * FROM cards ORDER BY id').all()).toEqual(before);
    a.close();
    b.close();
  });

  it('gives imported cards and notes new ids when theirs are taken (+999)', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const pkg = await exported(a, dir, 'p.apkg');
    const b = newCollection(dir, 'b');
    const [noteId, cardId] = [noteByFront(a, 'three').id, a.db.prepare('SELECT id FROM cards WHERE nid = ?').pluck().get(noteByFront(a, 'three').id) as number];
    const basic = notetypeByName(b, 'Basic')!.id;
    b.db.prepare("INSERT INTO notes VALUES (?, 'other-guid', ?, 1, -1, '', 'x\x1fy', 'x', 0, 0, '')").run(noteId, basic);
    b.db.prepare("INSERT INTO cards VALUES (?, ?, 1, 0, 1, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '{}')").run(cardId, noteId);
    await importPackage(b, pkg);
    expect(noteByFront(b, 'three').id).toBe(noteId + 999);
    expect(b.db.prepare('SELECT id FROM cards WHERE nid = ?').pluck().get(noteId + 999)).toBe(cardId + 999);
    a.close();
    b.close();
  });
});

describe('media', () => {
  it('renames a clashing file (case kept) and rewrites the references; identical files are reused', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    writeFileSync(join(a.mediaDir, 'Foo.wav'), 'new sound');
    writeFileSync(join(a.mediaDir, 'same.png'), 'same');
    writeFileSync(join(a.mediaDir, '_static.js'), 'new static');
    const basic = notetypeByName(a, 'Basic')!;
    const nt = structuredClone(basic);
    nt.tmpls[0]!.qfmt += '<script src="_static.js"></script>';
    saveNotetype(a, nt);
    addNote(a, { notetypeId: basic.id, deckId: 1, fields: ['[sound:Foo.wav] <img src="same.png">', ''] });
    const b = newCollection(dir, 'b');
    writeFileSync(join(b.mediaDir, 'Foo.wav'), 'old sound');
    writeFileSync(join(b.mediaDir, 'same.png'), 'same');
    writeFileSync(join(b.mediaDir, '_static.js'), 'old static');
    const summary = await importPackage(b, await exported(a, dir, 'p.apkg'));
    const renamed = readdirSync(b.mediaDir).find((f) => /^Foo-[0-9a-f]{40}\.wav$/.test(f))!;
    expect(summary.media).toBe(1);
    expect(readFileSync(join(b.mediaDir, renamed), 'utf8')).toBe('new sound');
    expect(readFileSync(join(b.mediaDir, 'Foo.wav'), 'utf8')).toBe('old sound');
    expect(readFileSync(join(b.mediaDir, '_static.js'), 'utf8')).toBe('old static');
    expect(noteByFront(b, `[sound:${renamed}] <img src="same.png">`)).toBeDefined();
    a.close();
    b.close();
  });
});

describe('progress', () => {
  it('reports each stage, ending every stage with done = total', async () => {
    const dir = tempDir();
    const a = newCollection(dir, 'a');
    fillSample(a);
    const b = newCollection(dir, 'b');
    const events: [number, number, PackageStage][] = [];
    await importPackage(b, await exported(a, dir, 'p.apkg'), { onProgress: (done, total, stage) => events.push([done, total, stage]) });
    const stages = [...new Set(events.map((e) => e[2]))];
    expect(stages).toEqual(['reading', 'notetypes', 'notes', 'decks', 'cards', 'revlog', 'media', 'finishing']);
    expect(events.every(([done, total]) => done >= 0 && done <= total)).toBe(true);
    for (const stage of stages) {
      const last = events.filter((e) => e[2] === stage).pop()!;
      expect(last[0]).toBe(last[1]);
    }
    a.close();
    b.close();
  });
});
