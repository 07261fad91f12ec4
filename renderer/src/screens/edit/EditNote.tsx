import type { KeyboardEvent } from 'react';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { NoteEditor } from '../../components/edit/NoteEditor';
import { useNoteEditing } from '../../components/edit/useNoteEditing';
import { useDecks, useNotetypes, useTags } from '../../components/edit/useEditData';

/** Edit one note (guiEditNote, or from the browser); edits are saved as they are made. */
export function EditNote({ params }: ScreenProps) {
  const noteId = typeof params.noteId === 'number' ? params.noteId : null;
  const { back, navigate } = useNavigation();
  const editing = useNoteEditing(noteId);
  const notetypes = useNotetypes();
  const decks = useDecks();
  const knownTags = useTags();
  const notetype = notetypes.list.find((n) => n.id === editing.note?.notetypeId);
  const deck = decks.find((d) => d.id === editing.note?.deckId);

  const close = () => {
    void editing.flush().then(back);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      close();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="edit-screen edit-note-screen" onKeyDown={onKeyDown}>
      <h1 className="screen-title">Edit note</h1>
      {noteId === null && <p role="alert">No note was given.</p>}
      {editing.error && !editing.note && (
        <p className="error" role="alert">
          {editing.error}
        </p>
      )}
      {editing.note && notetype && (
        <>
          <p className="muted note-meta">
            <span className="note-type-name">{notetype.name}</span> · {deck?.name ?? ''} · note {editing.note.id}
          </p>
          <NoteEditor
            idPrefix="edit"
            notetype={notetype}
            fields={editing.fields}
            onFieldChange={editing.setField}
            tags={editing.tags}
            onTagsChange={editing.setTags}
            knownTags={knownTags}
            focusToken={0}
            onBlur={() => void editing.flush()}
          />
          <div className="add-actions">
            <button type="button" className="primary" onClick={close} title="Save and close (Ctrl+Enter)">
              Close
            </button>
            <button type="button" onClick={() => void editing.flush().then(() => navigate('browse', { query: `nid:${noteId}` }))}>
              Browse
            </button>
            <span className="muted save-state" role="status">
              {editing.saved ? 'Saved' : 'Saving…'}
            </span>
          </div>
          {editing.error && (
            <p className="error" role="alert">
              {editing.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
