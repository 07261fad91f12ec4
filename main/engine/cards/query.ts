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

/** Card rows by id; absent ids are simply missing from the map. */
export function cardsByIds(col: Collection, ids: readonly CardId[]): Map<CardId, CardRow> {
  const rows = selectByIds<CardRow>(col, 'SELECT * FROM cards WHERE id IN', ids);
  return new Map(rows.map((row) => [row.id, row]));
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
