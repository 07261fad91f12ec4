import type { Collection } from '../../../engine/collection';
import type { DeckId, NoteId } from '../../../engine/model/types';
import { deckAndChildren } from '../../../engine/decks/store';
import { noteFieldsCheck } from '../../../engine/notes/fields-check';
import { fieldChecksum } from '../../../engine/text';
import type { DraftNote } from './draft';
import type { NameLookup } from './lookup';
import type { NoteOptions } from './options';

/** The add-on's verdict on a note before adding it. */
export type DuplicateVerdict = 'ok' | 'empty' | 'duplicate' | 'unknown';

/**
 * isNoteDuplicateOrEmptyInScope. Without the deck scope or checkAllModels it is
 * Anki's own fields check (same note type, stripped first field). Otherwise the
 * add-on's own check: a blank first field is empty; a duplicate is another note
 * with the same first-field checksum (any note type with checkAllModels) that,
 * with the deck scope, has a card in the target deck (or its children).
 */
export function duplicateVerdict(
  lookup: NameLookup,
  draft: DraftNote,
  options: NoteOptions,
  noteId: NoteId = 0,
): DuplicateVerdict {
  const col = lookup.col;
  const deckScope = options.duplicateScope === 'deck';
  if (!deckScope && !options.checkAllModels) {
    const state = noteFieldsCheck(col, draft.notetype, draft.fields, noteId);
    if (state === 'normal') return 'ok';
    return state === 'empty' || state === 'duplicate' ? state : 'unknown';
  }
  const first = draft.fields[0] ?? '';
  if (!first.trim()) return 'empty';
  let deckIds: Set<DeckId> | null = null;
  if (deckScope) {
    let target = draft.deck;
    if (options.deckName !== null && options.deckName !== undefined) {
      const named = typeof options.deckName === 'string' ? lookup.deck(options.deckName) : undefined;
      // An unknown scope deck means the note cannot be a duplicate.
      if (!named) return 'ok';
      target = named;
    }
    deckIds = new Set(options.checkChildren ? deckAndChildren(col, target.id).map((d) => d.id) : [target.id]);
  }
  const candidates = sameChecksumNotes(col, fieldChecksum(first), options.checkAllModels ? null : draft.notetype.id, noteId);
  if (!candidates.length) return 'ok';
  if (!deckIds) return 'duplicate';
  const decksOf = col.prepare('SELECT did FROM cards WHERE nid = ?').pluck();
  for (const nid of candidates) {
    if ((decksOf.all(nid) as DeckId[]).some((did) => deckIds.has(did))) return 'duplicate';
  }
  return 'ok';
}

function sameChecksumNotes(col: Collection, csum: number, notetypeId: number | null, excludeId: NoteId): NoteId[] {
  const ids =
    notetypeId === null
      ? col.prepare('SELECT id FROM notes WHERE csum = ?').pluck().all(csum)
      : // `+mid` keeps SQLite on the csum index (the mid index would scan the whole notetype).
        col.prepare('SELECT id FROM notes WHERE csum = ? AND +mid = ?').pluck().all(csum, notetypeId);
  return (ids as NoteId[]).filter((id) => id !== excludeId);
}
