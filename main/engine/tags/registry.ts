import type { Collection } from '../collection';
import { foldCase } from '../text/fold';
import { splitTags } from '../text/tags';

/** Tags are registered case-insensitively; the first casing seen wins (Anki's register_tag). */
export function registerTags(col: Collection, tags: readonly string[]): void {
  const insert = col.prepare('INSERT OR IGNORE INTO tags (tag, tag_key, usn, collapsed) VALUES (?, ?, -1, 0)');
  for (const tag of tags) insert.run(tag, foldCase(tag));
}

/** Existing casing for tags already known (so "Verb" added after "verb" stays "verb"). */
export function adoptExistingCasing(col: Collection, tags: readonly string[]): string[] {
  const lookup = col.prepare('SELECT tag FROM tags WHERE tag_key = ?').pluck();
  return tags.map((tag) => (lookup.get(foldCase(tag)) as string | undefined) ?? tag);
}

export function allTags(col: Collection): string[] {
  return col.prepare('SELECT tag FROM tags ORDER BY tag_key').pluck().all() as string[];
}

/** Removes registry entries no note uses any more. Returns how many were removed. */
export function clearUnusedTags(col: Collection): number {
  return col.transact(() => {
    const used = new Set<string>();
    for (const row of col.prepare('SELECT DISTINCT tags FROM notes').pluck().iterate() as IterableIterator<string>) {
      for (const tag of splitTags(row)) used.add(foldCase(tag));
    }
    let removed = 0;
    const del = col.prepare('DELETE FROM tags WHERE tag_key = ?');
    for (const key of col.prepare('SELECT tag_key FROM tags').pluck().all() as string[]) {
      if (!used.has(key)) removed += del.run(key).changes;
    }
    return removed;
  });
}
