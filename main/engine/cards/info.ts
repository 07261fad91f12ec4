/**
 * Everything cardsInfo reports about cards, read in batches: card rows and notes in
 * chunked queries, notetypes and decks from the collection caches, one render per card.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Collection } from '../collection';
import type { CardId, CardRow, Deck, DeckId, NoteId, Notetype } from '../model/types';
import { deckById } from '../decks/store';
import { notetypeById } from '../notetypes/store';
import { renderCard } from '../template';
import { splitFields } from '../text';
import { cardsByIds, selectByIds } from './query';

export interface CardDetails {
  card: CardRow;
  notetype: Notetype;
  /** The note's field values in ord order. */
  fields: string[];
  /** Name of the deck the card is in now (a filtered deck if it is in one). */
  deckName: string;
  /** `<style>css</style>` + rendered HTML, as Anki's card.question()/answer(). */
  question: string;
  answer: string;
}

interface NoteData {
  mid: number;
  fields: string[];
  tags: string[];
}

function notesByIds(col: Collection, ids: readonly NoteId[]): Map<NoteId, NoteData> {
  const rows = selectByIds<{ id: NoteId; mid: number; flds: string; tags: string }>(
    col,
    'SELECT id, mid, flds, tags FROM notes WHERE id IN',
    ids,
  );
  return new Map(
    rows.map((row) => [row.id, { mid: row.mid, fields: splitFields(row.flds), tags: row.tags.split(/[ \u3000]+/).filter(Boolean) }]),
  );
}

/** Deck names by id, falling back to the default deck as Anki's decks.get() does. */
function deckNamer(col: Collection): (id: DeckId) => string {
  const names = new Map<DeckId, string>();
  const fallback = (): string => deckById(col, 1)?.name ?? 'Default';
  return (id) => {
    let name = names.get(id);
    if (name === undefined) {
      const deck: Deck | undefined = deckById(col, id);
      name = deck ? deck.name : fallback();
      names.set(id, name);
    }
    return name;
  };
}

function renderSafely(col: Collection, notetype: Notetype, note: NoteData, card: CardRow, homeDeck: string) {
  try {
    return renderCard({
      notetype,
      fields: note.fields,
      cardOrd: card.ord,
      tags: note.tags,
      deckName: homeDeck,
      cardFlag: card.flags & 7,
      cardId: card.id,
      hasMedia: (name) => existsSync(join(col.mediaDir, name)),
    });
  } catch (error) {
    // A card whose template is gone (e.g. a hand-edited ord) still gets an answer, not a failed request.
    const message = error instanceof Error ? error.message : String(error);
    const html = `<style>${notetype.css}</style><div>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`;
    return { question: html, answer: html };
  }
}

/** Details for each id in order; undefined where the card (or its note or notetype) does not exist. */
export function cardDetails(col: Collection, ids: readonly CardId[]): (CardDetails | undefined)[] {
  const cards = cardsByIds(col, ids);
  const notes = notesByIds(col, [...cards.values()].map((c) => c.nid));
  const deckName = deckNamer(col);
  const rendered = new Map<CardId, CardDetails | undefined>();
  return ids.map((id) => {
    if (rendered.has(id)) return rendered.get(id);
    const card = cards.get(id);
    const note = card && notes.get(card.nid);
    const notetype = note && notetypeById(col, note.mid);
    let details: CardDetails | undefined;
    if (card && note && notetype) {
      const sides = renderSafely(col, notetype, note, card, deckName(card.odid || card.did));
      details = { card, notetype, fields: note.fields, deckName: deckName(card.did), ...sides };
    }
    rendered.set(id, details);
    return details;
  });
}
