import type { Collection } from '../collection';
import { allDecks } from '../decks/store';
import { allNotetypes } from '../notetypes/store';
import { compareIgnoringCase } from '../text/fold';
import type { RequiredTable } from './builder';
import { NotetypeKind } from '../model/types';

/** Browser sort columns for cards (rslib card_order_from_sort_column). */
export type CardSortColumn =
  | 'sortField'
  | 'due'
  | 'interval'
  | 'ease'
  | 'reps'
  | 'lapses'
  | 'created'
  /** Card modified (Anki's "Modified" column in cards mode). */
  | 'modified'
  | 'cardModified'
  | 'noteModified'
  | 'deck'
  | 'notetype'
  | 'template'
  | 'tags';

export interface CardOrder {
  column: CardSortColumn;
  descending: boolean;
}

interface OrderTerm {
  expr: string;
  /** Ascending unless flipped for a descending sort. */
  ascending: boolean;
}

/** Ranks ids by name (case-insensitive) as a CASE expression, like Anki's temporary sort_order table. */
function rankCase(column: string, ids: number[]): string {
  if (!ids.length) return '0';
  return `(case ${column} ${ids.map((id, i) => `when ${id} then ${i}`).join(' ')} else ${ids.length} end)`;
}

function deckRank(col: Collection): string {
  const ids = [...allDecks(col)].sort((a, b) => compareIgnoringCase(a.name, b.name)).map((d) => d.id);
  return rankCase('c.did', ids);
}

function notetypeRank(col: Collection): string {
  const ids = [...allNotetypes(col)].sort((a, b) => compareIgnoringCase(a.name, b.name)).map((n) => n.id);
  return rankCase('n.mid', ids);
}

/** Template order: by template name then notetype name; cloze cards share their notetype's first template. */
function templateRank(col: Collection): string {
  const entries = allNotetypes(col).flatMap((nt) => nt.tmpls.map((t, ord) => ({ nt, ord, name: t.name })));
  entries.sort((a, b) => compareIgnoringCase(a.name, b.name) || compareIgnoringCase(a.nt.name, b.nt.name) || a.ord - b.ord);
  if (!entries.length) return '0';
  const whens = entries.map((e, i) => `when n.mid = ${e.nt.id} and c.ord = ${e.ord} then ${i}`);
  const clozeFallback = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.nt.type === NotetypeKind.Cloze && e.ord === 0)
    .map(({ e, i }) => `when n.mid = ${e.nt.id} then ${i}`);
  return `(case ${[...whens, ...clozeFallback].join(' ')} else ${entries.length} end)`;
}

function terms(col: Collection, column: CardSortColumn): OrderTerm[] {
  const asc = (expr: string): OrderTerm => ({ expr, ascending: true });
  switch (column) {
    case 'sortField':
      return [asc('n.sfld collate nocase'), asc('c.ord')];
    case 'due': {
      const { daysElapsed, now } = col.timing();
      return [asc(`(case when c.due > 1000000000 or c.type = 0 then c.due else (c.due - ${daysElapsed}) * 86400 + ${now} end)`)];
    }
    case 'interval':
      return [asc('c.ivl')];
    case 'ease':
      return [asc('c.type = 0'), asc('c.factor')];
    case 'reps':
      return [asc('c.reps')];
    case 'lapses':
      return [asc('c.lapses')];
    case 'created':
      return [asc('n.id'), asc('c.ord')];
    case 'modified':
    case 'cardModified':
      return [asc('c.mod')];
    case 'noteModified':
      return [asc('n.mod'), asc('c.ord')];
    case 'deck':
      return [asc(deckRank(col))];
    case 'notetype':
      return [asc(notetypeRank(col))];
    case 'template':
      return [asc(templateRank(col)), asc('c.ord')];
    case 'tags':
      return [asc('n.tags')];
  }
}

/** The notes table is needed for these orders. */
export function orderTable(column: CardSortColumn): RequiredTable {
  return ['sortField', 'created', 'noteModified', 'notetype', 'template', 'tags'].includes(column) ? 'notes' : 'either';
}

/** ` order by …` with the card id as the final tie-breaker so pages are stable. */
export function orderClause(col: Collection, order: CardOrder): string {
  const all = [...terms(col, order.column), { expr: 'c.id', ascending: true }];
  return ` order by ${all.map((t) => `${t.expr} ${t.ascending !== order.descending ? 'asc' : 'desc'}`).join(', ')}`;
}
