import type { Collection } from '../../../engine/collection';
import { EngineError } from '../../../engine/errors';
import { allNotetypes } from '../../../engine/notetypes/store';
import { compareIgnoringCase } from '../../../engine/text/fold';
import type { CardOrder, CardSortColumn } from '../../../engine/search';
import { isSortableColumn, type BrowserColumn, type BrowserMode, type BrowserSort } from '../../../../shared/bridge/edit';

const CARD_SORT: Partial<Record<BrowserColumn, CardSortColumn>> = {
  noteFld: 'sortField',
  template: 'template',
  cardDue: 'due',
  cardIvl: 'interval',
  cardEase: 'ease',
  cardReps: 'reps',
  cardLapses: 'lapses',
  noteCrt: 'created',
  noteMod: 'noteModified',
  cardMod: 'cardModified',
  deck: 'deck',
  note: 'notetype',
  noteTags: 'tags',
};

/** A browser sort as the search engine's card order. */
export function cardOrder(sort: BrowserSort): CardOrder {
  const column = CARD_SORT[sort.column];
  if (!column) throw new EngineError('invalid', `cannot sort cards on column: ${sort.column}`);
  return { column, descending: sort.descending };
}

/** The sort actually applied: an unsortable column falls back to the sort field. */
export function effectiveSort(sort: BrowserSort, mode: BrowserMode): BrowserSort {
  return isSortableColumn(sort.column, mode) ? sort : { column: 'noteFld', descending: sort.descending };
}

function notetypeRank(col: Collection): string {
  const ids = [...allNotetypes(col)].sort((a, b) => compareIgnoringCase(a.name, b.name)).map((n) => n.id);
  if (!ids.length) return '0';
  return `(case n.mid ${ids.map((id, i) => `when ${id} then ${i}`).join(' ')} else ${ids.length} end)`;
}

/**
 * ` order by …` for notes mode, which sorts on the note's own columns (as Anki's
 * note_order_from_sort_column), with the note id as the tie-breaker.
 */
export function noteOrderClause(col: Collection, sort: BrowserSort): string {
  const dir = sort.descending ? 'desc' : 'asc';
  const expr: Partial<Record<BrowserColumn, string>> = {
    noteFld: 'n.sfld collate nocase',
    noteCrt: 'n.id',
    noteMod: 'n.mod',
    note: notetypeRank(col),
    noteTags: 'n.tags',
  };
  const main = expr[sort.column];
  if (!main) throw new EngineError('invalid', `cannot sort notes on column: ${sort.column}`);
  return ` order by ${main} ${dir}, n.id ${dir}`;
}
