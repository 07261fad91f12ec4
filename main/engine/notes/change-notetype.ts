import type { Collection } from '../collection';
import type { NoteId, NotetypeId } from '../model/types';
import { requireNotetype } from '../notetypes/store';
import { canonifyTags } from '../tags/bulk';
import { prepareNoteText } from './prepare';
import { requireNote } from './query';
import { generateMissingCards } from './update';

/**
 * Gives a note another notetype with new fields and tags, as AnkiConnect's
 * updateNoteModel does through Anki's update_note: existing cards keep their
 * ords (they are not remapped) and cards the new notetype calls for are added.
 */
export function setNoteNotetype(
  col: Collection,
  noteId: NoteId,
  notetypeId: NotetypeId,
  fields: readonly string[],
  tags: readonly string[],
): void {
  requireNote(col, noteId);
  const notetype = requireNotetype(col, notetypeId);
  const text = prepareNoteText(notetype, fields, tags);
  col.transact(() => {
    const cased = canonifyTags(col, text.tags);
    col
      .prepare('UPDATE notes SET mid = ?, flds = ?, sfld = ?, csum = ?, tags = ?, mod = ?, usn = -1 WHERE id = ?')
      .run(notetype.id, text.flds, text.sfld, text.csum, cased.length ? ` ${cased.join(' ')} ` : '', col.nowSecs(), noteId);
    generateMissingCards(col, noteId, text.fields);
  });
}
