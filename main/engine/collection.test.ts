import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Collection } from './collection';
import { allNotetypes } from './notetypes/store';
import { allDecks } from './decks/store';
import { LATEST_VERSION } from './db/migrations';

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'engram-col-')), 'collection.sqlite');
}

describe('Collection', () => {
  it('creates a new collection with Anki defaults', () => {
    const col = Collection.open(tempPath());
    expect(allNotetypes(col).map((n) => n.name)).toEqual([
      'Basic',
      'Basic (and reversed card)',
      'Basic (optional reversed card)',
      'Basic (type in the answer)',
      'Cloze',
    ]);
    expect(allDecks(col).map((d) => [d.id, d.name])).toEqual([[1, 'Default']]);
    expect(col.getConfig('curModel', 0)).toBe(allNotetypes(col)[0]!.id);
    col.close();
  });

  it('refuses a database written by a newer Engram', () => {
    const path = tempPath();
    Collection.open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => Collection.open(path)).toThrow(/newer Engram/);
  });

  it('reopens an existing collection without re-initialising', () => {
    const path = tempPath();
    const first = Collection.open(path);
    const ids = allNotetypes(first).map((n) => n.id);
    first.close();
    const second = Collection.open(path);
    expect(allNotetypes(second).map((n) => n.id)).toEqual(ids);
    second.close();
  });
});
