import type { Collection } from '../collection';
import type { CardId, NoteId } from '../model/types';
import { requireNotetype } from '../notetypes/store';
import { cardOrdsToGenerate } from '../template';
import { insertNewCards, takeNextPosition } from '../cards/create';
import { adoptExistingCasing, registerTags } from '../tags/registry';
import { prepareNoteText } from './prepare';
import { noteFields, noteTags, requireNote } from './query';

export interface NoteUpdate {
  /** Complete field list in ord order. */
  fields?: readonly string[];
  tags?: readonly string[];
}

/**
 * Updates a note's fields and/or tags in one transaction. Cards for newly
 * non-empty templates are generated; no card is ever deleted by an edit.
 */
export function updateNote(col: Collection, noteId: NoteId, update: NoteUpdate): { newCardIds: CardId[] } {
  const note = requireNote(col, noteId);
  const notetype = requireNotetype(col, note.mid);
  const text = prepareNoteText(notetype, update.fields ?? noteFields(note), update.tags ?? noteTags(note));
  return col.transact(() => {
    const tags = adoptExistingCasing(col, text.tags);
    const tagsColumn = tags.length ? ` ${tags.join(' ')} ` : '';
    col
      .prepare('UPDATE notes SET flds = ?, sfld = ?, csum = ?, tags = ?, mod = ?, usn = -1 WHERE id = ?')
      .run(text.flds, text.sfld, text.csum, tagsColumn, col.nowSecs(), noteId);
    registerTags(col, tags);
    return { newCardIds: generateMissingCards(col, noteId, text.fields) };
  });
}

/** Creates cards the note's current fields call for but that do not exist yet. */
export function generateMissingCards(col: Collection, noteId: NoteId, fields?: readonly string[]): CardId[] {
  const note = requireNote(col, noteId);
  const notetype = requireNotetype(col, note.mid);
  const existing = col.prepare('SELECT ord, did FROM cards WHERE nid = ? ORDER BY ord').all(noteId) as {
    ord: number;
    did: number;
  }[];
  const have = new Set(existing.map((c) => c.ord));
  const wanted = cardOrdsToGenerate(notetype, fields ?? noteFields(note), { tags: noteTags(note) }).filter(
    (ord) => !have.has(ord),
  );
  if (!wanted.length) return [];
  const deckId = existing[0]?.did ?? col.getConfig<number>('curDeck', 1);
  const position = existingNewPosition(col, noteId) ?? takeNextPosition(col);
  return insertNewCards(col, noteId, notetype, wanted, deckId, position);
}

function existingNewPosition(col: Collection, noteId: NoteId): number | undefined {
  return col.prepare('SELECT min(due) FROM cards WHERE nid = ? AND type = 0').pluck().get(noteId) as
    | number
    | undefined
    | null ?? undefined;
}
