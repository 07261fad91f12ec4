import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteInfo } from '../../../../shared/bridge/edit';
import { useBridge } from '../../bridge/context';
import { errorText } from './useEditData';

export interface NoteEditing {
  note: NoteInfo | null;
  fields: string[];
  tags: string;
  setField(ord: number, html: string): void;
  setTags(tags: string): void;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  error: string | null;
  saved: boolean;
}

const SAVE_DELAY_MS = 500;

/**
 * Loads a note and saves edits shortly after they are made (and at once on flush,
 * blur or when the note changes), as Anki's editor does. Changes made elsewhere are
 * picked up when nothing is waiting to be saved.
 */
export function useNoteEditing(noteId: number | null): NoteEditing {
  const bridge = useBridge();
  const [note, setNote] = useState<NoteInfo | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [tags, setTagsState] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(true);
  const pending = useRef<{ noteId: number; fields: string[]; tags: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const change = pending.current;
    if (!change) return;
    pending.current = null;
    try {
      await bridge.invoke('note.update', {
        noteId: change.noteId,
        fields: change.fields,
        tags: change.tags.split(/[\s\u3000]+/).filter(Boolean),
      });
      setError(null);
      if (!pending.current) setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  }, [bridge]);

  const load = useCallback(
    (id: number) => {
      bridge.invoke('note.get', { noteId: id }).then(
        (info) => {
          if (pending.current) return;
          setNote(info);
          setFields(info.fields);
          setTagsState(info.tags.join(' '));
          setError(null);
        },
        (e: unknown) => {
          setNote(null);
          setError(errorText(e));
        },
      );
    },
    [bridge],
  );

  useEffect(() => {
    if (noteId === null) return;
    load(noteId);
    const off = bridge.on('collection.changed', () => {
      if (!pending.current) load(noteId);
    });
    return () => {
      off();
      void flush();
    };
  }, [noteId, bridge, load, flush]);

  const schedule = (nextFields: string[], nextTags: string) => {
    if (!current) return;
    pending.current = { noteId: current.id, fields: nextFields, tags: nextTags };
    setSaved(false);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const current = note && note.id === noteId ? note : null;
  return {
    note: current,
    fields,
    tags,
    setField(ord, html) {
      const next = fields.map((v, i) => (i === ord ? html : v));
      setFields(next);
      schedule(next, tags);
    },
    setTags(text) {
      setTagsState(text);
      schedule(fields, text);
    },
    flush,
    error,
    saved,
  };
}
