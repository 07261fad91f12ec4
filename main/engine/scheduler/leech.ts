import type { Collection } from '../collection';
import type { NoteId } from '../model/types';
import { adoptExistingCasing, registerTags } from '../tags/registry';
import { compareIgnoringCase, foldCase } from '../text/fold';
import { joinTags, splitTags } from '../text/tags';

export const LEECH_TAG = 'leech';

/**
 * Adds `tag` to the note unless it already has it (any case), keeping the
 * registry's casing and sorting case-insensitively (rslib tags/bulkadd.rs).
 * Returns true when the note changed.
 */
export function addTagToNote(col: Collection, nid: NoteId, tag: string): boolean {
  const current = col.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(nid) as string | undefined;
  if (current === undefined) return false;
  const [canonical] = adoptExistingCasing(col, [tag]);
  registerTags(col, [canonical!]);
  const tags = splitTags(current);
  if (tags.some((t) => foldCase(t) === foldCase(canonical!))) return false;
  tags.push(canonical!);
  tags.sort(compareIgnoringCase);
  col.prepare('UPDATE notes SET tags = ?, mod = ?, usn = -1 WHERE id = ?').run(joinTags(tags), col.nowSecs(), nid);
  return true;
}
