import { useNavigation } from '../../navigation';
import { addHistory } from './slots';

/** The duplicate warning under the first field, with a link to the duplicates in the browser. */
export function DuplicateNotice({ noteIds }: { noteIds: readonly number[] }) {
  const { navigate } = useNavigation();
  if (!noteIds.length) return null;
  const one = noteIds.length === 1;
  return (
    <p className="duplicate-warning" role="alert">
      Duplicate: {one ? 'a note' : `${noteIds.length} notes`} of this type already {one ? 'has' : 'have'} this first field.{' '}
      <button type="button" className="link" onClick={() => navigate('browse', { query: `nid:${noteIds.join(',')}` })}>
        Show duplicates
      </button>
    </p>
  );
}

/** Add, History (the notes added this session; each opens in the browser) and Close. */
export function AddActions(props: { onAdd(): void; onClose(): void; historyOpen: boolean; toggleHistory(): void }) {
  const { navigate } = useNavigation();
  return (
    <div className="add-actions">
      <button type="button" className="primary" id="add-button" onClick={props.onAdd} title="Add (Ctrl+Enter)">
        Add
      </button>
      <div className="history">
        <button type="button" aria-expanded={props.historyOpen} onClick={props.toggleHistory} title="History (Ctrl+H)">
          History ▾
        </button>
        {props.historyOpen && (
          <ul className="history-list" aria-label="Added notes">
            {addHistory.length === 0 && <li className="muted">Nothing added yet.</li>}
            {addHistory.map((h) => (
              <li key={h.id}>
                <button type="button" className="link" onClick={() => navigate('browse', { query: `nid:${h.id}` })}>
                  {h.text}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={props.onClose} title="Close (Esc)">
        Close
      </button>
    </div>
  );
}
