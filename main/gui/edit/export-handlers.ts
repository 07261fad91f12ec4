import type { Collection } from '../../engine/collection';
import { deckById } from '../../engine/decks/store';
import type { ExportTarget } from '../../../shared/bridge/edit';
import type { BridgeHub } from '../hub';
import { exportDownloadsFor } from './export-downloads';
import { ExportJobs, parseTarget } from './export-jobs';
import { suggestedFileName, suggestedPath } from './export-paths';

export function suggestExport(col: Collection, target: ExportTarget, now = new Date()): { fileName: string; path: string } {
  const deckName = target.kind === 'deck' ? (deckById(col, target.deckId)?.name ?? null) : null;
  const fileName = suggestedFileName(target, deckName, now);
  return { fileName, path: suggestedPath(fileName) };
}

/** The Export screen's bridge methods. The web GUI offers finished files for download; Electron writes where the user chose. */
export function registerExportHandlers(hub: BridgeHub, col: () => Collection, mode: 'electron' | 'web'): void {
  const jobs = new ExportJobs(mode === 'web' ? exportDownloadsFor(hub) : null);
  hub.handle('export.suggest', ({ target }) => suggestExport(col(), parseTarget(target)));
  hub.handle('export.start', (request) => jobs.start(col(), request));
  hub.handle('export.status', ({ jobId }) => jobs.status(jobId));
  hub.handle('export.cancel', ({ jobId }) => jobs.cancel(jobId));
}
