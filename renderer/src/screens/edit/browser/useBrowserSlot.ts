import { useEffect, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Bridge } from '../../../../../shared/bridge';
import type { BrowserConfig, BrowserMode, BrowserSearch, BrowserSearchResult, BrowserSort } from '../../../../../shared/bridge/edit';
import { registerSlot } from '../slots';
import { DEFAULT_QUERY } from './columns';
import { EMPTY_SELECTION, type Selection } from './useSelection';

export interface BrowserState {
  active: BrowserSearch | null;
  result: BrowserSearchResult | null;
  selection: Selection;
  mode: BrowserMode;
}

interface SlotDeps {
  bridge: Bridge;
  state: RefObject<BrowserState>;
  configRef: RefObject<BrowserConfig | null>;
  pendingSearch: RefObject<Promise<unknown>>;
  runSearch(search: BrowserSearch): Promise<unknown>;
  setSelection: Dispatch<SetStateAction<Selection>>;
  showQuery(text: string): void;
  scrollTo(index: number): void;
}

/** What gui* actions reach while the browser is open: search, select a card, read the selection. */
export function useBrowserSlot(ready: boolean, deps: SlotDeps): void {
  const { bridge, state, configRef, pendingSearch, runSearch, setSelection, showQuery, scrollTo } = deps;
  useEffect(() => {
    if (!ready) return;
    return registerSlot('browser', {
      search(query: string | null, sort: BrowserSort | null) {
        const cfg = configRef.current;
        const current = state.current.active;
        if (!cfg) return;
        const mode = current?.mode ?? cfg.mode;
        const text = query ?? current?.query ?? DEFAULT_QUERY;
        showQuery(text);
        void runSearch({ query: text, mode, sort: sort ?? current?.sort ?? cfg.sort[mode] });
      },
      async selectCard(cardId: number) {
        await pendingSearch.current;
        const { result, mode } = state.current;
        if (!result) return true;
        const id = mode === 'cards' ? cardId : (await bridge.invoke('browser.noteIds', { mode: 'cards', ids: [cardId] }))[0];
        const index = id === undefined ? -1 : await bridge.invoke('browser.indexOf', { searchId: result.searchId, id });
        setSelection(index >= 0 && id !== undefined ? { ids: new Set([id]), anchor: index, current: index } : EMPTY_SELECTION);
        if (index >= 0) scrollTo(index);
        return true;
      },
      async selectedNotes() {
        await pendingSearch.current;
        const { selection, mode } = state.current;
        const ids = [...selection.ids];
        return mode === 'notes' ? ids : bridge.invoke('browser.noteIds', { mode, ids });
      },
    });
    // The handlers read the latest state through refs; re-registering on every render is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, bridge, runSearch, setSelection]);
}
