/**
 * Everything cardsInfo reports about cards, read in batches: card rows and notes as one
 * JSON text each, notetypes and decks from the collection caches, one render per card.
 */
import type { Collection } from '../collection';
import type { CardId, CardRow, Deck, DeckId, NoteId, Notetype } from '../model/types';
import { deckById } from '../decks/store';
import { notetypeById } from '../notetypes/store';
import { splitFields } from '../text';
import { cardsByIds, selectByIds } from './query';
import { mediaChecker, renderSource, type CardSource } from './render-source';

export type { CardSource } from './render-source';

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

/** Sources in the order of the ids asked for (undefined where the card, its note or notetype is missing). */
export interface CardSources {
  sources: (CardSource | undefined)[];
  notetypes: Map<number, Notetype>;
  mediaDir: string;
}

/** One batched read of everything the cards' rendering needs. */
export function readCardSources(col: Collection, ids: readonly CardId[]): CardSources {
  const cards = cardsByIds(col, ids);
  const notes = notesByIds(col, [...cards.values()].map((c) => c.nid));
  const deckName = deckNamer(col);
  const notetypes = new Map<number, Notetype>();
  const missing = new Set<number>();
  const known = (mid: number): boolean => {
    if (notetypes.has(mid)) return true;
    if (missing.has(mid)) return false;
    const notetype = notetypeById(col, mid);
    if (notetype) notetypes.set(mid, notetype);
    else missing.add(mid);
    return notetype !== undefined;
  };
  const sources = ids.map((id): CardSource | undefined => {
    const card = cards.get(id);
    const note = card && notes.get(card.nid);
    if (!card || !note || !known(note.mid)) return undefined;
    return { card, notetypeId: note.mid, fields: note.fields, tags: note.tags, deckName: deckName(card.did), homeDeckName: deckName(card.odid || card.did) };
  });
  return { sources, notetypes, mediaDir: col.mediaDir };
}

/** Details for each id in order; undefined where the card (or its note or notetype) does not exist. */
export function cardDetails(col: Collection, ids: readonly CardId[]): (CardDetails | undefined)[] {
  const { sources, notetypes, mediaDir } = readCardSources(col, ids);
  const hasMedia = mediaChecker(mediaDir);
  return sources.map((source) => {
    if (!source) return undefined;
    const notetype = notetypes.get(source.notetypeId)!;
    const { question, answer } = renderSource(source, notetype, hasMedia);
    return { card: source.card, notetype, fields: source.fields, deckName: source.deckName, question, answer };
  });
}
