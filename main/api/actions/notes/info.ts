import type { Collection } from '../../../engine/collection';
import type { NoteId, Notetype, NotetypeId } from '../../../engine/model/types';
import { notetypeById } from '../../../engine/notetypes/store';
import { cardIdsByNote, noteModTimes, notesByIds } from '../../../engine/notes/batch';
import { splitFields, splitTags } from '../../../engine/text';

type Missing = Record<string, never>;
const MISSING: Missing = {};

interface FieldInfo {
  value: string;
  order: number;
}

export interface NoteInfo {
  noteId: NoteId;
  profile: string | null;
  tags: string[];
  fields: Record<string, FieldInfo>;
  modelName: string;
  mod: number;
  cards: number[];
}

/** notesInfo: one object per requested id, `{}` for ids that are not notes; batched queries. */
export function notesInfo(col: Collection, ids: readonly NoteId[], profile: string | null): (NoteInfo | Missing)[] {
  const notes = notesByIds(col, ids);
  const cards = cardIdsByNote(col, [...notes.keys()]);
  const notetypes = new Map<NotetypeId, Notetype | undefined>();
  return ids.map((id): NoteInfo | Missing => {
    const note = notes.get(id);
    if (!note) return MISSING;
    if (!notetypes.has(note.mid)) notetypes.set(note.mid, notetypeById(col, note.mid));
    const notetype = notetypes.get(note.mid);
    const values = splitFields(note.flds);
    const fields: Record<string, FieldInfo> = {};
    for (const field of notetype?.flds ?? []) fields[field.name] = { value: values[field.ord] ?? '', order: field.ord };
    return {
      noteId: note.id,
      profile,
      tags: splitTags(note.tags),
      fields,
      modelName: notetype?.name ?? '',
      mod: note.mod,
      cards: cards.get(note.id) ?? [],
    };
  });
}

/** notesModTime: `{noteId, mod}` per id, `{}` for ids that are not notes. */
export function notesModTime(col: Collection, ids: readonly NoteId[]): ({ noteId: NoteId; mod: number } | Missing)[] {
  const mods = noteModTimes(col, ids);
  return ids.map((id) => {
    const mod = mods.get(id);
    return mod === undefined ? MISSING : { noteId: id, mod };
  });
}
