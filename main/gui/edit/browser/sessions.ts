import type { Collection } from '../../../engine/collection';
import { findCardsOrdered, searchSql } from '../../../engine/search';
import type { BrowserColumn, BrowserMode, BrowserRow, BrowserSearch, BrowserSearchResult } from '../../../../shared/bridge/edit';
import { cardOrder, effectiveSort, noteOrderClause } from './order';
import { cardRows, noteRows } from './rows';

interface Session {
  id: number;
  search: BrowserSearch;
  /** The first page, known before the whole ordered list is. */
  firstPage: number[];
  /** The whole ordered id list, computed after the first page has been answered. */
  ids: number[] | null;
  /** Position of each id, built the first time someone asks. */
  index: Map<number, number> | null;
}

const KEEP_SESSIONS = 4;
const MAX_PAGE = 1000;
const FULL_LIST_DELAY_MS = 150;

/** The ordered ids of a search (one page of them with `limit`). Throws EngineError('search') for a bad query. */
export function orderedIds(col: Collection, search: BrowserSearch, limit?: number): number[] {
  const sort = effectiveSort(search.sort, search.mode);
  if (search.mode === 'cards') return findCardsOrdered(col, search.query, cardOrder(sort), limit);
  const { sql, params } = searchSql(col, search.query, 'notes');
  const page = limit === undefined ? '' : ` limit ${Math.max(0, Math.trunc(limit))}`;
  return col.db.prepare(sql + noteOrderClause(col, sort) + page).pluck().all(...params) as number[];
}

export function countMatches(col: Collection, search: BrowserSearch): number {
  const { sql, params } = searchSql(col, search.query, search.mode);
  return col.db.prepare(`select count(*) from (${sql})`).pluck().get(...params) as number;
}

/**
 * Browser searches held in main: the renderer gets a search id, the row count and the
 * first rows at once (a LIMIT query), then pages rows and ids from the ordered id list,
 * which is built right after answering; 100k results never cross the bridge.
 */
export class BrowserSessions {
  private readonly sessions: Session[] = [];
  private nextId = 1;

  /** The whole list is built a moment after the first page is answered, unless a newer search came first. */
  constructor(private readonly defer: (task: () => void) => void = (task) => setTimeout(task, FULL_LIST_DELAY_MS)) {}

  search(col: Collection, search: BrowserSearch, columns: readonly BrowserColumn[], pageSize: number): BrowserSearchResult {
    const size = Math.min(MAX_PAGE, Math.max(1, Math.trunc(pageSize) || 1));
    const firstPage = orderedIds(col, search, size);
    const total = firstPage.length < size ? firstPage.length : countMatches(col, search);
    const session: Session = { id: this.nextId++, search, firstPage, ids: total === firstPage.length ? firstPage : null, index: null };
    this.sessions.push(session);
    if (this.sessions.length > KEEP_SESSIONS) this.sessions.shift();
    if (!session.ids) {
      this.defer(() => {
        if (col.isOpen && this.sessions.at(-1) === session) this.full(col, session);
      });
    }
    return {
      searchId: session.id,
      total,
      rows: this.rowsFor(col, session.search.mode, firstPage, columns),
      sort: effectiveSort(search.sort, search.mode),
    };
  }

  /** Rows of a held search; the columns are looked up for its mode. */
  rows(
    col: Collection,
    searchId: number,
    offset: number,
    limit: number,
    columnsFor: (mode: BrowserMode) => readonly BrowserColumn[],
  ): BrowserRow[] {
    const session = this.require(searchId);
    const { start, end } = window(offset, limit, MAX_PAGE);
    const ids = end <= session.firstPage.length && !session.ids ? session.firstPage.slice(start, end) : this.full(col, session).slice(start, end);
    return this.rowsFor(col, session.search.mode, ids, columnsFor(session.search.mode));
  }

  ids(col: Collection, searchId: number, offset: number, limit: number): number[] {
    const { start, end } = window(offset, limit, Number.MAX_SAFE_INTEGER);
    return this.full(col, this.require(searchId)).slice(start, end);
  }

  indexOf(col: Collection, searchId: number, id: number): number {
    const session = this.require(searchId);
    const ids = this.full(col, session);
    session.index ??= new Map(ids.map((value, i) => [value, i]));
    return session.index.get(id) ?? -1;
  }

  private full(col: Collection, session: Session): number[] {
    session.ids ??= orderedIds(col, session.search);
    return session.ids;
  }

  private rowsFor(col: Collection, mode: BrowserMode, ids: number[], columns: readonly BrowserColumn[]): BrowserRow[] {
    return mode === 'cards' ? cardRows(col, ids, columns) : noteRows(col, ids, columns);
  }

  private require(searchId: number): Session {
    const session = this.sessions.find((s) => s.id === searchId);
    if (!session) throw new Error('this search has expired; search again');
    return session;
  }
}

function window(offset: number, limit: number, max: number): { start: number; end: number } {
  const start = Math.max(0, Math.trunc(Number(offset) || 0));
  const count = Math.min(max, Math.max(0, Math.trunc(Number(limit) || 0)));
  return { start, end: start + count };
}
