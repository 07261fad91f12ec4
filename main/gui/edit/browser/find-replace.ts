import type { Collection } from '../../../engine/collection';
import { EngineError } from '../../../engine/errors';
import { noteFields, noteTags, requireNote, updateNote } from '../../../engine/notes';
import { requireNotetype } from '../../../engine/notetypes/store';
import { setNoteTags } from '../../../engine/tags/bulk';
import type { FindReplace } from '../../../../shared/bridge/edit';
import { selectedNoteIds } from './bulk';

export const TAGS_FIELD = '__tags__';

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);

/**
 * The search of Anki's Find and Replace (rslib findreplace.rs): a regular expression, or
 * the literal text; case-insensitive unless asked. Rust's `(?P<name>…)` groups and a
 * leading `(?i)` are accepted; the rest is JavaScript's Unicode regex syntax, which
 * agrees with Rust's for the patterns people use here.
 */
export function findReplaceRegex(request: Pick<FindReplace, 'search' | 'regex' | 'matchCase'>): RegExp {
  if (!request.search) throw new EngineError('invalid', 'nothing to find');
  let pattern = request.regex ? request.search.replace(/\(\?P</g, '(?<') : escapeRegex(request.search);
  let ignoreCase = !request.matchCase;
  if (pattern.startsWith('(?i)')) {
    pattern = pattern.slice(4);
    ignoreCase = true;
  }
  try {
    return new RegExp(pattern, ignoreCase ? 'giu' : 'gu');
  } catch (error) {
    throw new EngineError('invalid', `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function replacementText(request: Pick<FindReplace, 'replacement' | 'regex'>): string {
  if (!request.regex) return request.replacement.replace(/\$/g, '$$$$');
  // Rust writes named groups as ${name}; JavaScript as $<name>.
  return request.replacement.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$<$1>');
}

/** Replaces in the chosen field (by name), every field, or the tags of the notes; returns how many notes changed. */
export function findAndReplace(col: Collection, request: FindReplace): number {
  const regex = findReplaceRegex(request);
  const replacement = replacementText(request);
  const noteIds = request.selection ? selectedNoteIds(col, request.selection) : (col.prepare('SELECT id FROM notes').pluck().all() as number[]);
  return col.transact(() => {
    let changed = 0;
    for (const id of noteIds) {
      const note = requireNote(col, id);
      if (request.field === TAGS_FIELD) {
        const tags = noteTags(note);
        const next = tags.map((t) => t.replace(regex, replacement)).flatMap((t) => t.split(/\s+/)).filter(Boolean);
        if (next.join(' ') !== tags.join(' ')) {
          setNoteTags(col, id, next);
          changed++;
        }
        continue;
      }
      const names = requireNotetype(col, note.mid).flds.map((f) => f.name);
      const fields = noteFields(note);
      const next = fields.map((value, i) => (request.field === null || names[i] === request.field ? value.replace(regex, replacement) : value));
      if (next.some((value, i) => value !== fields[i])) {
        updateNote(col, id, { fields: next });
        changed++;
      }
    }
    return changed;
  });
}
