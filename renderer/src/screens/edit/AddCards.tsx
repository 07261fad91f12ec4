import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AddPreset, AddSetData, AddSetDataReply, DuplicateCheck, NotetypeInfo } from '../../../../shared/bridge/edit';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { NoteEditor } from '../../components/edit/NoteEditor';
import { ConfirmDialog } from '../../components/edit/PromptDialog';
import { AddActions, DuplicateNotice } from './AddParts';
import { errorText, useDecks, useNotetypes, useTags } from '../../components/edit/useEditData';
import { addHistory, lastAddChoice, registerSlot } from './slots';
import { carryFields, clearNonSticky, fieldsFromNames, mergeTagText, plainText } from './note-state';

interface Draft {
  notetypeId: number;
  deckId: number;
  fields: string[];
  tags: string;
}

interface GuiRequest {
  id: number;
  closeAfterAdding: boolean;
}

function presetParams(params: Record<string, unknown>): { preset: AddPreset | null; request: GuiRequest | null } {
  const preset = (params.preset as AddPreset | undefined) ?? null;
  const id = typeof params.guiRequestId === 'number' ? params.guiRequestId : null;
  return { preset, request: id === null ? null : { id, closeAfterAdding: Boolean(params.closeAfterAdding) } };
}

/** The Add screen: note type and deck, one editor per field, tags; Ctrl+Enter adds. */
export function AddCards({ params }: ScreenProps) {
  const bridge = useBridge();
  const { back } = useNavigation();
  const notetypes = useNotetypes();
  const decks = useDecks();
  const knownTags = useTags();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [duplicate, setDuplicate] = useState<DuplicateCheck | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [, setHistoryVersion] = useState(0);
  const guiRequest = useRef<GuiRequest | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const notetypesRef = useRef<NotetypeInfo[]>([]);
  useLayoutEffect(() => {
    draftRef.current = draft;
    notetypesRef.current = notetypes.list;
  });
  const notetypeSelect = useRef<HTMLSelectElement>(null);
  const deckSelect = useRef<HTMLSelectElement>(null);

  const notetypeOf = useCallback((id: number) => notetypesRef.current.find((n) => n.id === id), []);

  /** A guiAddCards request this screen no longer serves gets its answer (0: nothing added). */
  const releaseRequest = useCallback(() => {
    const request = guiRequest.current;
    guiRequest.current = null;
    if (request) void bridge.invoke('add.closed', { guiRequestId: request.id }).catch(() => undefined);
  }, [bridge]);

  const applyPreset = useCallback(
    async (preset: AddPreset | null) => {
      const defaults = await bridge.invoke('edit.addDefaults', {});
      const notetype =
        notetypeOf(preset?.notetypeId ?? -1) ?? notetypeOf(lastAddChoice.notetypeId ?? -1) ?? notetypeOf(defaults.notetypeId) ?? notetypesRef.current[0];
      if (!notetype) return;
      const deckId = preset?.deckId ?? lastAddChoice.deckId ?? defaults.deckId;
      setDraft({
        notetypeId: notetype.id,
        deckId,
        fields: preset?.fields ? fieldsFromNames(notetype, preset.fields) : notetype.fields.map(() => ''),
        tags: (preset?.tags ?? []).join(' '),
      });
      setFocusToken((t) => t + 1);
    },
    [bridge, notetypeOf],
  );

  // Start from the route's preset (guiAddCards) or the defaults, once the note types are known.
  const routeKey = JSON.stringify(params);
  useEffect(() => {
    if (!notetypes.loaded) return;
    const { preset, request } = presetParams(JSON.parse(routeKey) as Record<string, unknown>);
    if (guiRequest.current && guiRequest.current.id !== request?.id) releaseRequest();
    guiRequest.current = request;
    void applyPreset(preset).catch((e: unknown) => setError(errorText(e)));
  }, [notetypes.loaded, routeKey, applyPreset, releaseRequest]);

  useEffect(() => () => releaseRequest(), [releaseRequest]);

  // Duplicate warning as the first field changes.
  const firstField = draft?.fields[0] ?? '';
  const checkedNotetype = draft?.notetypeId;
  useEffect(() => {
    if (checkedNotetype === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      bridge
        .invoke('note.checkDuplicate', { notetypeId: checkedNotetype, fields: [firstField] })
        .then((result) => live && setDuplicate(result), () => live && setDuplicate(null));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, firstField, checkedNotetype]);

  const changeNotetype = (id: number) => {
    const d = draftRef.current;
    const from = d && notetypeOf(d.notetypeId);
    const to = notetypeOf(id);
    if (!d || !from || !to) return;
    setDraft({ ...d, notetypeId: id, fields: carryFields(from, d.fields, to) });
  };

  const setData = useCallback(
    (data: AddSetData): AddSetDataReply => {
      const d = draftRef.current;
      if (!d) return { notOpen: true };
      let next: Draft = { ...d, deckId: data.deckId ?? d.deckId };
      if (data.notetypeId !== undefined && data.notetypeId !== d.notetypeId) {
        const from = notetypeOf(d.notetypeId);
        const to = notetypeOf(data.notetypeId);
        if (from && to) next = { ...next, notetypeId: to.id, fields: carryFields(from, d.fields, to) };
      }
      const nt = notetypeOf(next.notetypeId);
      if (!nt) return { notOpen: true };
      const fields = [...next.fields];
      for (const [name, value] of Object.entries(data.fields)) {
        const field = nt.fields.find((f) => f.name === name);
        if (!field) {
          setDraft(next);
          return { missingField: name };
        }
        fields[field.ord] = data.append ? `${fields[field.ord] ?? ''}${value}` : value;
      }
      for (const [name, markup] of Object.entries(data.appendMarkup ?? {})) {
        const field = nt.fields.find((f) => f.name === name);
        if (field) fields[field.ord] = `${fields[field.ord] ?? ''}${markup}`;
      }
      const tags = data.tags === undefined ? next.tags : data.append ? mergeTagText(next.tags, data.tags) : data.tags.join(' ');
      setDraft({ ...next, fields, tags });
      return { ok: true };
    },
    [notetypeOf],
  );

  // Reachable by gui* actions once the draft exists (guiAddNoteSetData needs its note type).
  const ready = draft !== null;
  useEffect(() => {
    if (!ready) return;
    return registerSlot('add', {
      setData,
      current: () => {
        const d = draftRef.current;
        return d ? { notetypeId: d.notetypeId, deckId: d.deckId } : null;
      },
      reset: (preset: AddPreset, id: number, closeAfterAdding: boolean) => {
        if (guiRequest.current && guiRequest.current.id !== id) releaseRequest();
        guiRequest.current = { id, closeAfterAdding };
        void applyPreset(preset).catch((e: unknown) => setError(errorText(e)));
      },
    });
  }, [ready, setData, applyPreset, releaseRequest]);

  const add = async () => {
    const d = draftRef.current;
    const nt = d && notetypeOf(d.notetypeId);
    if (!d || !nt) return;
    setError(null);
    try {
      const request = guiRequest.current;
      const tags = d.tags.split(/[\s\u3000]+/).filter(Boolean);
      // The note type may have gained or lost fields since the draft began.
      const fields = nt.fields.map((_f, i) => d.fields[i] ?? '');
      const added = await bridge.invoke('note.add', {
        notetypeId: d.notetypeId,
        deckId: d.deckId,
        fields,
        tags,
        ...(request ? { guiRequestId: request.id } : {}),
      });
      guiRequest.current = null;
      addHistory.unshift({ id: added.noteId, text: plainText(d.fields[nt.sortf] ?? d.fields[0] ?? '') || '(empty)' });
      addHistory.splice(30);
      setHistoryVersion((v) => v + 1);
      lastAddChoice.notetypeId = d.notetypeId;
      lastAddChoice.deckId = d.deckId;
      setStatus(`Added note ${added.noteId} (${added.cardCount} card${added.cardCount === 1 ? '' : 's'}).`);
      if (request?.closeAfterAdding) {
        back();
        return;
      }
      setDraft({ ...d, fields: clearNonSticky(nt, d.fields) });
      setFocusToken((t) => t + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const toggleSticky = (ord: number) => {
    const d = draftRef.current;
    const nt = d && notetypeOf(d.notetypeId);
    const field = nt?.fields[ord];
    if (!nt || !field) return;
    void bridge
      .invoke('notetype.op', { notetypeId: nt.id, op: { kind: 'fieldSticky', ord, sticky: !field.sticky } })
      .then(() => notetypes.reload(), (e: unknown) => setError(errorText(e)));
  };

  /** Closing with typed content asks first, as Anki's Add window does. */
  const close = () => {
    const d = draftRef.current;
    const nt = d && notetypeOf(d.notetypeId);
    const typed = d && nt ? nt.fields.some((f) => !f.sticky && plainText(d.fields[f.ord] ?? '') !== '') : false;
    if (typed) setConfirmClose(true);
    else back();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter') {
      event.preventDefault();
      void add();
    } else if (event.key === 'Escape' && !historyOpen && !confirmClose) {
      event.preventDefault();
      close();
    } else if (mod && !event.shiftKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      notetypeSelect.current?.focus();
    } else if (mod && !event.shiftKey && (event.key === 'd' || event.key === 'D')) {
      event.preventDefault();
      deckSelect.current?.focus();
    } else if (mod && event.shiftKey && (event.key === 't' || event.key === 'T')) {
      event.preventDefault();
      document.getElementById('add-tags')?.focus();
    } else if (mod && (event.key === 'h' || event.key === 'H')) {
      event.preventDefault();
      setHistoryOpen((o) => !o);
    }
  };

  const notetype = draft ? notetypes.list.find((n) => n.id === draft.notetypeId) : undefined;
  const dupes = duplicate?.duplicateNoteIds ?? [];

  return (
    <div className="edit-screen add-screen" onKeyDown={onKeyDown}>
      <h1 className="screen-title">Add</h1>
      {!draft || !notetype ? (
        <p>Loading…</p>
      ) : (
        <>
          <div className="add-choosers">
            <label>
              Type
              <select
                ref={notetypeSelect}
                id="add-notetype"
                value={draft.notetypeId}
                onChange={(e) => changeNotetype(Number(e.target.value))}
              >
                {notetypes.list.map((nt) => (
                  <option key={nt.id} value={nt.id}>
                    {nt.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Deck
              <select ref={deckSelect} id="add-deck" value={draft.deckId} onChange={(e) => setDraft({ ...draft, deckId: Number(e.target.value) })}>
                {decks
                  .filter((d) => !d.filtered)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <NoteEditor
            idPrefix="add"
            notetype={notetype}
            fields={draft.fields}
            onFieldChange={(ord, html) =>
              setDraft((d) => (d ? { ...d, fields: d.fields.map((v, i) => (i === ord ? html : v)) } : d))
            }
            tags={draft.tags}
            onTagsChange={(tags) => setDraft((d) => (d ? { ...d, tags } : d))}
            knownTags={knownTags}
            firstFieldWarning={dupes.length > 0}
            firstFieldNotice={<DuplicateNotice noteIds={dupes} />}
            onToggleSticky={toggleSticky}
            focusToken={focusToken}
          />
          <AddActions onAdd={() => void add()} onClose={close} historyOpen={historyOpen} toggleHistory={() => setHistoryOpen((o) => !o)} />
          <p className="status" role="status" aria-live="polite">
            {status}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
      {confirmClose && (
        <ConfirmDialog
          title="Close Add"
          message="Close and lose what you typed?"
          confirmLabel="Discard"
          onClose={() => setConfirmClose(false)}
          onConfirm={() => {
            setConfirmClose(false);
            back();
          }}
        />
      )}
    </div>
  );
}
