import { useCallback, useState } from 'react';
import type { Bridge } from '../../../../../shared/bridge';
import type { BrowserRows } from './useBrowserRows';

export interface Selection {
  ids: ReadonlySet<number>;
  /** Where shift-selection starts. */
  anchor: number;
  /** The row with the keyboard focus (-1: none). */
  current: number;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: -1, current: -1 };

/** Ids of rows lo..hi (inclusive): from loaded rows when they are all there, else from main. */
export async function idsInRange(bridge: Bridge, searchId: number, rows: BrowserRows, a: number, b: number): Promise<number[]> {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.max(a, b);
  const local: number[] = [];
  for (let i = lo; i <= hi; i++) {
    const row = rows.rowAt(i);
    if (!row) return bridge.invoke('browser.ids', { searchId, offset: lo, limit: hi - lo + 1 });
    local.push(row.id);
  }
  return local;
}

/** Click, Ctrl+click, Shift+click and keyboard selection over a virtual table. */
export function useSelection(bridge: Bridge, searchId: number | null, rows: BrowserRows) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  const idAt = useCallback(
    async (index: number): Promise<number | undefined> => {
      const row = rows.rowAt(index);
      if (row) return row.deleted ? undefined : row.id;
      if (searchId === null) return undefined;
      return (await bridge.invoke('browser.ids', { searchId, offset: index, limit: 1 }))[0];
    },
    [bridge, rows, searchId],
  );

  /** Moves to `index`: alone, toggled (ctrl) or as a range from the anchor (shift). */
  const pick = useCallback(
    async (index: number, how: { shift?: boolean; toggle?: boolean }) => {
      if (searchId === null || index < 0) return;
      if (how.shift && selection.anchor >= 0) {
        const range = await idsInRange(bridge, searchId, rows, selection.anchor, index);
        setSelection((s) => ({
          ids: new Set(how.toggle ? [...s.ids, ...range] : range),
          anchor: s.anchor,
          current: index,
        }));
        return;
      }
      const id = await idAt(index);
      if (id === undefined) return;
      setSelection((s) => {
        if (!how.toggle) return { ids: new Set([id]), anchor: index, current: index };
        const ids = new Set(s.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { ids, anchor: index, current: index };
      });
    },
    [bridge, rows, searchId, selection.anchor, idAt],
  );

  const selectAll = useCallback(
    async (total: number) => {
      if (searchId === null || !total) return;
      const ids = await bridge.invoke('browser.ids', { searchId, offset: 0, limit: total });
      setSelection((s) => ({ ids: new Set(ids), anchor: 0, current: s.current < 0 ? 0 : s.current }));
    },
    [bridge, searchId],
  );

  return { selection, setSelection, pick, selectAll };
}
