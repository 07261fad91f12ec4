import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DeckTreeNode } from '../../../shared/bridge';
import { useBridge, useBridgeQuery } from '../bridge/context';
import { useNavigation } from '../navigation';
import { ConfirmDialog, Dialog, PromptDialog } from '../components/study/Dialog';
import { lastSeq } from '../components/study/reviewer-store';
import '../styles/study.css';

interface VisibleRow {
  node: DeckTreeNode;
  depth: number;
  parentId: number | null;
}

function flatten(nodes: DeckTreeNode[], depth = 0, parentId: number | null = null, out: VisibleRow[] = []): VisibleRow[] {
  for (const node of nodes) {
    out.push({ node, depth, parentId });
    if (!node.collapsed) flatten(node.children, depth + 1, node.id, out);
  }
  return out;
}

function allNodes(nodes: DeckTreeNode[], out: DeckTreeNode[] = []): DeckTreeNode[] {
  for (const node of nodes) {
    out.push(node);
    allNodes(node.children, out);
  }
  return out;
}

type DialogState =
  | { kind: 'create' }
  | { kind: 'rename'; node: DeckTreeNode }
  | { kind: 'delete'; node: DeckTreeNode }
  | { kind: 'move'; node: DeckTreeNode }
  | null;

function Count({ value, kind }: { value: number; kind: 'new' | 'learn' | 'due' }) {
  return <td className={`count ${kind}${value === 0 ? ' zero' : ''}`}>{value}</td>;
}

interface RowProps {
  row: VisibleRow;
  focused: boolean;
  dropTarget: boolean;
  menuOpen: boolean;
  onOpen(): void;
  onToggle(): void;
  onMenu(open: boolean): void;
  onAction(kind: 'rename' | 'delete' | 'move' | 'options' | 'export'): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(): void;
  drag: DragHandlers;
}

interface DragHandlers {
  start(id: number): void;
  over(id: number, event: DragEvent): void;
  leave(): void;
  drop(id: number | null, event: DragEvent): void;
}

function DeckRow({ row, focused, dropTarget, menuOpen, onOpen, onToggle, onMenu, onAction, onKeyDown, onFocus, drag }: RowProps) {
  const { node, depth } = row;
  const hasChildren = node.children.length > 0;
  return (
    <tr
      className={`deck-row${focused ? ' focused' : ''}${dropTarget ? ' drop-target' : ''}${node.filtered ? ' filtered' : ''}`}
      data-deck-id={node.id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(node.id));
        e.dataTransfer.effectAllowed = 'move';
        drag.start(node.id);
      }}
      onDragOver={(e) => drag.over(node.id, e)}
      onDragLeave={drag.leave}
      onDrop={(e) => drag.drop(node.id, e)}
    >
      <td className="deck-name" style={{ paddingLeft: `${depth * 1.25 + 0.25}rem` }}>
        {hasChildren ? (
          <button
            type="button"
            className="collapse-toggle"
            aria-label={`${node.collapsed ? 'Expand' : 'Collapse'} ${node.fullName}`}
            aria-expanded={!node.collapsed}
            tabIndex={-1}
            onClick={onToggle}
          >
            {node.collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="collapse-spacer" />
        )}
        <button
          type="button"
          className="deck-link"
          tabIndex={focused ? 0 : -1}
          onClick={onOpen}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          title={`${node.fullName} — ${node.totalCards} cards`}
        >
          {node.name}
        </button>
      </td>
      <Count value={node.newCount} kind="new" />
      <Count value={node.learnCount} kind="learn" />
      <Count value={node.reviewCount} kind="due" />
      <td className="deck-actions">
        <button type="button" className="gear" tabIndex={-1} aria-label={`Options for ${node.fullName}`} aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => onMenu(!menuOpen)}>
          ⚙
        </button>
        {menuOpen && (
          <ul className="deck-menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && onMenu(false)}>
            {(['rename', 'options', 'export', 'move', 'delete'] as const).map((kind) => (
              <li key={kind} role="none">
                <button type="button" role="menuitem" autoFocus={kind === 'rename'} onClick={() => onAction(kind)}>
                  {{ rename: 'Rename', options: 'Options', export: 'Export…', move: 'Move…', delete: 'Delete' }[kind]}
                </button>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** Where a deck can move: top level, or any deck that is not itself or below it. */
function moveTargets(tree: DeckTreeNode[], node: DeckTreeNode): DeckTreeNode[] {
  const inside = new Set(allNodes([node]).map((n) => n.id));
  return allNodes(tree).filter((n) => !inside.has(n.id) && !n.filtered);
}

function MoveDialog({ tree, node, onMove, onClose }: { tree: DeckTreeNode[]; node: DeckTreeNode; onMove(parentId: number | null): Promise<void>; onClose(): void }) {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Move ${node.fullName}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onMove(target === '' ? null : Number(target)).then(onClose, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <label className="study-field">
          <span>New parent</span>
          <select autoFocus value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">(top level)</option>
            {moveTargets(tree, node).map((n) => (
              <option key={n.id} value={n.id}>{n.fullName}</option>
            ))}
          </select>
        </label>
        {error && <p role="alert" className="study-error">{error}</p>}
        <div className="study-dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Move</button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Anki's deck list: the tree with today's new/learn/due counts. Click a deck (or press Enter)
 * to open its overview; arrows move and fold, F2 renames, Delete deletes, drag to re-parent.
 */
export function DeckBrowser() {
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const { data, error, reload } = useBridgeQuery('study.decks.tree', {});
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [menuId, setMenuId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropId, setDropId] = useState<number | 'top' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const rows = useMemo(() => flatten(data ?? []), [data]);
  const activeId = focusedId ?? rows[0]?.node.id ?? null;

  useEffect(() => {
    // Showing the deck list means the reviewer is closed.
    void bridge.invoke('study.review.close', { seq: lastSeq() }).catch(() => undefined);
  }, [bridge]);

  const run = useCallback(
    (work: Promise<unknown>) => {
      setActionError(null);
      work.then(reload, (e: unknown) => setActionError(e instanceof Error ? e.message : String(e)));
    },
    [reload],
  );

  const focusRow = (id: number) => {
    setFocusedId(id);
    table.current?.querySelector<HTMLElement>(`tr[data-deck-id="${id}"] .deck-link`)?.focus();
  };
  const toggle = (node: DeckTreeNode, collapsed = !node.collapsed) => {
    if (node.children.length && collapsed !== node.collapsed) run(bridge.invoke('study.decks.setCollapsed', { id: node.id, collapsed }));
  };
  const open = (node: DeckTreeNode) => navigate('overview', { deckId: node.id });
  const action = (node: DeckTreeNode, kind: 'rename' | 'delete' | 'move' | 'options' | 'export') => {
    setMenuId(null);
    if (kind === 'options') navigate('deck-options', { deckId: node.id });
    else if (kind === 'export') navigate('export', { deckId: node.id });
    else setDialog({ kind, node });
  };

  const onRowKey = (row: VisibleRow, index: number) => (event: KeyboardEvent) => {
    const { node } = row;
    const go = (i: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (target) focusRow(target.node.id);
    };
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown': go(index + 1); return true;
        case 'ArrowUp': go(index - 1); return true;
        case 'Home': go(0); return true;
        case 'End': go(rows.length - 1); return true;
        case 'ArrowRight':
          if (node.children.length && node.collapsed) toggle(node, false);
          else go(index + 1);
          return true;
        case 'ArrowLeft':
          if (node.children.length && !node.collapsed) toggle(node, true);
          else if (row.parentId !== null) focusRow(row.parentId);
          return true;
        case '+': toggle(node, false); return true;
        case '-': toggle(node, true); return true;
        case 'F2': action(node, 'rename'); return true;
        case 'Delete': action(node, 'delete'); return true;
        case 'o': action(node, 'options'); return true;
        case 'm': action(node, 'move'); return true;
        default: return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const drag: DragHandlers = {
    start: setDragId,
    over(id, event) {
      if (dragId === null || dragId === id) return;
      event.preventDefault();
      setDropId(id);
    },
    leave: () => setDropId(null),
    drop(id, event) {
      event.preventDefault();
      const moving = Number(event.dataTransfer.getData('text/plain')) || dragId;
      setDragId(null);
      setDropId(null);
      if (moving && moving !== id) run(bridge.invoke('study.decks.reparent', { id: moving, parentId: id }));
    },
  };

  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <section className="deck-browser-screen" aria-label="Deck browser" onClick={(e) => !(e.target as HTMLElement).closest('.deck-actions') && setMenuId(null)}>
      <table ref={table} className="deck-browser" aria-label="Decks">
        <thead>
          <tr>
            <th>Deck</th>
            <th>New</th>
            <th>Learn</th>
            <th>Due</th>
            <th><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <DeckRow
              key={row.node.id}
              row={row}
              focused={row.node.id === activeId}
              dropTarget={dropId === row.node.id}
              menuOpen={menuId === row.node.id}
              onOpen={() => open(row.node)}
              onToggle={() => toggle(row.node)}
              onMenu={(isOpen) => setMenuId(isOpen ? row.node.id : null)}
              onAction={(kind) => action(row.node, kind)}
              onKeyDown={onRowKey(row, index)}
              onFocus={() => setFocusedId(row.node.id)}
              drag={drag}
            />
          ))}
        </tbody>
      </table>
      {dragId !== null && (
        <div
          className={`drop-top${dropId === 'top' ? ' drop-target' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDropId('top');
          }}
          onDragLeave={() => setDropId(null)}
          onDrop={(e) => drag.drop(null, e)}
        >
          Drop here to move to the top level
        </div>
      )}
      {actionError && <p role="alert" className="study-error">{actionError}</p>}
      <div className="deck-browser-bar">
        <button type="button" onClick={() => setDialog({ kind: 'create' })}>Create Deck</button>
        <button type="button" onClick={() => navigate('check-database')}>Check Database</button>
      </div>
      {dialog?.kind === 'create' && (
        <PromptDialog
          title="Create Deck"
          label="New deck name"
          confirmLabel="Create"
          onSubmit={async (name) => {
            await bridge.invoke('study.decks.create', { name });
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && (
        <PromptDialog
          title="Rename Deck"
          label="New deck name"
          initial={dialog.node.fullName}
          confirmLabel="Rename"
          onSubmit={async (name) => {
            await bridge.invoke('study.decks.rename', { id: dialog.node.id, name });
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete Deck"
          message={`Delete "${dialog.node.fullName}" with its subdecks and ${dialog.node.totalCards} card${dialog.node.totalCards === 1 ? '' : 's'}?`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await bridge.invoke('study.decks.delete', { id: dialog.node.id });
            setFocusedId(null);
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveDialog
          tree={data}
          node={dialog.node}
          onMove={async (parentId) => {
            await bridge.invoke('study.decks.reparent', { id: dialog.node.id, parentId });
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
