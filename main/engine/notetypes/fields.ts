/**
 * Field operations on an existing notetype, each one transaction. Fields are found by
 * exact name (Anki's field_map); notes are rewritten when fields move, appear or go.
 */
import type { Collection } from '../collection';
import type { Notetype, NotetypeField, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { newField } from './stock';
import { editNotetype, type NotetypeDraft } from './change';
import { requireNotetype } from './store';

/** Where Python's list.insert(index, x) puts x in a list of `length` items. */
export function pythonInsertIndex(length: number, index: number): number {
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

/** Moves item `from` to `index` with Python's remove-then-insert semantics, keeping origins in step. */
export function moveWithOrigins<T>(items: T[], origins: (number | null)[], from: number, index: number): void {
  if (from === index) return;
  const [item] = items.splice(from, 1);
  const [origin] = origins.splice(from, 1);
  const to = pythonInsertIndex(items.length, index);
  items.splice(to, 0, item!);
  origins.splice(to, 0, origin ?? null);
}

function fieldIndex(nt: Notetype, name: string): number {
  const index = nt.flds.findIndex((f) => f.name === name);
  if (index < 0) throw new EngineError('not-found', `field was not found in ${nt.name}: ${name}`);
  return index;
}

/** Checks the field exists before any change, so errors leave the collection untouched. */
export function requireField(col: Collection, id: NotetypeId, name: string): NotetypeField {
  const nt = requireNotetype(col, id);
  return nt.flds[fieldIndex(nt, name)]!;
}

export function renameField(col: Collection, id: NotetypeId, oldName: string, newName: string): Notetype {
  return editNotetype(col, id, ({ notetype }) => {
    notetype.flds[fieldIndex(notetype, oldName)]!.name = newName;
  });
}

export function repositionField(col: Collection, id: NotetypeId, name: string, index: number): Notetype {
  return editNotetype(col, id, (draft) => {
    moveWithOrigins(draft.notetype.flds, draft.fieldOrigins, fieldIndex(draft.notetype, name), index);
  });
}

/** Adds a field (unless one has that exact name) and moves it to `index` when given. */
export function addField(col: Collection, id: NotetypeId, name: string, index: number | null = null): Notetype {
  return editNotetype(col, id, (draft: NotetypeDraft) => {
    const { notetype } = draft;
    if (!notetype.flds.some((f) => f.name === name)) {
      notetype.flds.push(newField(name, notetype.flds.length));
      draft.fieldOrigins.push(null);
    }
    if (index !== null) moveWithOrigins(notetype.flds, draft.fieldOrigins, fieldIndex(notetype, name), index);
  });
}

export function removeField(col: Collection, id: NotetypeId, name: string): Notetype {
  return editNotetype(col, id, (draft) => {
    const index = fieldIndex(draft.notetype, name);
    draft.notetype.flds.splice(index, 1);
    draft.fieldOrigins.splice(index, 1);
  });
}

/** Changes editor settings of one field (font, size, description). */
export function setFieldOptions(
  col: Collection,
  id: NotetypeId,
  name: string,
  options: Partial<Pick<NotetypeField, 'font' | 'size' | 'description'>>,
): Notetype {
  return editNotetype(col, id, ({ notetype }) => {
    Object.assign(notetype.flds[fieldIndex(notetype, name)]!, options);
  });
}
