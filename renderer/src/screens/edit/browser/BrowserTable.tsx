import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { isSortableColumn, type BrowserColumn, type BrowserMode, type BrowserSort } from '../../../../../shared/bridge/edit';
import type { BrowserRows } from './useBrowserRows';
import { columnLabel, gridTemplate } from './columns';

export const ROW_HEIGHT = 26;
const OVERSCAN = 12;

export interface BrowserTableProps {
  mode: BrowserMode;
  columns: readonly BrowserColumn[];
  total: number;
  rows: BrowserRows;
  selected: ReadonlySet<number>;
  current: number;
  sort: BrowserSort;
  /** Scroll so this index is visible whenever the token changes. */
  scrollTo: { index: number; token: number };
  onRowMouseDown(index: number, event: MouseEvent): void;
  onRowDoubleClick(index: number): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  onSort(column: BrowserColumn): void;
  onHeaderMenu(x: number, y: number): void;
  /** Reports how many rows fit, for paging keys. */
  onPageSize(rows: number): void;
}

/** The browser's table: only the rows in view (plus a margin) are in the DOM. */
export function BrowserTable(props: BrowserTableProps) {
  const { rows, total, columns, onPageSize } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => onPageSize(Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1)), [view.height, onPageSize]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => rows.ensure(first, last), [rows, first, last]);

  const { index: scrollIndex, token: scrollToken } = props.scrollTo;
  useEffect(() => {
    const el = scroller.current;
    if (!el || scrollIndex < 0) return;
    const header = ROW_HEIGHT;
    const top = scrollIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - header) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + header;
  }, [scrollIndex, scrollToken]);

  const template = gridTemplate(columns);
  const visible = [];
  for (let index = first; index < last; index++) {
    const row = rows.rowAt(index);
    const selected = row ? props.selected.has(row.id) : false;
    const classes = ['browser-row'];
    if (index % 2) classes.push('alt');
    if (row?.flag) classes.push(`flag-${row.flag}`);
    else if (row?.marked) classes.push('marked');
    else if (row?.suspended) classes.push('suspended');
    if (row?.buried) classes.push('buried');
    if (selected) classes.push('selected');
    if (index === props.current) classes.push('current');
    visible.push(
      <div
        key={index}
        className={classes.join(' ')}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-id={row?.id}
        data-note-id={row?.noteId}
        style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template }}
        onMouseDown={(e) => props.onRowMouseDown(index, e)}
        onDoubleClick={() => props.onRowDoubleClick(index)}
      >
        {columns.map((column) => (
          <div key={column} className="cell" role="gridcell" data-column={column}>
            {row ? (row.deleted ? '(deleted)' : (row.cells[column] ?? '')) : '…'}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="browser-scroll"
      role="grid"
      aria-label="Search results"
      aria-rowcount={total + 1}
      aria-multiselectable="true"
      tabIndex={0}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      onKeyDown={props.onKeyDown}
      style={{ ['--row-height' as string]: `${ROW_HEIGHT}px` }}
    >
      <div
        className="browser-head"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, position: 'sticky', top: 0, zIndex: 2, height: ROW_HEIGHT }}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onHeaderMenu(e.clientX, e.clientY);
        }}
      >
        {columns.map((column) => {
          const sortable = isSortableColumn(column, props.mode);
          const sorted = props.sort.column === column;
          return (
            <button
              key={column}
              type="button"
              tabIndex={-1}
              role="columnheader"
              aria-sort={sorted ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}
              className={`col${sorted ? ' sorted' : ''}`}
              data-column={column}
              disabled={!sortable}
              title={sortable ? `Sort by ${columnLabel(column, props.mode)}` : 'This column cannot be sorted'}
              onClick={() => props.onSort(column)}
            >
              {columnLabel(column, props.mode)}
              {sorted ? (props.sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          );
        })}
      </div>
      <div className="browser-rows" style={{ height: total * ROW_HEIGHT }}>
        {visible}
      </div>
    </div>
  );
}
