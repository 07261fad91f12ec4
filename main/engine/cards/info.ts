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

const TAG_SEPARATORS = /[ \u3000]+/;

/** The notes' notetype, fields and tags; rows travel as one JSON text, as cardsByIds does. */
function notesByIds(col: Collection, ids: readonly NoteId[]): Map<NoteId, NoteData> {
  const notes = new Map<NoteId, NoteData>();
  if (!ids.length) return notes;
  const sql = 'SELECT json_group_array(json_array(id, mid, flds, tags)) FROM notes WHERE id IN (SELECT value FROM json_each(?))';
  let rows: [NoteId, number, string, string][];
  try {
    rows = JSON.parse(col.prepare(sql).pluck().get(JSON.stringify(ids)) as string) as [NoteId, number, string, string][];
  } catch {
    // A BLOB in a column (a damaged collection) cannot travel as JSON.
    rows = selectByIds<{ id: NoteId; mid: number; flds: string; tags: string }>(col, 'SELECT id, mid, flds, tags FROM notes WHERE id IN', ids).map(
      (row) => [row.id, row.mid, String(row.flds), String(row.tags)],
    );
  }
  for (const [id, mid, flds, tags] of rows) {
    notes.set(id, { mid, fields: splitFields(flds), tags: tags.split(TAG_SEPARATORS).filter(Boolean) });
  }
  return notes;
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

function renderSafely(notetype: Notetype, note: NoteData, card: CardRow, homeDeck: string, hasMedia: (name: string) => boolean) {
  try {
    return renderCard({
      notetype,
      fields: note.fields,
      cardOrd: card.ord,
      tags: note.tags,
      deckName: homeDeck,
      cardFlag: card.flags & 7,
      cardId: card.id,
      hasMedia,
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
  const notetypes = new Map<number, Notetype | undefined>();
  const notetypeOf = (mid: number): Notetype | undefined => {
    if (!notetypes.has(mid)) notetypes.set(mid, notetypeById(col, mid));
    return notetypes.get(mid);
  };
  const hasMedia = (name: string): boolean => existsSync(join(col.mediaDir, name));
  const rendered = new Map<CardId, CardDetails | undefined>();
  return ids.map((id) => {
    if (rendered.has(id)) return rendered.get(id);
    const card = cards.get(id);
    const note = card && notes.get(card.nid);
    const notetype = note && notetypeOf(note.mid);
    let details: CardDetails | undefined;
    if (card && note && notetype) {
      const { question, answer } = renderSafely(notetype, note, card, deckName(card.odid || card.did), hasMedia);
      details = { card, notetype, fields: note.fields, deckName: deckName(card.did), question, answer };
    }
    rendered.set(id, details);
    return details;
  });
}
