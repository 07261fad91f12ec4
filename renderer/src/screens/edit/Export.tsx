import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useJobStatus } from './useJobStatus';
import type { ExportTarget } from '../../../../shared/bridge/edit';
import { useBridge, useBridgeQuery } from '../../bridge/context';
import type { ScreenProps } from '../registry';
import { errorText, useDecks } from '../../components/edit/useEditData';
import { ExportResultView, nativeSaveFile, ReplacePrompt, TargetSelect } from './ExportParts';
import '../../styles/export.css';


interface Choices {
  includeScheduling: boolean;
  includeMedia: boolean;
  legacy: boolean;
}

function initialTarget(params: Record<string, unknown>): ExportTarget {
  return typeof params.deckId === 'number' ? { kind: 'deck', deckId: params.deckId } : { kind: 'collection' };
}

/**
 * Export the collection (.colpkg) or decks (.apkg) as Anki's File > Export does, with
 * progress and Cancel. The file is written by main, so in the web GUI it lands on the
 * server's disk; the finished file can then be downloaded once from this page.
 */
export function Export({ params }: ScreenProps) {
  const bridge = useBridge();
  const decks = useDecks();
  const web = useBridgeQuery('app.info', {}).data?.mode === 'web';
  const saveFile = nativeSaveFile();
  const [target, setTarget] = useState<ExportTarget>(() => initialTarget(params));
  const [choices, setChoices] = useState<Choices>({ includeScheduling: false, includeMedia: true, legacy: false });
  /** The path as the user typed or chose it; until then main's suggestion for the target. */
  const [editedPath, setEditedPath] = useState<string | null>(null);
  /** A path the native save dialog returned: the user already agreed to replace it. */
  const [confirmedPath, setConfirmedPath] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useJobStatus('export.status', jobId, setError);
  const suggestion = useBridgeQuery('export.suggest', { target }).data;
  const path = editedPath ?? suggestion?.path ?? '';
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = status?.state === 'running';
  const collection = target.kind === 'collection';

  useEffect(() => {
    if (running) cancelButton.current?.focus();
  }, [running]);

  const start = (overwrite: boolean) => {
    setError(null);
    setReplacing(null);
    setStatus(null);
    setJobId(null);
    bridge.invoke('export.start', { path, options: { target, ...choices }, overwrite }).then(
      (started) => {
        if ('exists' in started) {
          setReplacing(started.exists);
          return;
        }
        setStatus({ state: 'running', progress: 0, label: 'Starting', result: null, error: null });
        setJobId(started.jobId);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start(path === confirmedPath);
  };
  const cancel = () => {
    if (jobId !== null) bridge.invoke('export.cancel', { jobId }).then(setStatus, (e: unknown) => setError(errorText(e)));
  };
  const choose = () => {
    void saveFile?.(suggestion?.fileName ?? 'export.apkg').then((chosen) => {
      if (!chosen) return;
      setEditedPath(chosen);
      // The dialog confirmed replacing exactly this file; main adds a missing extension, which it did not see.
      setConfirmedPath(chosen.toLowerCase().endsWith(collection ? '.colpkg' : '.apkg') ? chosen : null);
    });
  };
  const check = (key: keyof Choices) => (
    <input type="checkbox" checked={choices[key]} disabled={running} onChange={(e) => setChoices({ ...choices, [key]: e.target.checked })} />
  );

  return (
    <div className="edit-screen export-screen">
      <h1 className="screen-title">Export</h1>
      <form onSubmit={submit}>
        <TargetSelect target={target} decks={decks} disabled={running} onChange={setTarget} />
        <label className="form-row export-option">
          {collection ? <input type="checkbox" checked disabled /> : check('includeScheduling')}
          Include scheduling information{collection && ' (a collection package always has it)'}
        </label>
        <label className="form-row export-option">
          {check('includeMedia')}
          Include media
        </label>
        <label className="form-row export-option">
          {check('legacy')}
          Support older Anki versions (slower, larger file)
        </label>
        <label className="form-row">
          <span>Save to</span>
          <input
            type="text"
            className="export-path"
            aria-label="Save to"
            value={path}
            disabled={running}
            onChange={(e) => setEditedPath(e.target.value)}
          />
          {saveFile && (
            <button type="button" disabled={running} onClick={choose}>
              Choose…
            </button>
          )}
        </label>
        {web && <p className="muted export-server-note">Engram runs as a server here: the file is written on that computer’s disk, at this path. When it is ready you can also download it from this page.</p>}
        <div className="button-row">
          <button type="submit" className="primary" disabled={running || !path.trim()}>
            Export
          </button>
          {running && (
            <button type="button" ref={cancelButton} onClick={cancel} disabled={status?.label === 'Cancelling…'}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {replacing && <ReplacePrompt path={replacing} onReplace={() => start(true)} onKeep={() => setReplacing(null)} />}
      {status && (
        <div className="export-status" role="status" aria-live="polite">
          {(status.state === 'running' || status.state === 'done') && (
            <progress className="progress" aria-label="Export progress" max={1} value={status.progress ?? undefined} />
          )}
          {status.state !== 'done' && (
            <p>{status.state === 'cancelled' ? 'Export cancelled. No file was written.' : status.state === 'failed' ? 'Export failed.' : status.label}</p>
          )}
          {status.result && <ExportResultView result={status.result} web={web} />}
        </div>
      )}
      {(error ?? status?.error) && (
        <p className="error" role="alert">
          {error ?? status?.error}
        </p>
      )}
    </div>
  );
}
