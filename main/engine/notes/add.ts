import type { Collection } from '../collection';
import type { CardId, DeckId, NoteId, Notetype, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { newGuid } from '../ids';
import { requireNotetype } from '../notetypes/store';
import { requireDeck } from '../decks/store';
import { cardOrdsForNewNote, cardOrdsToGenerate } from '../template';
import { insertNewCards, reservePositions } from '../cards/create';
import { adoptExistingCasing, registerTags } from '../tags/registry';
import { prepareNoteText, type PreparedNoteText } from './prepare';

export interface NewNote {
  notetypeId: NotetypeId;
  deckId: DeckId;
  /** Field values in ord order. */
  fields: readonly string[];
  tags?: readonly string[];
  guid?: string;
  /**
   * Anki's own add path (`ensure_not_empty`): when no template qualifies, create card 0
   * instead of refusing the note. AnkiConnect's addNote relies on it.
   */
  ensureCard?: boolean;
}

export interface AddedNote {
  noteId: NoteId;
  cardIds: CardId[];
}

interface PreparedNote {
  notetype: Notetype;
  deckId: DeckId;
  text: PreparedNoteText;
  ords: number[];
  guid: string;
}

/** Validates one note without writing: the errors Anki gives for a note it cannot add. */
export function prepareNewNote(col: Collection, note: NewNote): PreparedNote {
  const notetype = requireNotetype(col, note.notetypeId);
  const deck = requireDeck(col, note.deckId);
  if (deck.dyn) throw new EngineError('invalid', `cannot add cards to filtered deck "${deck.name}"`);
  const text = prepareNoteText(notetype, note.fields, note.tags ?? []);
  const cardgen = { tags: text.tags };
  const ords = note.ensureCard
    ? cardOrdsForNewNote(notetype, text.fields, cardgen)
    : cardOrdsToGenerate(notetype, text.fields, cardgen);
  if (!ords.length) throw new EngineError('empty', 'cannot create note because it is empty');
  return { notetype, deckId: deck.id, text, ords, guid: note.guid ?? newGuid() };
}

/** Adds notes and their cards in one transaction: all or nothing. */
export function addNotes(col: Collection, notes: readonly NewNote[]): AddedNote[] {
  const prepared = notes.map((note) => prepareNewNote(col, note));
  return col.transact(() => {
    const casing = tagCasing(col, prepared);
    const positions = reservePositions(col, prepared.length);
    const insertNote = col.prepare(
      `INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
       VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`,
    );
    const mod = col.nowSecs();
    return prepared.map((note, i) => {
      const tags = note.text.tags.map((t) => casing.get(t) ?? t);
      const tagsColumn = tags.length ? ` ${tags.join(' ')} ` : '';
      const noteId = col.ids.notes.next();
      insertNote.run(noteId, note.guid, note.notetype.id, mod, tagsColumn, note.text.flds, note.text.sfld, note.text.csum);
      const cardIds = insertNewCards(col, noteId, note.notetype, note.ords, note.deckId, positions + i);
      return { noteId, cardIds };
    });
  });
}

export function addNote(col: Collection, note: NewNote): AddedNote {
  return addNotes(col, [note])[0]!;
}

/** Resolves every distinct tag of the batch to its registered casing once, and registers new ones. */
function tagCasing(col: Collection, notes: readonly PreparedNote[]): Map<string, string> {
  const distinct = [...new Set(notes.flatMap((n) => n.text.tags))];
  const cased = adoptExistingCasing(col, distinct);
  registerTags(col, cased);
  return new Map(distinct.map((tag, i) => [tag, cased[i]!]));
}
