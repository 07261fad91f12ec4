import type { Collection } from '../collection';
import type { NoteId } from '../model/types';
import { foldCase, compareIgnoringCase } from '../text/fold';
import { canonicalTagList, joinTags, splitTags } from '../text/tags';
import { adoptExistingCasing, registerTags } from './registry';

interface NoteTagsRow {
  id: NoteId;
  tags: string;
}

function tagsOfNotes(col: Collection, noteIds: readonly NoteId[]): NoteTagsRow[] {
  if (!noteIds.length) return [];
  return col
    .prepare('SELECT id, tags FROM notes WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(noteIds)) as NoteTagsRow[];
}

function writeNoteTags(col: Collection, noteId: NoteId, tags: readonly string[]): void {
  col.prepare('UPDATE notes SET tags = ?, mod = ?, usn = -1 WHERE id = ?').run(joinTags(tags), col.nowSecs(), noteId);
}

/** Canonical tags in their registered casing; new ones are registered (Anki's canonify_tags, which splits on spaces). */
export function canonifyTags(col: Collection, tags: readonly string[]): string[] {
  const cased = adoptExistingCasing(col, canonicalTagList(tags.flatMap(splitTags)));
  registerTags(col, cased);
  return canonicalTagList(cased);
}

/**
 * Adds space-separated tags to notes (Anki's add_tags_to_notes): only notes that
 * lack one of them change; their tags are re-sorted. Unknown ids are skipped.
 * Returns how many notes changed.
 */
export function addTagsToNotes(col: Collection, noteIds: readonly NoteId[], spaceSeparated: string): number {
  return col.transact(() => {
    const wanted = canonifyTags(col, splitTags(spaceSeparated));
    if (!wanted.length) return 0;
    let changed = 0;
    for (const note of tagsOfNotes(col, noteIds)) {
      const current = splitTags(note.tags);
      const have = new Set(current.map(foldCase));
      const missing = wanted.filter((t) => !have.has(foldCase(t)));
      if (!missing.length) continue;
      writeNoteTags(col, note.id, [...current, ...missing].sort(compareIgnoringCase));
      changed++;
    }
    return changed;
  });
}

/** A tag matches one of `patterns` if it equals it or is its child (`pattern::…`), ignoring case (Anki's TagMatcher). */
function tagMatcher(spaceSeparated: string): (tag: string) => boolean {
  const patterns = splitTags(spaceSeparated).map(foldCase);
  return (tag) => {
    const key = foldCase(tag);
    return patterns.some((p) => key === p || key.startsWith(`${p}::`));
  };
}

/** Removes space-separated tags (and their child tags) from notes. Returns how many notes changed. */
export function removeTagsFromNotes(col: Collection, noteIds: readonly NoteId[], spaceSeparated: string): number {
  const matches = tagMatcher(spaceSeparated);
  return col.transact(() => {
    let changed = 0;
    for (const note of tagsOfNotes(col, noteIds)) {
      const current = splitTags(note.tags);
      const kept = current.filter((t) => !matches(t));
      if (kept.length === current.length) continue;
      writeNoteTags(col, note.id, kept);
      changed++;
    }
    return changed;
  });
}

/** Replaces a note's tags with `tags` (canonicalised); the note's mod is bumped. */
export function setNoteTags(col: Collection, noteId: NoteId, tags: readonly string[]): void {
  col.transact(() => writeNoteTags(col, noteId, canonifyTags(col, tags)));
}

/**
 * The add-on's replaceTags: in each note that has `from` (exact tag, any case),
 * every such tag is replaced by `to` and the tags are canonicalised again.
 * `noteIds` null means every note. Returns how many notes changed.
 */
export function replaceTagInNotes(col: Collection, noteIds: readonly NoteId[] | null, from: string, to: string): number {
  const key = foldCase(from);
  return col.transact(() => {
    const rows =
      noteIds === null ? (col.prepare('SELECT id, tags FROM notes').all() as NoteTagsRow[]) : tagsOfNotes(col, noteIds);
    let changed = 0;
    for (const note of rows) {
      const current = splitTags(note.tags);
      if (!current.some((t) => foldCase(t) === key)) continue;
      writeNoteTags(col, note.id, canonifyTags(col, [...current.filter((t) => foldCase(t) !== key), to]));
      changed++;
    }
    return changed;
  });
}
