import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  isSortableColumn,
  type BrowserColumn,
  type BrowserConfig,
  type BrowserMode,
  type BrowserSearch,
  type BrowserSearchResult,
  type BrowserSelection,
  type BrowserSort,
} from '../../../../../shared/bridge/edit';
import { useBridge, useBridgeQuery } from '../../../bridge/context';
import { useNavigation } from '../../../navigation';
import type { ScreenProps } from '../../registry';
import { errorText, useDecks, useNotetypes, useTags } from '../../../components/edit/useEditData';
import { useBrowserSlot, type BrowserState } from './useBrowserSlot';
import { BrowserTable } from './BrowserTable';
import { useBrowserRows } from './useBrowserRows';
import { EMPTY_SELECTION, useSelection } from './useSelection';
import { DEFAULT_QUERY, FLAG_NAMES } from './columns';
import { browserKeyAction } from './keys';
import { BrowserActions, BrowserEditorPane, ColumnMenu, type BulkDialog } from './BrowserParts';
import { ChangeDeckDialog, DeleteDialog, FindReplaceDialog, ForgetDialog, RepositionDialog, TagsDialog, type FindReplaceValue } from './BulkDialogs';

const FIRST_PAGE = 100;

type Dialog = BulkDialog | 'delete' | null;

function routeSearch(params: Record<string, unknown>): { query: string | null; sort: BrowserSort | null } {
  return {
    query: typeof params.query === 'string' ? params.query : null,
    sort: (params.sort as BrowserSort | null | undefined) ?? null,
  };
}

/** The card browser: search, sortable virtual table, multi-select, bulk actions and an editor for the selected note. */
export function Browser({ params }: ScreenProps) {
  const bridge = useBridge();
  const { navigate, back } = useNavigation();
  const decks = useDecks();
  const notetypes = useNotetypes();
  const knownTags = useTags();
  const [config, setConfig] = useState<BrowserConfig | null>(null);
  const [queryText, setQueryText] = useState(() => routeSearch(params).query ?? DEFAULT_QUERY);
  const [active, setActive] = useState<BrowserSearch | null>(null);
  const [result, setResult] = useState<BrowserSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [deleteCount, setDeleteCount] = useState(0);
  const [columnMenu, setColumnMenu] = useState<{ x: number; y: number } | null>(null);
  const [scrollTo, setScrollTo] = useState({ index: -1, token: 0 });
  const [pageSize, setPageSize] = useState(20);
  const searchInput = useRef<HTMLInputElement>(null);
  const pendingSearch = useRef<Promise<unknown>>(Promise.resolve());

  const rows = useBrowserRows(result?.searchId ?? null, result?.total ?? 0, result?.rows ?? []);
  const { selection, setSelection, pick, selectAll } = useSelection(bridge, result?.searchId ?? null, rows);
  const mode: BrowserMode = active?.mode ?? config?.mode ?? 'cards';
  const columns = config?.columns[mode] ?? [];
  const total = result?.total ?? 0;

  const searchSeq = useRef(0);
  const typedBeforeConfig = useRef<string | null>(null);

  /** Runs a search; the selection survives when `keep` is set (re-sorting, refreshing). */
  const runSearch = useCallback(
    (search: BrowserSearch, keep = false): Promise<BrowserSearchResult | null> => {
      // Only the latest search may update the view: an older reply arriving late is dropped.
      const seq = ++searchSeq.current;
      const run = bridge.invoke('browser.search', { ...search, pageSize: FIRST_PAGE }).then(
        (found) => {
          if (seq !== searchSeq.current) return found;
          setActive({ ...search, sort: found.sort });
          setResult(found);
          setError(null);
          if (!keep) {
            // As in Anki, a new search selects its first row (clients read it back with guiSelectedNotes).
            const first = found.rows[0];
            setSelection(first ? { ids: new Set([first.id]), anchor: 0, current: 0 } : EMPTY_SELECTION);
            setMessage('');
          }
          setScrollTo((s) => ({ index: keep ? s.index : 0, token: s.token + 1 }));
          return found;
        },
        (e: unknown) => {
          if (seq === searchSeq.current) setError(errorText(e));
          return null;
        },
      );
      pendingSearch.current = run;
      return run;
    },
    [bridge, setSelection],
  );

  useEffect(() => {
    bridge.invoke('browser.config', {}).then(setConfig, (e: unknown) => setError(errorText(e)));
  }, [bridge]);

  // The route's search (guiBrowse, history links) or the default one, once the config is known.
  const routeKey = JSON.stringify(params);
  // A new route (another search asked for) replaces what is in the search box; typing never is.
  const [routeShown, setRouteShown] = useState(routeKey);
  if (routeShown !== routeKey) {
    setRouteShown(routeKey);
    setQueryText(routeSearch(params).query ?? DEFAULT_QUERY);
  }
  const configLoaded = config !== null;
  const configRef = useRef<BrowserConfig | null>(null);
  useLayoutEffect(() => {
    configRef.current = config;
  });
  useEffect(() => {
    const cfg = configRef.current;
    if (!cfg) return;
    const { query, sort } = routeSearch(JSON.parse(routeKey) as Record<string, unknown>);
    // A search the user submitted before the config arrived wins over the default one.
    const text = typedBeforeConfig.current ?? query ?? DEFAULT_QUERY;
    typedBeforeConfig.current = null;
    void runSearch({ query: text, mode: cfg.mode, sort: sort ?? cfg.sort[cfg.mode] });
  }, [configLoaded, routeKey, runSearch]);

  const { invalidate } = rows;
  useEffect(() => bridge.on('collection.changed', invalidate), [bridge, invalidate]);

  // What gui* actions reach while the browser is open.
  const state = useRef<BrowserState>({ active, result, selection, mode });
  useLayoutEffect(() => {
    state.current = { active, result, selection, mode };
  });
  // Another profile: the held search names ids of the old collection.
  const profile = useBridgeQuery('app.info', {}).data?.profile;
  const lastProfile = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (profile === undefined) return;
    const before = lastProfile.current;
    lastProfile.current = profile;
    const current = state.current.active;
    if (before !== undefined && before !== profile && current) void runSearch(current);
  }, [profile, runSearch]);

  // Reachable by gui* actions once the first search has answered.
  useBrowserSlot(result !== null || error !== null, {
    bridge,
    state,
    configRef,
    pendingSearch,
    runSearch,
    setSelection,
    showQuery: setQueryText,
    scrollTo: (index) => setScrollTo((s) => ({ index, token: s.token + 1 })),
  });

  const selectionFor = (): BrowserSelection => ({ mode, ids: [...selection.ids] });
  const currentRow = selection.current >= 0 ? rows.rowAt(selection.current) : undefined;
  const editingNoteId = selection.ids.size === 1 && currentRow && selection.ids.has(currentRow.id) && !currentRow.deleted ? currentRow.noteId : null;

  const submitSearch = () => {
    if (!active && !config) {
      typedBeforeConfig.current = queryText;
      return;
    }
    const m = active?.mode ?? config!.mode;
    void runSearch({ query: queryText, mode: m, sort: active?.sort ?? config!.sort[m] });
  };

  const saveConfig = async (patch: Partial<BrowserConfig>) => {
    const saved = await bridge.invoke('browser.saveConfig', patch);
    setConfig(saved);
    return saved;
  };

  const sortBy = (column: BrowserColumn) => {
    if (!active || !config || !isSortableColumn(column, mode)) return;
    const sort = { column, descending: active.sort.column === column ? !active.sort.descending : false };
    void saveConfig({ sort: { ...config.sort, [mode]: sort } })
      .then(() => runSearch({ ...active, sort }, true))
      .then((found) => found && relocate(found.searchId));
  };

  /** After re-sorting, keep the current row in view. */
  const relocate = async (searchId: number) => {
    const id = currentRow?.id;
    if (id === undefined) return;
    const index = await bridge.invoke('browser.indexOf', { searchId, id });
    setSelection((s) => ({ ...s, anchor: index, current: index }));
    if (index >= 0) setScrollTo((s) => ({ index, token: s.token + 1 }));
  };

  const toggleMode = async () => {
    if (!active || !config) return;
    const next: BrowserMode = mode === 'cards' ? 'notes' : 'cards';
    const ids = [...selection.ids];
    const converted = ids.length ? await bridge.invoke(next === 'notes' ? 'browser.noteIds' : 'browser.cardIds', { mode, ids }) : [];
    const saved = await saveConfig({ mode: next });
    await runSearch({ query: active.query, mode: next, sort: saved.sort[next] });
    setSelection({ ids: new Set(converted), anchor: -1, current: -1 });
  };

  const toggleColumn = (column: BrowserColumn) => {
    if (!config || !active) return;
    const shown = config.columns[mode];
    const next = shown.includes(column) ? shown.filter((c) => c !== column) : [...shown, column];
    if (!next.length) return;
    void saveConfig({ columns: { ...config.columns, [mode]: next } }).then(() => runSearch(active, true));
  };

  /** Runs a bulk action on the selection, reporting what changed. */
  const bulk = (label: string, run: () => Promise<number>, research = false) => {
    setDialog(null);
    if (!selection.ids.size && label !== 'Find and Replace') {
      setMessage('Select some rows first.');
      return;
    }
    run().then(
      (count) => {
        setMessage(`${label}: ${count} changed.`);
        if (research && active) void runSearch(active);
      },
      (e: unknown) => setMessage(`${label} failed: ${errorText(e)}`),
    );
  };

  const openDelete = async () => {
    if (!selection.ids.size) return;
    const notes = await bridge.invoke('browser.noteIds', selectionFor());
    setDeleteCount(notes.length);
    setDialog('delete');
  };

  const toggleSuspend = () =>
    bulk(currentRow?.suspended ? 'Unsuspend' : 'Suspend', () =>
      bridge.invoke('browser.suspend', { selection: selectionFor(), suspend: !currentRow?.suspended }),
    );

  const toggleFlag = (flag: number) => {
    const value = currentRow?.flag === flag ? 0 : flag;
    bulk(value ? `Flag ${FLAG_NAMES[value]}` : 'Clear flag', () => bridge.invoke('browser.flag', { selection: selectionFor(), flag: value }));
  };

  const findReplace = (value: FindReplaceValue) =>
    bulk('Find and Replace', () =>
      bridge.invoke('browser.findReplace', {
        selection: value.selectedOnly ? selectionFor() : null,
        search: value.search,
        replacement: value.replacement,
        regex: value.regex,
        matchCase: value.matchCase,
        field: value.field,
      }),
    );

  const onScreenKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = browserKeyAction(event);
    if (!action || (action.kind === 'close' && (dialog || columnMenu))) return;
    event.preventDefault();
    if (action.kind === 'focusSearch') searchInput.current?.select();
    else if (action.kind === 'dialog') setDialog(action.dialog);
    else if (action.kind === 'suspend') toggleSuspend();
    else if (action.kind === 'flag') toggleFlag(action.flag);
    else if (action.kind === 'toggleMode') void toggleMode();
    else if (action.kind === 'delete') void openDelete();
    else back();
  };

  const onTableKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = selection.current;
    const move = (to: number) => {
      event.preventDefault();
      const index = Math.max(0, Math.min(total - 1, to));
      void pick(index, { shift: event.shiftKey });
      setScrollTo((s) => ({ index, token: s.token + 1 }));
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? 0 : at - 1);
    else if (event.key === 'PageDown') move(at + pageSize);
    else if (event.key === 'PageUp') move(at - pageSize);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(total - 1);
    else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      void selectAll(total);
    } else if (event.key === 'Enter' && editingNoteId !== null) {
      event.preventDefault();
      navigate('edit', { noteId: editingNoteId });
    } else if (event.key === 'Delete' && !event.ctrlKey) {
      event.preventDefault();
      void openDelete();
    }
  };

  const onRowMouseDown = (index: number, event: MouseEvent) => {
    if (event.button !== 0) return;
    void pick(index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
  };

  const fieldNames = [...new Set(notetypes.list.flatMap((n) => n.fields.map((f) => f.name)))];
  const noun = mode === 'cards' ? 'card' : 'note';

  return (
    <div className="browser" onKeyDown={onScreenKey}>
      <div className="browser-bar">
        <div className="mode-toggle" role="group" aria-label="Show">
          <button type="button" aria-pressed={mode === 'cards'} onClick={() => mode !== 'cards' && void toggleMode()} title="Cards (Ctrl+Alt+T toggles)">
            Cards
          </button>
          <button type="button" aria-pressed={mode === 'notes'} onClick={() => mode !== 'notes' && void toggleMode()} title="Notes (Ctrl+Alt+T toggles)">
            Notes
          </button>
        </div>
        <input
          ref={searchInput}
          className="search-input"
          type="search"
          aria-label="Search"
          placeholder="Search (Anki syntax), Enter to run"
          value={queryText}
          onChange={(e) => setQueryText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submitSearch();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('.browser-scroll')?.focus();
            }
          }}
        />
        <button type="button" onClick={submitSearch}>
          Search
        </button>
      </div>
      {error && (
        <p className="search-error error" role="alert" style={{ margin: '0.4rem 0.75rem' }}>
          {error}
        </p>
      )}
      <BrowserActions
        mode={mode}
        suspended={Boolean(currentRow?.suspended)}
        open={setDialog}
        toggleSuspend={toggleSuspend}
        toggleFlag={toggleFlag}
        remove={() => void openDelete()}
      />
      <div className="browser-body">
        <div className="browser-table">
          <BrowserTable
            mode={mode}
            columns={columns}
            total={total}
            rows={rows}
            selected={selection.ids}
            current={selection.current}
            sort={active?.sort ?? { column: 'noteFld', descending: false }}
            scrollTo={scrollTo}
            onRowMouseDown={onRowMouseDown}
            onRowDoubleClick={(index) => {
              const row = rows.rowAt(index);
              if (row && !row.deleted) navigate('edit', { noteId: row.noteId });
            }}
            onKeyDown={onTableKey}
            onSort={sortBy}
            onHeaderMenu={(x, y) => setColumnMenu({ x, y })}
            onPageSize={setPageSize}
          />
          <div className="browser-status" role="status">
            {total} {noun}
            {total === 1 ? '' : 's'} shown, {selection.ids.size} selected{message ? ` — ${message}` : ''}
          </div>
        </div>
        <BrowserEditorPane noteId={editingNoteId} selected={selection.ids.size} noun={noun} knownTags={knownTags} />
      </div>
      {columnMenu && <ColumnMenu at={columnMenu} mode={mode} columns={columns} toggle={toggleColumn} close={() => setColumnMenu(null)} />}
      {dialog === 'deck' && (
        <ChangeDeckDialog
          decks={decks}
          onClose={() => setDialog(null)}
          onSubmit={(deckId) => bulk('Change Deck', () => bridge.invoke('browser.changeDeck', { selection: selectionFor(), deckId }))}
        />
      )}
      {(dialog === 'addTags' || dialog === 'removeTags') && (
        <TagsDialog
          remove={dialog === 'removeTags'}
          knownTags={knownTags}
          onClose={() => setDialog(null)}
          onSubmit={(tags) =>
            bulk(dialog === 'removeTags' ? 'Remove Tags' : 'Add Tags', () =>
              bridge.invoke('browser.tags', { selection: selectionFor(), tags, remove: dialog === 'removeTags' }),
            )
          }
        />
      )}
      {dialog === 'reposition' && (
        <RepositionDialog
          onClose={() => setDialog(null)}
          onSubmit={(options) => bulk('Reposition', () => bridge.invoke('browser.reposition', { selection: selectionFor(), options }))}
        />
      )}
      {dialog === 'forget' && (
        <ForgetDialog
          onClose={() => setDialog(null)}
          onSubmit={(options) => bulk('Forget', () => bridge.invoke('browser.forget', { selection: selectionFor(), ...options }))}
        />
      )}
      {dialog === 'findReplace' && <FindReplaceDialog fieldNames={fieldNames} onClose={() => setDialog(null)} onSubmit={findReplace} />}
      {dialog === 'delete' && (
        <DeleteDialog
          count={deleteCount}
          onClose={() => setDialog(null)}
          onSubmit={() => bulk('Delete', () => bridge.invoke('browser.delete', { selection: selectionFor() }), true)}
        />
      )}
    </div>
  );
}
