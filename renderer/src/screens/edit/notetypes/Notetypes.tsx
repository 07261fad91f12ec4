import { useState, type KeyboardEvent } from 'react';
import { STOCK_KINDS, type NotetypeInfo, type NotetypeOp, type StockKind } from '../../../../../shared/bridge/edit';
import { useBridge } from '../../../bridge/context';
import { useNavigation } from '../../../navigation';
import type { ScreenProps } from '../../registry';
import { Modal } from '../../../components/Modal';
import { ConfirmDialog, PromptDialog } from '../../../components/edit/PromptDialog';
import { errorText, useNotetypes } from '../../../components/edit/useEditData';
import { FieldsPanel } from './FieldsPanel';
import { TemplatesPanel } from './TemplatesPanel';

type Dialog = { kind: 'add' } | { kind: 'rename' } | { kind: 'delete' } | null;

function AddNotetypeDialog({ notetypes, onSubmit, onClose }: { notetypes: NotetypeInfo[]; onSubmit(name: string, from: string): void; onClose(): void }) {
  const [from, setFrom] = useState<string>('stock:basic');
  const [name, setName] = useState('');
  const suggested = from.startsWith('stock:')
    ? (STOCK_KINDS.find((k) => `stock:${k.kind}` === from)?.label.replace('Add: ', '') ?? '')
    : `${notetypes.find((n) => `clone:${n.id}` === from)?.name ?? ''} copy`;
  return (
    <Modal title="Add Note Type" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name.trim() || suggested, from);
        }}
      >
        <label className="form-row">
          <span>Start from</span>
          <select value={from} onChange={(e) => setFrom(e.target.value)} autoFocus>
            {STOCK_KINDS.map((k) => (
              <option key={k.kind} value={`stock:${k.kind}`}>
                {k.label}
              </option>
            ))}
            {notetypes.map((n) => (
              <option key={n.id} value={`clone:${n.id}`}>
                Clone: {n.name}
              </option>
            ))}
          </select>
        </label>
        <label className="form-row">
          <span>Name</span>
          <input type="text" value={name} placeholder={suggested} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary">
            Add
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Note types: add/clone/rename/delete, their fields, and their card templates with a live preview. */
export function Notetypes({ params }: ScreenProps) {
  const bridge = useBridge();
  const { back } = useNavigation();
  const notetypes = useNotetypes();
  const [chosen, setChosen] = useState<number | null>(typeof params.notetypeId === 'number' ? params.notetypeId : null);
  const [tab, setTab] = useState<'fields' | 'cards'>('fields');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const selected = notetypes.list.find((n) => n.id === chosen) ?? notetypes.list[0];

  const run = <T,>(work: Promise<T>, after?: (value: T) => void) => {
    setDialog(null);
    work.then(
      (value) => {
        setError(null);
        notetypes.reload();
        after?.(value);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  const applyOp = (op: NotetypeOp) => {
    if (selected) run(bridge.invoke('notetype.op', { notetypeId: selected.id, op }));
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = notetypes.list.findIndex((n) => n.id === selected?.id);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = notetypes.list[Math.max(0, Math.min(notetypes.list.length - 1, at + step))];
    if (next) setChosen(next.id);
  };

  return (
    <div
      className="edit-screen notetypes-screen"
      style={{ maxWidth: '72rem' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !dialog) back();
      }}
    >
      <h1 className="screen-title">Note Types</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="notetypes">
        <div>
          <ul className="list-box" role="listbox" aria-label="Note types" tabIndex={0} onKeyDown={onListKey}>
            {notetypes.list.map((n) => (
              <li key={n.id} role="option" aria-selected={n.id === selected?.id} onClick={() => setChosen(n.id)}>
                {n.name} <span className="muted">[{n.noteCount} note{n.noteCount === 1 ? '' : 's'}]</span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" onClick={() => setDialog({ kind: 'add' })}>
              Add
            </button>
            <button type="button" disabled={!selected} onClick={() => setDialog({ kind: 'rename' })}>
              Rename
            </button>
            <button type="button" disabled={!selected || notetypes.list.length < 2} onClick={() => setDialog({ kind: 'delete' })}>
              Delete
            </button>
          </div>
        </div>
        {selected && (
          <section aria-label={`Note type ${selected.name}`}>
            <div className="template-tabs" role="tablist">
              <button type="button" role="tab" aria-selected={tab === 'fields'} onClick={() => setTab('fields')}>
                Fields
              </button>
              <button type="button" role="tab" aria-selected={tab === 'cards'} onClick={() => setTab('cards')}>
                Cards
              </button>
            </div>
            {tab === 'fields' ? (
              <FieldsPanel key={selected.id} notetype={selected} onOp={applyOp} />
            ) : (
              <TemplatesPanel key={selected.id} notetype={selected} onOp={applyOp} />
            )}
          </section>
        )}
      </div>
      {dialog?.kind === 'add' && (
        <AddNotetypeDialog
          notetypes={notetypes.list}
          onClose={() => setDialog(null)}
          onSubmit={(name, from) => {
            const [how, value] = from.split(':') as [string, string];
            const request = how === 'stock' ? { name, stock: value as StockKind } : { name, cloneFrom: Number(value) };
            run(bridge.invoke('notetype.add', request), (added) => setChosen(added.id));
          }}
        />
      )}
      {dialog?.kind === 'rename' && selected && (
        <PromptDialog
          title="Rename Note Type"
          label="New name"
          initial={selected.name}
          onClose={() => setDialog(null)}
          onSubmit={(name) => applyOp({ kind: 'rename', name })}
        />
      )}
      {dialog?.kind === 'delete' && selected && (
        <ConfirmDialog
          title="Delete Note Type"
          message={`Delete "${selected.name}" and its ${selected.noteCount} note${selected.noteCount === 1 ? '' : 's'}? This cannot be undone.`}
          confirmLabel="Delete"
          onClose={() => setDialog(null)}
          onConfirm={() => run(bridge.invoke('notetype.delete', { notetypeId: selected.id }), () => setChosen(null))}
        />
      )}
    </div>
  );
}
