import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../collection';
import { addNotes } from '../notes/add';
import { notetypeByName } from '../notetypes/store';
import type { CardRow } from '../model/types';
import { cardsByIds } from './query';

let col: Collection;

beforeEach(() => {
  col = Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-cards-')), 'collection.sqlite'));
});

afterEach(() => col.close());

function addCards(count: number): number[] {
  const basic = notetypeByName(col, 'Basic')!;
  const notes = Array.from({ length: count }, (_, i) => ({ notetypeId: basic.id, deckId: 1, fields: [`front ${i}`, 'back'] }));
  return addNotes(col, notes).flatMap((note) => note.cardIds);
}

function rowsByStar(ids: number[]): CardRow[] {
  return ids.map((id) => col.db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow);
}

describe('cardsByIds', () => {
  it('reads every column exactly as SELECT * does, and skips absent ids', () => {
    const ids = addCards(50);
    col.db.prepare("UPDATE cards SET due = -7, odue = 3, odid = 1, flags = 5, data = '{\"s\":1.5,\"é\":\"水\"}', ivl = 2147483647 WHERE id = ?").run(ids[3]);
    col.db.prepare('UPDATE cards SET factor = 2.5 WHERE id = ?').run(ids[4]);
    const found = cardsByIds(col, [...ids, 42]);
    expect(found.size).toBe(50);
    expect(ids.map((id) => found.get(id))).toEqual(rowsByStar(ids));
    expect(found.get(ids[4]!)!.factor).toBe(2.5);
    expect(cardsByIds(col, []).size).toBe(0);
  });

  it('still reads a damaged row holding a BLOB, which cannot travel as JSON', () => {
    const ids = addCards(3);
    col.db.prepare('UPDATE cards SET data = ? WHERE id = ?').run(Buffer.from([1, 2, 3]), ids[1]);
    const found = cardsByIds(col, ids);
    expect(found.size).toBe(3);
    expect(Buffer.isBuffer(found.get(ids[1]!)!.data)).toBe(true);
    expect(found.get(ids[2]!)).toEqual(rowsByStar([ids[2]!])[0]);
  });
});
