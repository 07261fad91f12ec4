import type { NoteId } from '../../../engine/model/types';
import type { SourceLimits } from '../../../engine/media';
import { addNote } from '../../../engine/notes/add';
import { ActionError } from '../../registry';
import { draftFromNoteObject, type DraftNote } from './draft';
import { attachNoteMedia } from './media';
import type { NameLookup } from './lookup';
import { parseNoteOptions, type NoteOptions } from './options';
import { duplicateVerdict } from './duplicates';

/** A note object read, its media stored and its options parsed: ready for the duplicate check. */
export interface Candidate {
  draft: DraftNote;
  options: NoteOptions;
}

/**
 * The add-on's createNote up to its duplicate check: note type, deck, tags,
 * fields, media (stored now, even if the note is then refused), options.
 * Reads the collection but never writes it, so it may run outside a transaction.
 */
export async function readCandidate(lookup: NameLookup, note: unknown, limits: Partial<SourceLimits>): Promise<Candidate> {
  const draft = draftFromNoteObject(note, lookup);
  await attachNoteMedia(lookup.col, draft.notetype, draft.fields, note, limits);
  return { draft, options: parseNoteOptions(note) };
}

/** The rest of createNote: throws the add-on's text when the note may not be added. */
export function assertAddable(lookup: NameLookup, candidate: Candidate): void {
  const verdict = duplicateVerdict(lookup, candidate.draft, candidate.options);
  if (verdict === 'empty') throw new ActionError('cannot create note because it is empty');
  if (verdict === 'duplicate' && !candidate.options.allowDuplicate) {
    throw new ActionError('cannot create note because it is a duplicate');
  }
  if (verdict === 'unknown') throw new ActionError('cannot create note for unknown reason');
}

/** Checks and adds a candidate; the caller holds the transaction. */
export function addCandidate(lookup: NameLookup, candidate: Candidate): NoteId {
  assertAddable(lookup, candidate);
  const { draft } = candidate;
  return addNote(lookup.col, {
    notetypeId: draft.notetype.id,
    deckId: draft.deck.id,
    fields: draft.fields,
    tags: draft.tags,
    ensureCard: true,
  }).noteId;
}
