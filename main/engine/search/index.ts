import type { Database, Statement } from 'better-sqlite3';
import type { Collection } from '../collection';
import type { CardId, NoteId } from '../model/types';
import { EngineError } from '../errors';
import { parseSearch } from './parser';
import { buildSearchSql, type SearchMode, type SearchSql } from './sqlwriter';
import { orderClause, orderTable, type CardOrder } from './order';

export type { Node, SearchNode } from './ast';
export type { SearchMode, SearchSql } from './sqlwriter';
export type { CardOrder, CardSortColumn } from './order';
export { parseSearch } from './parser';
export { registerSearchFunctions } from './functions';

/**
 * Anki's search language over an Engram collection (anki-format.md §6). Results match
 * the official engine's for every operator; malformed queries throw
 * EngineError('search', <Anki's message>).
 */

const STATEMENT_CACHE_SIZE = 64;
const statementCaches = new WeakMap<Database, Map<string, Statement>>();

/** Search statements change with every query text, so they get a small LRU instead of col.prepare's permanent cache. */
function statement(col: Collection, sql: string): Statement {
  let cache = statementCaches.get(col.db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(col.db, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql);
  } else {
    stmt = col.db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, stmt);
  return stmt;
}

function asSearchError(error: unknown): Error {
  if (error instanceof EngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('search', `Invalid search: ${message}`);
}

/** The SQL for a query, for modules that add their own ordering or joins. Throws EngineError('search'). */
export function searchSql(col: Collection, query: string, mode: SearchMode): SearchSql {
  try {
    return buildSearchSql(col, parseSearch(query), mode);
  } catch (error) {
    throw asSearchError(error);
  }
}

function runIds(col: Collection, sql: string, params: unknown[]): number[] {
  try {
    return statement(col, sql).pluck().all(...params) as number[];
  } catch (error) {
    throw asSearchError(error);
  }
}

/**
 * Ascending order without ORDER BY: an ORDER BY makes SQLite walk the table in id
 * order instead of starting from the table that has the condition, which is slower
 * than sorting the ids here (often they arrive sorted already).
 */
function ascending(ids: number[]): number[] {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i]! < ids[i - 1]!) return Array.from(Float64Array.from(ids).sort());
  }
  return ids;
}

/** Card ids matching `query`, ascending. */
export function findCards(col: Collection, query: string): CardId[] {
  const { sql, params } = searchSql(col, query, 'cards');
  return ascending(runIds(col, sql, params));
}

/** Note ids matching `query` (a note matches if any of its cards does), ascending. */
export function findNotes(col: Collection, query: string): NoteId[] {
  const { sql, params } = searchSql(col, query, 'notes');
  return ascending(runIds(col, sql, params));
}

/** Card ids matching `query` in the browser's order, optionally one page of them. */
export function findCardsOrdered(col: Collection, query: string, order: CardOrder, limit?: number, offset = 0): CardId[] {
  let built: SearchSql;
  try {
    built = buildSearchSql(col, parseSearch(query), 'cards', orderTable(order.column));
  } catch (error) {
    throw asSearchError(error);
  }
  let sql = built.sql + orderClause(col, order);
  const params = [...built.params];
  if (limit !== undefined) {
    sql += ' limit ? offset ?';
    params.push(Math.max(0, Math.trunc(limit)), Math.max(0, Math.trunc(offset)));
  }
  return runIds(col, sql, params);
}
