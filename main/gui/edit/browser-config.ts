import type { Collection } from '../../engine/collection';
import { EngineError } from '../../engine/errors';
import {
  DEFAULT_BROWSER_COLUMNS,
  isBrowserColumn,
  isSortableColumn,
  type BrowserColumn,
  type BrowserConfig,
  type BrowserMode,
  type BrowserSort,
} from '../../../shared/bridge/edit';

/** Anki's config keys for the browser table, so a collection carries them across apps. */
const KEYS = {
  notesMode: 'browserTableShowNotesMode',
  columns: { cards: 'activeCols', notes: 'activeNoteCols' },
  sortColumn: { cards: 'sortType', notes: 'noteSortType' },
  sortBackwards: { cards: 'sortBackwards', notes: 'browserNoteSortBackwards' },
} as const;

const DEFAULT_SORT: BrowserSort = { column: 'noteFld', descending: false };

function columnsFor(col: Collection, mode: BrowserMode): BrowserColumn[] {
  const saved = col.getConfig<unknown>(KEYS.columns[mode], null);
  const valid = Array.isArray(saved) ? saved.filter(isBrowserColumn) : [];
  return valid.length ? [...new Set(valid)] : [...DEFAULT_BROWSER_COLUMNS[mode]];
}

function sortFor(col: Collection, mode: BrowserMode): BrowserSort {
  const column = col.getConfig<unknown>(KEYS.sortColumn[mode], DEFAULT_SORT.column);
  return {
    column: isBrowserColumn(column) && isSortableColumn(column, mode) ? column : DEFAULT_SORT.column,
    descending: Boolean(col.getConfig<unknown>(KEYS.sortBackwards[mode], false)),
  };
}

export function browserConfig(col: Collection): BrowserConfig {
  return {
    mode: col.getConfig<unknown>(KEYS.notesMode, false) === true ? 'notes' : 'cards',
    columns: { cards: columnsFor(col, 'cards'), notes: columnsFor(col, 'notes') },
    sort: { cards: sortFor(col, 'cards'), notes: sortFor(col, 'notes') },
  };
}

function checkSort(sort: BrowserSort, mode: BrowserMode): BrowserSort {
  if (!isBrowserColumn(sort.column) || !isSortableColumn(sort.column, mode)) {
    throw new EngineError('invalid', `cannot sort on column: ${String(sort.column)}`);
  }
  return { column: sort.column, descending: Boolean(sort.descending) };
}

/** Saves what the browser changed (mode, visible columns, sort) into the collection config. */
export function saveBrowserConfig(col: Collection, patch: Partial<BrowserConfig>): BrowserConfig {
  col.transact(() => {
    if (patch.mode !== undefined) col.setConfig(KEYS.notesMode, patch.mode === 'notes');
    for (const mode of ['cards', 'notes'] as const) {
      const columns = patch.columns?.[mode];
      if (columns) {
        const valid = [...new Set(columns.filter(isBrowserColumn))];
        if (!valid.length) throw new EngineError('invalid', 'at least one column must be shown');
        col.setConfig(KEYS.columns[mode], valid);
      }
      const sort = patch.sort?.[mode];
      if (sort) {
        const checked = checkSort(sort, mode);
        col.setConfig(KEYS.sortColumn[mode], checked.column);
        col.setConfig(KEYS.sortBackwards[mode], checked.descending);
      }
    }
  });
  return browserConfig(col);
}
