import type { Collection } from '../../engine/collection';
import { addNote, duplicatesOf, noteById, noteFields, noteTags, requireNote, updateNote } from '../../engine/notes';
import { notetypeById, requireNotetype } from '../../engine/notetypes/store';
import { requireDeck } from '../../engine/decks/store';
import { stripHtmlPreservingMediaFilenames } from '../../engine/text';
import type { AddNoteRequest, DuplicateCheck, NoteInfo } from '../../../shared/bridge/edit';

export function noteInfo(col: Collection, noteId: number): NoteInfo {
  const note = requireNote(col, noteId);
  const cards = col.prepare('SELECT id, did FROM cards WHERE nid = ? ORDER BY ord').all(noteId) as { id: number; did: number }[];
  return {
    id: note.id,
    notetypeId: note.mid,
    fields: noteFields(note),
    tags: noteTags(note),
    cardIds: cards.map((c) => c.id),
    deckId: cards[0]?.did ?? 1,
    mod: note.mod,
  };
}

/** Anki's editor check: an empty first field cannot be added; the same first field in the same note type is a duplicate. */
export function checkDuplicate(col: Collection, notetypeId: number, fields: readonly string[], noteId?: number): DuplicateCheck {
  requireNotetype(col, notetypeId);
  const first = fields[0] ?? '';
  if (!stripHtmlPreservingMediaFilenames(first).trim()) return { empty: true, duplicateNoteIds: [] };
  return { empty: false, duplicateNoteIds: duplicatesOf(col, notetypeId, first).filter((id) => id !== noteId) };
}

export function addNoteFromGui(col: Collection, request: AddNoteRequest): { noteId: number; cardCount: number } {
  requireDeck(col, request.deckId);
  const added = addNote(col, {
    notetypeId: request.notetypeId,
    deckId: request.deckId,
    fields: request.fields,
    tags: request.tags,
  });
  return { noteId: added.noteId, cardCount: added.cardIds.length };
}

export function updateNoteFromGui(col: Collection, noteId: number, fields: readonly string[], tags: readonly string[]): void {
  updateNote(col, noteId, { fields, tags });
}

/** One line per note (its sort field without HTML), for the Add screen's history. */
export function noteSummaries(col: Collection, noteIds: readonly number[]): { id: number; text: string; notetype: string }[] {
  const out: { id: number; text: string; notetype: string }[] = [];
  for (const id of noteIds) {
    const note = noteById(col, id);
    if (!note) continue;
    const text = stripHtmlPreservingMediaFilenames(String(note.sfld)).slice(0, 200);
    out.push({ id, text, notetype: notetypeById(col, note.mid)?.name ?? '' });
  }
  return out;
}
