/** Batched card lookups: large id lists are read in fixed-size `IN (…)` chunks with cached statements. */
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow, NoteId } from '../model/types';

/**
 * Runs `SELECT … WHERE <column> IN (…)` for `ids` in one statement: the ids travel as
 * one JSON array (`json_each`), so any number of them needs no chunking or argument spreading.
 */
export function selectByIds<T>(col: Collection, sqlPrefix: string, ids: readonly number[]): T[] {
  if (!ids.length) return [];
  return col.prepare(`${sqlPrefix} (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as T[];
}

const CARD_COLUMNS = 'id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data';

type PackedCard = [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, string];

function unpackCard(r: PackedCard): CardRow {
  return { id: r[0], nid: r[1], did: r[2], ord: r[3], mod: r[4], usn: r[5], type: r[6], queue: r[7], due: r[8], ivl: r[9], factor: r[10], reps: r[11], lapses: r[12], left: r[13], odue: r[14], odid: r[15], flags: r[16], data: r[17] };
}

/**
 * Card rows by id; absent ids are simply missing from the map. The rows travel as one JSON
 * text (json_group_array) and one JSON.parse: for thousands of cards that is ~3× faster than
 * better-sqlite3 building 18-property row objects value by value.
 */
export function cardsByIds(col: Collection, ids: readonly CardId[]): Map<CardId, CardRow> {
  if (!ids.length) return new Map();
  let packed: PackedCard[];
  try {
    const sql = `SELECT json_group_array(json_array(${CARD_COLUMNS})) FROM cards WHERE id IN (SELECT value FROM json_each(?))`;
    packed = JSON.parse(col.prepare(sql).pluck().get(JSON.stringify(ids)) as string) as PackedCard[];
  } catch {
    // A BLOB in a column (a damaged collection) cannot travel as JSON; read it row by row.
    const rows = selectByIds<CardRow>(col, 'SELECT * FROM cards WHERE id IN', ids);
    return new Map(rows.map((row) => [row.id, row]));
  }
  const cards = new Map<CardId, CardRow>();
  for (const row of packed) cards.set(row[0], unpackCard(row));
  return cards;
}

export function cardById(col: Collection, id: CardId): CardRow | undefined {
  return col.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow | undefined;
}

/** The add-on's not-found error for cards. */
export function cardNotFound(id: unknown): EngineError {
  return new EngineError('not-found', `Card was not found: ${String(id)}`);
}

export function requireCard(col: Collection, id: CardId): CardRow {
  const card = cardById(col, id);
  if (!card) throw cardNotFound(id);
  return card;
}

/** Distinct note ids of the given cards in SQLite's order; unknown ids are ignored. */
export function noteIdsOfCards(col: Collection, ids: readonly CardId[]): NoteId[] {
  const seen = new Set<NoteId>();
  for (const row of selectByIds<{ nid: NoteId }>(col, 'SELECT DISTINCT nid FROM cards WHERE id IN', ids)) seen.add(row.nid);
  return [...seen];
}

/** `{id, mod}` for each existing card. */
export function cardModTimes(col: Collection, ids: readonly CardId[]): Map<CardId, number> {
  const rows = selectByIds<{ id: CardId; mod: number }>(col, 'SELECT id, mod FROM cards WHERE id IN', ids);
  return new Map(rows.map((row) => [row.id, row.mod]));
}
