import type { Collection } from '../collection';
import type { NoteId } from '../model/types';

const GRAVE_CARD = 0;
const GRAVE_NOTE = 1;

/** Deletes notes and their cards (revlog is kept, as in Anki), recording graves. Returns how many were deleted. */
export function deleteNotes(col: Collection, noteIds: readonly NoteId[]): number {
  return col.transact(() => {
    const cardIds = col.prepare('SELECT id FROM cards WHERE nid = ?').pluck();
    const grave = col.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, ?, -1)');
    const delCards = col.prepare('DELETE FROM cards WHERE nid = ?');
    const delNote = col.prepare('DELETE FROM notes WHERE id = ?');
    let deleted = 0;
    for (const nid of noteIds) {
      for (const cid of cardIds.all(nid) as number[]) grave.run(cid, GRAVE_CARD);
      delCards.run(nid);
      const changes = delNote.run(nid).changes;
      if (changes) grave.run(nid, GRAVE_NOTE);
      deleted += changes;
    }
    return deleted;
  });
}
