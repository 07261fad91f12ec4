import { useState, type FormEvent } from 'react';
import { useJobStatus } from './useJobStatus';
import type { ImportOptions } from '../../../../shared/bridge/edit';
import { ELECTRON_BRIDGE_KEY } from '../../../../shared/bridge';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { errorText } from '../../components/edit/useEditData';

type OpenFile = (filters: { name: string; extensions: string[] }[]) => Promise<string | null>;

/** The Electron preload's native file dialog, when the app runs in Electron. */
function nativeOpenFile(): OpenFile | null {
  const exposed = (window as unknown as Record<string, { openFile?: OpenFile } | undefined>)[ELECTRON_BRIDGE_KEY];
  return typeof exposed?.openFile === 'function' ? exposed.openFile.bind(exposed) : null;
}


/** Import an Anki package (.apkg) from a path on this machine, with progress. */
export function Import({ params }: ScreenProps) {
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const [path, setPath] = useState(typeof params.path === 'string' ? params.path : '');
  const [options, setOptions] = useState<ImportOptions>({ includeScheduling: true, updateNotes: true });
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openFile = nativeOpenFile();

  const [status, setStatus] = useJobStatus('import.status', jobId, setError);

  const start = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus(null);
    bridge.invoke('import.start', { path, options }).then(
      ({ jobId: id }) => {
        setStatus({ state: 'running', progress: null, label: 'Starting', summary: null, error: null });
        setJobId(id);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  const cancel = () => {
    if (jobId !== null) bridge.invoke('import.cancel', { jobId }).then(setStatus, (e: unknown) => setError(errorText(e)));
  };

  const running = status?.state === 'running';
  return (
    <div className="edit-screen import-screen">
      <h1 className="screen-title">Import</h1>
      <form onSubmit={start}>
        <label className="form-row">
          <span>File (.apkg)</span>
          <input
            type="text"
            style={{ flex: 1 }}
            aria-label="File path"
            placeholder="/path/to/deck.apkg"
            value={path}
            autoFocus
            onChange={(e) => setPath(e.target.value)}
          />
          {openFile && (
            <button
              type="button"
              onClick={() => void openFile([{ name: 'Anki deck package', extensions: ['apkg'] }]).then((chosen) => chosen && setPath(chosen))}
            >
              Choose…
            </button>
          )}
        </label>
        <label className="form-row">
          <input type="checkbox" checked={options.includeScheduling} onChange={(e) => setOptions({ ...options, includeScheduling: e.target.checked })} />
          Include scheduling and review history
        </label>
        <label className="form-row">
          <input type="checkbox" checked={options.updateNotes} onChange={(e) => setOptions({ ...options, updateNotes: e.target.checked })} />
          Update existing notes when the imported copy is newer
        </label>
        <div className="button-row">
          <button type="submit" className="primary" disabled={running || !path.trim()}>
            Import
          </button>
          {running && (
            <button type="button" onClick={cancel} disabled={status.label === 'Cancelling…'}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {status && (
        <div className="import-status" role="status" aria-live="polite">
          {status.state !== 'cancelled' && <progress className="progress" max={1} value={status.progress ?? undefined} />}
          <p>{status.state === 'failed' ? 'Import failed.' : status.state === 'cancelled' ? 'Import cancelled. The collection was not changed.' : status.label}</p>
          {status.summary && <pre className="import-summary">{status.summary}</pre>}
          {status.state === 'done' && (
            <button type="button" onClick={() => navigate('browse', { query: 'added:1' })}>
              Browse added cards
            </button>
          )}
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
