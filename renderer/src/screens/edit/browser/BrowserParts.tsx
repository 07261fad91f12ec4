import { BROWSER_COLUMNS, type BrowserColumn, type BrowserMode } from '../../../../../shared/bridge/edit';
import { NoteEditor } from '../../../components/edit/NoteEditor';
import { useNoteEditing } from '../../../components/edit/useNoteEditing';
import { useNotetypes } from '../../../components/edit/useEditData';
import { columnLabel, FLAG_NAMES } from './columns';

export type BulkDialog = 'deck' | 'addTags' | 'removeTags' | 'reposition' | 'forget' | 'findReplace';

/** The bulk actions on the selected rows, with their Anki shortcuts as tooltips. */
export function BrowserActions(props: {
  mode: BrowserMode;
  suspended: boolean;
  open(dialog: BulkDialog): void;
  toggleSuspend(): void;
  toggleFlag(flag: number): void;
  remove(): void;
}) {
  const button = (dialog: BulkDialog, label: string, keys: string) => (
    <button type="button" onClick={() => props.open(dialog)} title={keys}>
      {label}
    </button>
  );
  return (
    <div className="browser-actions" role="toolbar" aria-label="Selected rows">
      {button('deck', 'Change Deck', 'Ctrl+D')}
      {button('addTags', 'Add Tags', 'Ctrl+Shift+A')}
      {button('removeTags', 'Remove Tags', 'Ctrl+Alt+Shift+A')}
      <button type="button" onClick={props.toggleSuspend} title="Ctrl+J">
        {props.suspended ? 'Unsuspend' : 'Suspend'}
      </button>
      <select aria-label="Flag" value="" disabled={props.mode === 'notes'} onChange={(e) => e.target.value !== '' && props.toggleFlag(Number(e.target.value))}>
        <option value="">Flag…</option>
        {FLAG_NAMES.map((name, flag) => (
          <option key={flag} value={flag}>
            {flag === 0 ? 'No flag' : `${name} (Ctrl+${flag})`}
          </option>
        ))}
      </select>
      {button('reposition', 'Reposition', 'Ctrl+Shift+S')}
      {button('forget', 'Forget', 'Ctrl+Alt+N')}
      {button('findReplace', 'Find and Replace', 'Ctrl+Alt+F')}
      <button type="button" onClick={props.remove} title="Ctrl+Delete">
        Delete
      </button>
    </div>
  );
}

/** The editor for the one selected note; edits are saved as they are made. */
export function BrowserEditorPane({ noteId, selected, noun, knownTags }: { noteId: number | null; selected: number; noun: string; knownTags: readonly string[] }) {
  const editing = useNoteEditing(noteId);
  const notetypes = useNotetypes();
  const notetype = notetypes.list.find((n) => n.id === editing.note?.notetypeId);
  return (
    <aside className="browser-pane" aria-label="Editor">
      {editing.note && notetype ? (
        <>
          <p className="muted note-meta">
            {notetype.name} · note {editing.note.id}
          </p>
          <NoteEditor
            idPrefix="browser"
            notetype={notetype}
            fields={editing.fields}
            onFieldChange={editing.setField}
            tags={editing.tags}
            onTagsChange={editing.setTags}
            knownTags={knownTags}
            onBlur={() => void editing.flush()}
          />
        </>
      ) : (
        <p className="muted">{selected > 1 ? `${selected} ${noun}s selected.` : 'Select a row to edit its note.'}</p>
      )}
    </aside>
  );
}

/** Which columns show (right-click on the header). */
export function ColumnMenu(props: {
  at: { x: number; y: number };
  mode: BrowserMode;
  columns: readonly BrowserColumn[];
  toggle(column: BrowserColumn): void;
  close(): void;
}) {
  return (
    <div className="modal-backdrop" style={{ background: 'transparent' }} onMouseDown={props.close}>
      <div
        className="column-menu"
        role="menu"
        aria-label="Columns"
        style={{ left: props.at.x, top: props.at.y }}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && props.close()}
      >
        {BROWSER_COLUMNS.map((column) => (
          <label key={column} role="menuitemcheckbox" aria-checked={props.columns.includes(column)}>
            <input type="checkbox" checked={props.columns.includes(column)} onChange={() => props.toggle(column)} />
            {columnLabel(column, props.mode)}
          </label>
        ))}
      </div>
    </div>
  );
}
