/** Small collections and packages built by Engram itself, for unit tests. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../../collection';
import { ensureDeck } from '../../decks/store';
import { addNote } from '../../notes';
import { notetypeByName } from '../../notetypes/store';
import { resolveLimits } from '../limits';
import { ZipReader } from '../zip/read';
import { writeZip, type RawEntry } from './build';

export function tempDir(prefix = 'engram-pkg-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function newCollection(dir: string, name = 'col', now?: () => number): Collection {
  mkdirSync(join(dir, name), { recursive: true });
  return Collection.open(join(dir, name, 'collection.anki2'), now ? { now } : {});
}

/** Three notes in a nested deck, one referring to media. */
export function fillSample(col: Collection): void {
  writeFileSync(join(col.mediaDir, 'pic.png'), 'picture bytes');
  writeFileSync(join(col.mediaDir, 'sound.mp3'), 'sound bytes');
  const basic = notetypeByName(col, 'Basic')!.id;
  const reversed = notetypeByName(col, 'Basic (and reversed card)')!.id;
  const child = ensureDeck(col, 'Parent::Child');
  addNote(col, { notetypeId: basic, deckId: child, fields: ['<img src="pic.png"> one', '[sound:sound.mp3]'], tags: ['t1'] });
  addNote(col, { notetypeId: reversed, deckId: child, fields: ['two', 'deux'], tags: ['t2', 'leech'] });
  addNote(col, { notetypeId: basic, deckId: ensureDeck(col, 'Other'), fields: ['three', 'trois'] });
}

/** All entries of a ZIP file, inflated, in order. */
export function zipEntries(path: string): RawEntry[] {
  const reader = ZipReader.open(path, resolveLimits());
  try {
    return [...reader.entries.keys()].map((name) => ({ name, data: reader.read(name) }));
  } finally {
    reader.close();
  }
}

/** Rewrites a package with `change` applied to its entries. */
export function rewritePackage(source: string, target: string, change: (entries: RawEntry[]) => RawEntry[]): string {
  writeZip(target, change(zipEntries(source)));
  return target;
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
