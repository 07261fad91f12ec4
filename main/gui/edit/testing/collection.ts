import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../../../engine/collection';
import { addNote } from '../../../engine/notes';
import { notetypeByName } from '../../../engine/notetypes/store';
import { ensureDeck } from '../../../engine/decks/store';

/** A new collection in a temporary folder, with a fixed clock. */
export function tempCollection(now = 1_750_000_000_000): Collection {
  let clock = now;
  return Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-gui-edit-')), 'c.sqlite'), { now: () => (clock += 1000) });
}

export function addBasic(col: Collection, front: string, back = '', options: { deck?: string; tags?: string[] } = {}): number {
  const deckId = options.deck ? ensureDeck(col, options.deck) : 1;
  return addNote(col, { notetypeId: notetypeByName(col, 'Basic')!.id, deckId, fields: [front, back], tags: options.tags ?? [] }).noteId;
}

export function cardsOf(col: Collection, noteId: number): { id: number; did: number; queue: number; flags: number; due: number; type: number }[] {
  return col.prepare('SELECT id, did, queue, flags, due, type FROM cards WHERE nid = ? ORDER BY ord').all(noteId) as never;
}
