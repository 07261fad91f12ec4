import type { Collection } from '../collection';
import type { NoteId, NoteRow, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { fieldChecksum, splitFields, stripHtmlPreservingMediaFilenames } from '../text';

export function noteById(col: Collection, id: NoteId): NoteRow | undefined {
  return col.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
}

export function requireNote(col: Collection, id: NoteId): NoteRow {
  const note = noteById(col, id);
  if (!note) throw new EngineError('not-found', `Note was not found: ${id}`);
  return note;
}

export function noteFields(note: NoteRow): string[] {
  return splitFields(note.flds);
}

export function noteTags(note: NoteRow): string[] {
  return note.tags.split(/[ \u3000]+/).filter(Boolean);
}

/**
 * Notes of `notetypeId` whose stripped first field equals that of `firstField`
 * (Anki's duplicate rule: same notetype, same csum, same stripped text).
 */
export function duplicatesOf(col: Collection, notetypeId: NotetypeId, firstField: string): NoteId[] {
  const stripped = stripHtmlPreservingMediaFilenames(firstField.normalize('NFC')).trim();
  if (!stripped) return [];
  const rows = col
    .prepare(// `+mid` keeps SQLite on the checksum index; the notetype index would scan every note of the type.
    'SELECT id, flds FROM notes WHERE +mid = ? AND csum = ?')
    .all(notetypeId, fieldChecksum(firstField.normalize('NFC'))) as { id: NoteId; flds: string }[];
  return rows
    .filter((r) => stripHtmlPreservingMediaFilenames(splitFields(r.flds)[0] ?? '').trim() === stripped)
    .map((r) => r.id);
}
