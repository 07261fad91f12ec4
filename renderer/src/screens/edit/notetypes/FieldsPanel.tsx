import { useState, type KeyboardEvent } from 'react';
import type { NotetypeInfo, NotetypeOp } from '../../../../../shared/bridge/edit';
import { ConfirmDialog, PromptDialog } from '../../../components/edit/PromptDialog';

type Dialog = 'add' | 'rename' | 'reposition' | 'delete' | null;

/** Fields of a note type: add, rename, reposition, delete, and which one the browser sorts by. */
export function FieldsPanel({ notetype, onOp }: { notetype: NotetypeInfo; onOp(op: NotetypeOp): void }) {
  // Selection follows the field's name, not its position: a reposition or a list refresh
  // arriving after a click must not move the selection onto another field.
  const [selectedName, setSelectedName] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const field = notetype.fields.find((f) => f.name === selectedName) ?? notetype.fields[0];
  const selectAt = (index: number) => {
    const target = notetype.fields[Math.max(0, Math.min(notetype.fields.length - 1, index))];
    if (target) setSelectedName(target.name);
  };
  const apply = (op: NotetypeOp) => {
    setDialog(null);
    onOp(op);
  };
  const onKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    selectAt((field?.ord ?? 0) + step);
  };
  return (
    <div className="fields-panel">
      <ul className="list-box" role="listbox" aria-label="Fields" tabIndex={0} onKeyDown={onKey}>
        {notetype.fields.map((f) => (
          <li key={f.name} role="option" aria-selected={f.name === field?.name} onClick={() => setSelectedName(f.name)}>
            {f.ord + 1}: {f.name}
            {f.ord === notetype.sortf && <span className="muted"> (sort field)</span>}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={() => setDialog('add')}>
          Add Field
        </button>
        <button type="button" disabled={!field} onClick={() => setDialog('rename')}>
          Rename
        </button>
        <button type="button" disabled={!field} onClick={() => setDialog('reposition')}>
          Reposition
        </button>
        <button type="button" disabled={!field || notetype.fields.length < 2} onClick={() => setDialog('delete')}>
          Delete
        </button>
        <button type="button" disabled={!field || field.ord === notetype.sortf} onClick={() => field && apply({ kind: 'sortField', ord: field.ord })}>
          Sort by this field in the browser
        </button>
      </div>
      {dialog === 'add' && <PromptDialog title="Add Field" label="Field name" submitLabel="Add" onClose={() => setDialog(null)} onSubmit={(name) => apply({ kind: 'addField', name })} />}
      {dialog === 'rename' && field && (
        <PromptDialog title="Rename Field" label="New name" initial={field.name} onClose={() => setDialog(null)} onSubmit={(name) => {
              apply({ kind: 'renameField', ord: field.ord, name });
              setSelectedName(name);
            }}
          />
      )}
      {dialog === 'reposition' && field && (
        <PromptDialog
          title="Reposition Field"
          label={`New position (1–${notetype.fields.length})`}
          inputType="number"
          initial={String(field.ord + 1)}
          onClose={() => setDialog(null)}
          onSubmit={(value) => {
            const to = Math.max(1, Math.min(notetype.fields.length, Math.trunc(Number(value)) || 1)) - 1;
            apply({ kind: 'repositionField', ord: field.ord, to });
          }}
        />
      )}
      {dialog === 'delete' && field && (
        <ConfirmDialog
          title="Delete Field"
          message={`Delete the field "${field.name}" and its content in ${notetype.noteCount} note${notetype.noteCount === 1 ? '' : 's'}?`}
          confirmLabel="Delete"
          onClose={() => setDialog(null)}
          onConfirm={() => {
            apply({ kind: 'removeField', ord: field.ord });
            setSelectedName(null);
          }}
        />
      )}
    </div>
  );
}
