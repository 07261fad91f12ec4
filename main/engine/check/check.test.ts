import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../collection';
import { addNote } from '../notes/add';
import { notetypeByName } from '../notetypes/store';
import { deckById } from '../decks/store';
import { allTags } from '../tags/registry';
import { fieldChecksum } from '../text/note-text';
import { checkDatabase, fixFieldCount } from './index';

let col: Collection;
const NOW = Date.UTC(2026, 5, 1, 12);

beforeEach(() => {
  col = Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-check-')), 'collection.sqlite'), { now: () => NOW });
});
afterEach(() => col.close());

function basicNote(front: string, tags: string[] = []): { noteId: number; cardIds: number[] } {
  return addNote(col, { notetypeId: notetypeByName(col, 'Basic')!.id, deckId: 1, fields: [front, 'back'], tags });
}

/** Writes rows that break foreign keys, as a damaged or hand-edited file would. */
function unchecked(sql: string, ...args: unknown[]): void {
  col.db.pragma('foreign_keys = OFF');
  col.db.prepare(sql).run(...args);
  col.db.pragma('foreign_keys = ON');
}

describe('checkDatabase', () => {
  it('reports nothing on a healthy collection', () => {
    basicNote('hello', ['a']);
    const report = checkDatabase(col);
    expect(report).toEqual({ integrityOk: true, problems: [], fixed: {} });
  });

  it('fixes card properties: huge new due, review due, negative ivl, odue without odid', () => {
    const { cardIds } = basicNote('x');
    const [id] = cardIds;
    col.db.prepare('UPDATE cards SET due = 2000005, odue = 7, ivl = -3 WHERE id = ?').run(id);
    const other = basicNote('y').cardIds[0];
    col.db.prepare('UPDATE cards SET type = 2, queue = 2, due = 200000, ivl = 5 WHERE id = ?').run(other);
    const report = checkDatabase(col);
    expect(report.fixed.cardProperties).toBeGreaterThanOrEqual(3);
    const card = col.db.prepare('SELECT due, odue, ivl FROM cards WHERE id = ?').get(id) as Record<string, number>;
    expect(card).toEqual({ due: 1000005, odue: 0, ivl: 0 });
    expect(col.getConfig('nextPos', 0)).toBe(1000006);
    expect(col.db.prepare('SELECT due FROM cards WHERE id = ?').pluck().get(other)).toBe(col.timing().daysElapsed);
    expect(checkDatabase(col).problems).toEqual([]);
  });

  it('deletes cards without a note and recreates missing decks', () => {
    const { noteId, cardIds } = basicNote('x');
    unchecked('UPDATE cards SET did = 424242 WHERE id = ?', cardIds[0]);
    unchecked('INSERT INTO cards SELECT 99, 12345, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data FROM cards WHERE id = ?', cardIds[0]);
    const report = checkDatabase(col);
    expect(report.fixed.cardsWithoutNote).toBe(1);
    expect(report.fixed.missingDecks).toBe(1);
    expect(deckById(col, 424242)?.name).toBe('recovered424242');
    expect(col.db.prepare('SELECT count(*) FROM cards WHERE nid = ?').pluck().get(noteId)).toBe(1);
    expect(col.db.prepare('SELECT count(*) FROM graves WHERE oid = 99 AND type = 0').pluck().get()).toBe(1);
  });

  it('fixes wrong field counts, tagging the note db-check', () => {
    const { noteId } = basicNote('front');
    col.db.prepare("UPDATE notes SET flds = ? WHERE id = ?").run(['a', 'b', 'c', 'd'].join('\x1f'), noteId);
    const report = checkDatabase(col);
    expect(report.fixed.fieldCount).toBe(1);
    const note = col.db.prepare('SELECT flds, tags FROM notes WHERE id = ?').get(noteId) as { flds: string; tags: string };
    expect(note.flds.split('\x1f')).toEqual(['a', 'b; c; d']);
    expect(note.tags).toBe(' db-check ');
    expect(allTags(col)).toContain('db-check');
  });

  it('recomputes sfld and csum, regenerates missing cards and drops cards without template', () => {
    const { noteId, cardIds } = basicNote('<b>Hello</b>');
    col.db.prepare("UPDATE notes SET sfld = 'wrong', csum = 1 WHERE id = ?").run(noteId);
    col.db.prepare('DELETE FROM cards WHERE id = ?').run(cardIds[0]);
    const stray = basicNote('z').cardIds[0];
    col.db.prepare('UPDATE cards SET ord = 5 WHERE id = ?').run(stray);
    const report = checkDatabase(col);
    expect(report.fixed.checksums).toBe(1);
    expect(report.fixed.cardsGenerated).toBe(2);
    expect(report.fixed.cardsWithoutTemplate).toBe(1);
    const note = col.db.prepare('SELECT sfld, csum FROM notes WHERE id = ?').get(noteId) as { sfld: string; csum: number };
    expect(note.sfld).toBe('Hello');
    expect(note.csum).toBe(fieldChecksum('Hello'));
  });

  it('gives notes whose notetype is gone a recovered notetype', () => {
    const { noteId } = basicNote('x');
    unchecked('UPDATE notes SET mid = 777 WHERE id = ?', noteId);
    const report = checkDatabase(col);
    expect(report.fixed.missingNotetypes).toBe(1);
    const mid = col.db.prepare('SELECT mid FROM notes WHERE id = ?').pluck().get(noteId) as number;
    expect(notetypeByName(col, 'Recovered')?.id).toBe(mid);
  });

  it('renumbers ids in the future and keeps revlog linked', () => {
    const { noteId, cardIds } = basicNote('x');
    const future = NOW + 10 * 86_400_000;
    unchecked('UPDATE notes SET id = ? WHERE id = ?', future, noteId);
    unchecked('UPDATE cards SET nid = ?, id = ? WHERE id = ?', future, future + 1, cardIds[0]);
    col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, 1, 0, 2500, 1000, 0)').run(future + 2, future + 1);
    const report = checkDatabase(col);
    expect(report.fixed.futureIds).toBe(3);
    expect(col.db.prepare('SELECT count(*) FROM notes WHERE id > ?').pluck().get(NOW + 86_400_000)).toBe(0);
    const card = col.db.prepare('SELECT id, nid FROM cards').get() as { id: number; nid: number };
    expect(col.db.prepare('SELECT count(*) FROM notes WHERE id = ?').pluck().get(card.nid)).toBe(1);
    expect(col.db.prepare('SELECT cid FROM revlog').pluck().get()).toBe(card.id);
    expect(col.ids.notes.next()).toBeLessThan(NOW + 86_400_000);
  });

  it('rebuilds the tag registry and the next position', () => {
    basicNote('x', ['lang::ja']);
    col.db.prepare("INSERT INTO tags VALUES ('unused', 'unused', -1, 0)").run();
    col.db.prepare("DELETE FROM tags WHERE tag_key = 'lang::ja'").run();
    col.setConfig('nextPos', 1);
    const report = checkDatabase(col);
    expect(report.fixed.tagsRemoved).toBe(1);
    expect(report.fixed.tagsRegistered).toBe(2);
    expect(allTags(col)).toEqual(['lang', 'lang::ja']);
    expect(col.getConfig('nextPos', 0)).toBe(2);
  });
});

describe('fixFieldCount', () => {
  it('pads short notes and merges extra fields into the last', () => {
    expect(fixFieldCount(['a'], 3)).toEqual(['a', '', '']);
    expect(fixFieldCount(['a', 'b', '', 'd'], 2)).toEqual(['a', 'b; d']);
  });
});
