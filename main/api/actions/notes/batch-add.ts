import type { NoteId } from '../../../engine/model/types';
import { addNotes, type NewNote } from '../../../engine/notes/add';
import { fieldChecksum } from '../../../engine/text';
import { ActionError } from '../../registry';
import { assertAddable, type Candidate } from './create';
import type { NameLookup } from './lookup';

/**
 * Adds checked notes in batches: one engine insert (one position reservation, one
 * tag registration) instead of one per note. A note is only checked against the
 * database, so whenever a candidate's first field could match a pending note's
 * (same checksum), the pending notes are written first. Within the caller's transaction.
 */
export class PendingNotes {
  private notes: NewNote[] = [];
  private checksums = new Set<number>();
  readonly ids: NoteId[] = [];

  constructor(private readonly lookup: NameLookup) {}

  /** Checks a candidate (the add-on's texts on failure) and queues it. */
  add(candidate: Candidate): void {
    const first = candidate.draft.fields[0] ?? '';
    const keys = [fieldChecksum(first), fieldChecksum(first.normalize('NFC'))];
    if (keys.some((k) => this.checksums.has(k))) this.flush();
    assertAddable(this.lookup, candidate);
    const { draft } = candidate;
    if (draft.deck.dyn) throw new ActionError(`cannot add cards to filtered deck "${draft.deck.name}"`);
    this.notes.push({
      notetypeId: draft.notetype.id,
      deckId: draft.deck.id,
      fields: draft.fields,
      tags: draft.tags,
      ensureCard: true,
    });
    for (const k of keys) this.checksums.add(k);
  }

  /** Writes the queued notes. */
  flush(): void {
    if (!this.notes.length) return;
    this.ids.push(...addNotes(this.lookup.col, this.notes).map((n) => n.noteId));
    this.notes = [];
    this.checksums = new Set();
  }
}
