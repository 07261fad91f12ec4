import type { Collection } from '../collection';
import type { CardId, DeckId, NoteId, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { newGuid } from '../ids';
import { requireNotetype } from '../notetypes/store';
import { requireDeck } from '../decks/store';
import { cardOrdsToGenerate } from '../template';
import { insertNewCards, takeNextPosition } from '../cards/create';
import { adoptExistingCasing, registerTags } from '../tags/registry';
import { prepareNoteText } from './prepare';

export interface NewNote {
  notetypeId: NotetypeId;
  deckId: DeckId;
  /** Field values in ord order. */
  fields: readonly string[];
  tags?: readonly string[];
  guid?: string;
}

export interface AddedNote {
  noteId: NoteId;
  cardIds: CardId[];
}

/**
 * Adds a note and its cards in one transaction. A note that would generate no
 * card is refused, as Anki refuses it ("cannot create note because it is empty").
 */
export function addNote(col: Collection, note: NewNote): AddedNote {
  const notetype = requireNotetype(col, note.notetypeId);
  const deck = requireDeck(col, note.deckId);
  if (deck.dyn) throw new EngineError('invalid', `cannot add cards to filtered deck "${deck.name}"`);
  const text = prepareNoteText(notetype, note.fields, note.tags ?? []);
  const ords = cardOrdsToGenerate(notetype, text.fields);
  if (!ords.length) throw new EngineError('empty', 'cannot create note because it is empty');
  return col.transact(() => {
    const tags = adoptExistingCasing(col, text.tags);
    const tagsColumn = tags.length ? ` ${tags.join(' ')} ` : '';
    const noteId = col.ids.notes.next();
    col
      .prepare(
        `INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
         VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`,
      )
      .run(noteId, note.guid ?? newGuid(), notetype.id, col.nowSecs(), tagsColumn, text.flds, text.sfld, text.csum);
    registerTags(col, tags);
    const cardIds = insertNewCards(col, noteId, notetype, ords, deck.id, takeNextPosition(col));
    return { noteId, cardIds };
  });
}
