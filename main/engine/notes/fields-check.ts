import type { Collection } from '../collection';
import type { NoteId, Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { clozeNumbersInString, tryParseTemplate, type TemplateNode } from '../template';
import { fieldChecksum, splitFields, stripHtmlPreservingMediaFilenames } from '../text';

/** rslib's NoteFieldsCheckResponse.State. */
export type NoteFieldsState = 'normal' | 'empty' | 'duplicate' | 'missingCloze' | 'notetypeNotCloze' | 'fieldNotCloze';

/**
 * Anki's note_fields_check: the first field must not be blank once HTML is
 * stripped; cloze markup must sit in a cloze field of a cloze notetype; and no
 * other note of the notetype may have the same stripped first field.
 */
export function noteFieldsCheck(col: Collection, notetype: Notetype, fields: readonly string[], noteId: NoteId = 0): NoteFieldsState {
  const first = fields[0];
  if (first === undefined) return 'empty';
  const normalized = col.getConfig<boolean>('normalize_note_text', true) ? first.normalize('NFC') : first;
  const stripped = stripHtmlPreservingMediaFilenames(normalized);
  if (!stripped.trim()) return 'empty';
  const cloze = clozeState(notetype, fields);
  if (cloze !== 'normal') return cloze;
  return hasDuplicate(col, notetype, normalized, stripped, noteId) ? 'duplicate' : 'normal';
}

function hasDuplicate(col: Collection, notetype: Notetype, firstField: string, stripped: string, noteId: NoteId): boolean {
  // `+mid` keeps SQLite on the csum index: the mid index would scan every note of the notetype.
  const rows = col
    .prepare('SELECT id, flds FROM notes WHERE csum = ? AND +mid = ?')
    .all(fieldChecksum(firstField), notetype.id) as { id: NoteId; flds: string }[];
  return rows.some((r) => r.id !== noteId && stripHtmlPreservingMediaFilenames(splitFields(r.flds)[0] ?? '') === stripped);
}

const containsCloze = (text: string) => clozeNumbersInString(text).size > 0;

function clozeState(notetype: Notetype, fields: readonly string[]): NoteFieldsState {
  if (notetype.type !== NotetypeKind.Cloze) return fields.some(containsCloze) ? 'notetypeNotCloze' : 'normal';
  const clozeFields = clozeFieldOrds(notetype);
  let hasCloze = false;
  for (const [ord, field] of fields.entries()) {
    if (!containsCloze(field)) continue;
    if (!clozeFields.has(ord)) return 'fieldNotCloze';
    hasCloze = true;
  }
  return hasCloze ? 'normal' : 'missingCloze';
}

/** Fields the first template's front shows through a `cloze:` filter. */
function clozeFieldOrds(notetype: Notetype): Set<number> {
  const front = notetype.tmpls[0] ? tryParseTemplate(notetype.tmpls[0].qfmt) : undefined;
  const names = new Set<string>();
  const walk = (nodes: readonly TemplateNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'replacement' && node.filters.includes('cloze')) names.add(node.key);
      else if (node.kind === 'conditional') walk(node.children);
    }
  };
  if (front) walk(front);
  return new Set(notetype.flds.filter((f) => names.has(f.name)).map((f) => f.ord));
}
