import { useEffect, useRef, useState } from 'react';
import type { DeckOption, ExportResult, ExportTarget } from '../../../../shared/bridge/edit';
import { ELECTRON_BRIDGE_KEY } from '../../../../shared/bridge';

type SaveFile = (defaultName: string) => Promise<string | null>;

/** The Electron preload's native save dialog, when the app runs in Electron. */
export function nativeSaveFile(): SaveFile | null {
  const exposed = (window as unknown as Record<string, { saveFile?: SaveFile } | undefined>)[ELECTRON_BRIDGE_KEY];
  return typeof exposed?.saveFile === 'function' ? exposed.saveFile.bind(exposed) : null;
}

/** The target as a <select> value: 'collection', 'allDecks' or 'deck:<id>'. */
export function targetValue(target: ExportTarget): string {
  return target.kind === 'deck' ? `deck:${target.deckId}` : target.kind;
}

export function targetFromValue(value: string): ExportTarget {
  if (value.startsWith('deck:')) return { kind: 'deck', deckId: Number(value.slice(5)) };
  return value === 'allDecks' ? { kind: 'allDecks' } : { kind: 'collection' };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function resultText(result: ExportResult): string {
  return `Exported ${plural(result.notes, 'note')}, ${plural(result.cards, 'card')} and ${plural(result.media, 'media file')} (${formatBytes(result.bytes)}).`;
}

export function TargetSelect({ target, decks, disabled, onChange }: { target: ExportTarget; decks: DeckOption[]; disabled: boolean; onChange(target: ExportTarget): void }) {
  return (
    <label className="form-row">
      <span>Export</span>
      <select aria-label="What to export" value={targetValue(target)} disabled={disabled} onChange={(e) => onChange(targetFromValue(e.target.value))}>
        <option value="collection">Whole collection (.colpkg)</option>
        <option value="allDecks">All decks (.apkg)</option>
        <optgroup label="A deck with its subdecks (.apkg)">
          {decks.map((deck) => (
            <option key={deck.id} value={`deck:${deck.id}`}>
              {deck.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

/** The file exists: replace it, or go back and pick another name. */
export function ReplacePrompt({ path, onReplace, onKeep }: { path: string; onReplace(): void; onKeep(): void }) {
  return (
    <div className="notice export-replace" role="alertdialog" aria-label="Replace file" aria-describedby="export-replace-text">
      <p id="export-replace-text">
        <code>{path}</code> already exists. Replace it?
      </p>
      <div className="button-row">
        <button type="button" className="primary" autoFocus onClick={onReplace}>
          Replace
        </button>
        <button type="button" onClick={onKeep}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** What was exported, where it is, and (web GUI) its one-time download link. */
export function ExportResultView({ result, web }: { result: ExportResult; web: boolean }) {
  const [downloaded, setDownloaded] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const name = result.path.split(/[\\/]/).pop() ?? 'export';
  useEffect(() => link.current?.focus(), []);
  return (
    <div className="export-result">
      <p className="export-summary">{resultText(result)}</p>
      <p>
        Saved to <code>{result.path}</code>
        {web ? ' on the computer running Engram.' : '.'}
      </p>
      {result.downloadUrl && !downloaded && (
        <a
          ref={link}
          className="button-link"
          href={result.downloadUrl}
          download={name}
          // The link works once; hide it after the browser has taken it.
          onClick={() => setTimeout(() => setDownloaded(true), 0)}
        >
          Download {name}
        </a>
      )}
      {downloaded && <p className="muted">Download started. The link works once: export again for another copy.</p>}
    </div>
  );
}
