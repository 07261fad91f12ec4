import type { Collection } from '../../../engine/collection';
import type { NoteId, NoteRow, Notetype } from '../../../engine/model/types';
import type { SourceLimits } from '../../../engine/media';
import { noteById } from '../../../engine/notes/query';
import { notetypeById } from '../../../engine/notetypes/store';
import { splitFields } from '../../../engine/text';
import { typeName } from '../../params';
import { ActionError } from '../../registry';
import { fieldOrd } from './draft';
import { attachNoteMedia } from './media';
import { pyItem, pyItems, pyStr } from './python';

/** A note id from a JSON value (integers, or digits as text). */
export function noteIdFrom(value: unknown): NoteId {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new ActionError(`Note was not found: ${pyStr(value)}`);
}

/** The add-on's getNote: the note, or `Note was not found: <id>`. */
export function requireNoteForApi(col: Collection, value: unknown): { note: NoteRow; notetype: Notetype } {
  const id = noteIdFrom(value);
  const note = noteById(col, id);
  const notetype = note ? notetypeById(col, note.mid) : undefined;
  if (!note || !notetype) throw new ActionError(`Note was not found: ${pyStr(value)}`);
  return { note, notetype };
}

export interface FieldUpdate {
  noteId: NoteId;
  fields: string[];
  changed: boolean;
}

/**
 * updateNoteFields up to the save: the note (by `id`), then `fields` matched by
 * exact name (unknown names ignored), then media appended. Nothing is written.
 */
export async function readFieldUpdate(col: Collection, note: unknown, limits: Partial<SourceLimits>): Promise<FieldUpdate> {
  const { note: existing, notetype } = requireNoteForApi(col, pyItem(note, 'id'));
  const before = splitFields(existing.flds);
  const fields = notetype.flds.map((f) => before[f.ord] ?? '');
  for (const [name, value] of pyItems(pyItem(note, 'fields'))) {
    const ord = fieldOrd(notetype, name);
    if (ord < 0) continue;
    if (typeof value !== 'string') throw new ActionError(`field "${name}" must be a string, got ${typeName(value)}`);
    fields[ord] = value;
  }
  await attachNoteMedia(col, notetype, fields, note, limits);
  const changed = fields.length !== before.length || fields.some((f, i) => f !== before[i]);
  return { noteId: existing.id, fields, changed };
}
