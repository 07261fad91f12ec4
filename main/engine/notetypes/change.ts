/**
 * Editing a notetype the way Anki saves one (rslib notetype/mod.rs `prepare_for_update`,
 * schemachange.rs): work on a draft whose fields and templates remember where they came
 * from, then commit it in one transaction that rewrites notes and cards to match.
 */
import type { Collection } from '../collection';
import { NotetypeKind, type Notetype, type NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { foldCase } from '../text/fold';
import { fieldChecksum, joinFields, sortFieldText, splitFields } from '../text';
import { generateMissingCards } from '../notes/update';
import { allNotetypes, notetypeByName, requireNotetype, saveNotetype } from './store';
import { checkTemplates, fixFieldName, fixTemplateName, uniqueNames } from './checks';
import { updateTemplatesForFieldChanges } from './field-refs';

/** A working copy; `*Origins[i]` is the original index of field/template i, or null when new. */
export interface NotetypeDraft {
  notetype: Notetype;
  fieldOrigins: (number | null)[];
  templateOrigins: (number | null)[];
}

export function startDraft(original: Notetype): NotetypeDraft {
  const notetype = structuredClone(original);
  return {
    notetype,
    fieldOrigins: notetype.flds.map((_, i) => i),
    templateOrigins: notetype.tmpls.map((_, i) => i),
  };
}

/** The notetype by name (case-insensitive, like Anki), or AnkiConnect's error. */
export function requireNotetypeNamed(col: Collection, name: string): Notetype {
  const nt = notetypeByName(col, name);
  if (!nt) throw new EngineError('not-found', `model was not found: ${name}`);
  return nt;
}

const ordsChanged = (origins: readonly (number | null)[], previous: number): boolean =>
  origins.length !== previous || origins.some((origin, i) => origin !== i);

/** Anki's field renames/removals implied by the draft: old name → new name, or null. */
function fieldRenames(draft: NotetypeDraft, original: Notetype): Map<string, string | null> {
  const renames = new Map<string, string | null>();
  const kept = new Set<number>();
  draft.notetype.flds.forEach((field, i) => {
    const origin = draft.fieldOrigins[i];
    if (origin === null || origin === undefined) return;
    kept.add(origin);
    const before = original.flds[origin];
    if (before && before.name !== field.name) renames.set(before.name, field.name);
  });
  original.flds.forEach((field, i) => {
    if (!kept.has(i)) renames.set(field.name, null);
  });
  return renames;
}

/** Name fixes, unique names, sort field, template references, then Anki's template checks. */
export function prepareDraft(draft: NotetypeDraft, original: Notetype | undefined, skipChecks = false): void {
  const nt = draft.notetype;
  if (!nt.flds.length) throw new EngineError('invalid', '1 field required');
  if (!nt.tmpls.length) throw new EngineError('invalid', '1 template required');
  nt.name = nt.name.replace(/"/g, '').normalize('NFC');
  if (!nt.name) throw new EngineError('invalid', 'Empty notetype name');
  const fieldNames = uniqueNames(nt.flds.map((f) => fixFieldName(f.name.normalize('NFC'))));
  nt.flds.forEach((f, i) => (f.name = fieldNames[i]!));
  const templateNames = uniqueNames(nt.tmpls.map((t) => fixTemplateName(t.name.normalize('NFC'))));
  nt.tmpls.forEach((t, i) => (t.name = templateNames[i]!));
  const sortAt = draft.fieldOrigins.indexOf(nt.sortf);
  nt.sortf = sortAt >= 0 ? sortAt : Math.min(Math.max(nt.sortf, 0), nt.flds.length - 1);
  if (original) updateTemplatesForFieldChanges(nt, fieldRenames(draft, original));
  if (!skipChecks) checkTemplates(nt);
}

/** ensure_notetype_name_unique: "+" until no other notetype has the name (case-insensitively). */
function uniqueNotetypeName(col: Collection, name: string, id: NotetypeId): string {
  let candidate = name;
  while (allNotetypes(col).some((nt) => nt.id !== id && foldCase(nt.name) === foldCase(candidate))) candidate += '+';
  return candidate;
}

function rewriteNotesForFields(col: Collection, draft: NotetypeDraft, original: Notetype): void {
  const nt = draft.notetype;
  const fieldsChanged = ordsChanged(draft.fieldOrigins, original.flds.length);
  if (!fieldsChanged && nt.sortf === original.sortf) return;
  if (fieldsChanged) col.markSchemaChanged();
  const notes = col.prepare('SELECT id, flds FROM notes WHERE mid = ?').all(nt.id) as { id: number; flds: string }[];
  const update = col.prepare('UPDATE notes SET flds = ?, sfld = ?, csum = ?, mod = ?, usn = -1 WHERE id = ?');
  const mod = col.nowSecs();
  for (const note of notes) {
    const old = splitFields(note.flds);
    const fields = fieldsChanged ? draft.fieldOrigins.map((origin) => (origin === null ? '' : (old[origin] ?? ''))) : old;
    update.run(joinFields(fields), sortFieldText(fields[nt.sortf] ?? ''), fieldChecksum(fields[0] ?? ''), mod, note.id);
  }
}

function updateCardsForTemplates(col: Collection, draft: NotetypeDraft, original: Notetype): void {
  if (!ordsChanged(draft.templateOrigins, original.tmpls.length)) return;
  col.markSchemaChanged();
  const kept = new Set(draft.templateOrigins.filter((o): o is number => o !== null));
  const removed = original.tmpls.map((_, i) => i).filter((i) => !kept.has(i));
  const moved = draft.templateOrigins.flatMap((origin, i) => (origin !== null && origin !== i ? [[origin, i] as const] : []));
  const ntid = draft.notetype.id;
  const inNotetype = 'nid IN (SELECT id FROM notes WHERE mid = ?)';
  const mod = col.nowSecs();
  for (const ord of removed) {
    const ids = col.prepare(`SELECT id FROM cards WHERE ${inNotetype} AND ord = ?`).pluck().all(ntid, ord) as number[];
    const grave = col.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, 0, -1)');
    for (const id of ids) grave.run(id);
    col.prepare(`DELETE FROM cards WHERE ${inNotetype} AND ord = ?`).run(ntid, ord);
  }
  // Two steps through negative ords, so swapped templates never collide on (nid, ord).
  const park = col.prepare(`UPDATE cards SET ord = ?, mod = ?, usn = -1 WHERE ${inNotetype} AND ord = ?`);
  for (const [from, to] of moved) park.run(-1 - to, mod, ntid, from);
  col.prepare(`UPDATE cards SET ord = -1 - ord WHERE ${inNotetype} AND ord < 0`).run(ntid);
  // A normal note with a card per template has nothing to generate (Anki skips it without reading the note).
  const notes = (
    draft.notetype.type === NotetypeKind.Cloze
      ? col.prepare('SELECT id FROM notes WHERE mid = ?').pluck().all(ntid)
      : col
          .prepare('SELECT n.id FROM notes n WHERE n.mid = ? AND (SELECT count(*) FROM cards c WHERE c.nid = n.id) < ?')
          .pluck()
          .all(ntid, draft.notetype.tmpls.length)
  ) as number[];
  for (const nid of notes) generateMissingCards(col, nid);
}

/** Saves a prepared draft of an existing notetype, rewriting notes and cards, in one transaction. */
export function commitDraft(col: Collection, draft: NotetypeDraft, options: { skipChecks?: boolean } = {}): Notetype {
  const original = requireNotetype(col, draft.notetype.id);
  prepareDraft(draft, original, options.skipChecks);
  return col.transact(() => {
    draft.notetype.name = uniqueNotetypeName(col, draft.notetype.name, draft.notetype.id);
    rewriteNotesForFields(col, draft, original);
    const saved = saveNotetype(col, draft.notetype);
    updateCardsForTemplates(col, draft, original);
    return saved;
  });
}

/** Applies `edit` to a draft of the notetype and commits it. */
export function editNotetype(col: Collection, id: NotetypeId, edit: (draft: NotetypeDraft) => void): Notetype {
  const draft = startDraft(requireNotetype(col, id));
  edit(draft);
  return commitDraft(col, draft);
}

