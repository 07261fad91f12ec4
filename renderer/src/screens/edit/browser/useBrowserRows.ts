import { useCallback, useMemo, useRef, useState } from 'react';
import type { BrowserRow } from '../../../../../shared/bridge/edit';
import { useBridge } from '../../../bridge/context';

export const ROW_BLOCK = 100;

interface Block {
  rows: BrowserRow[];
  generation: number;
}

interface Store {
  /** The search these blocks belong to. */
  base: Base;
  generation: number;
  blocks: Map<number, Block>;
}

interface Base {
  searchId: number | null;
  total: number;
  blocks: Map<number, Block>;
}

export interface BrowserRows {
  rowAt(index: number): BrowserRow | undefined;
  /** Fetches the blocks covering [start, end) that are missing or stale. */
  ensure(start: number, end: number): void;
  /** Marks every block stale (the collection changed); visible ones are refetched. */
  invalidate(): void;
}

/**
 * Rows of one browser search, fetched from main in blocks of ROW_BLOCK as they scroll
 * into view. Stale rows stay on screen until their fresh copy arrives.
 */
export function useBrowserRows(searchId: number | null, total: number, firstRows: readonly BrowserRow[]): BrowserRows {
  const bridge = useBridge();
  const base = useMemo<Base>(() => {
    const blocks = new Map<number, Block>();
    // The first rows came with the search; a partial block 0 is fetched again on demand.
    if (searchId !== null && firstRows.length >= Math.min(ROW_BLOCK, total)) {
      blocks.set(0, { rows: firstRows.slice(0, ROW_BLOCK), generation: 0 });
    }
    return { searchId, total, blocks };
  }, [searchId, total, firstRows]);
  const [store, setStore] = useState<Store>({ base, generation: 0, blocks: base.blocks });
  const live = useMemo(() => (store.base === base ? store : { base, generation: 0, blocks: base.blocks }), [store, base]);
  const inflight = useRef(new Set<string>());

  const ensure = useCallback(
    (start: number, end: number) => {
      if (live.base.searchId === null) return;
      const searchId = live.base.searchId;
      const from = Math.max(0, Math.floor(start / ROW_BLOCK));
      const to = Math.floor((Math.min(end, live.base.total) - 1) / ROW_BLOCK);
      for (let block = from; block <= to; block++) {
        const have = live.blocks.get(block);
        const key = `${searchId}:${live.generation}:${block}`;
        if ((have && have.generation === live.generation) || inflight.current.has(key)) continue;
        inflight.current.add(key);
        const generation = live.generation;
        bridge.invoke('browser.rows', { searchId, offset: block * ROW_BLOCK, limit: ROW_BLOCK }).then(
          (rows) => {
            inflight.current.delete(key);
            setStore((s) => {
              const current = s.base === base ? s : { base, generation: 0, blocks: base.blocks };
              if (generation < (current.blocks.get(block)?.generation ?? -1)) return current;
              const blocks = new Map(current.blocks);
              blocks.set(block, { rows, generation });
              return { ...current, blocks };
            });
          },
          () => inflight.current.delete(key),
        );
      }
    },
    [bridge, base, live],
  );

  const invalidate = useCallback(() => {
    setStore((s) => {
      const current = s.base === base ? s : { base, generation: 0, blocks: base.blocks };
      return { ...current, generation: current.generation + 1 };
    });
  }, [base]);

  const rowAt = useCallback(
    (index: number) => live.blocks.get(Math.floor(index / ROW_BLOCK))?.rows[index % ROW_BLOCK],
    [live],
  );

  return useMemo(() => ({ rowAt, ensure, invalidate }), [rowAt, ensure, invalidate]);
}
