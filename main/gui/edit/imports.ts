import { existsSync, statSync } from 'node:fs';
import type { Collection } from '../../engine/collection';
import { EngineError } from '../../engine/errors';
import { importPackage, type ImportSummary, type PackageStage } from '../../engine/packages';
import type { ImportOptions, ImportStatus } from '../../../shared/bridge/edit';

const STAGE_LABELS: Record<PackageStage, string> = {
  reading: 'Reading the package',
  notetypes: 'Importing note types',
  notes: 'Importing notes',
  decks: 'Importing decks',
  cards: 'Importing cards',
  revlog: 'Importing review history',
  media: 'Copying media',
  gathering: 'Gathering',
  writing: 'Writing',
  compressing: 'Compressing',
  finishing: 'Finishing',
};

const KEEP_JOBS = 8;

export function summaryText(summary: ImportSummary): string {
  const parts = [
    `${summary.notesAdded} note${summary.notesAdded === 1 ? '' : 's'} added`,
    `${summary.notesUpdated} updated`,
    `${summary.notesSkipped} skipped`,
    `${summary.cards} card${summary.cards === 1 ? '' : 's'}`,
    `${summary.media} media file${summary.media === 1 ? '' : 's'}`,
  ];
  // The importer's log repeats the counts; keep only its other remarks.
  const remarks = summary.log.filter((line) => !/^\d+ notes? added, \d+ updated/.test(line));
  return [parts.join(', ') + '.', ...remarks].join('\n');
}

/** Imports running in the background; the Import screen polls their status and may cancel them. */
export class ImportJobs {
  private readonly jobs = new Map<number, ImportStatus>();
  private readonly controllers = new Map<number, AbortController>();
  private nextId = 1;

  start(col: Collection, path: string, options: ImportOptions): number {
    const clean = path.trim();
    if (!clean) throw new EngineError('invalid', 'choose a file to import');
    if (!existsSync(clean) || !statSync(clean).isFile()) throw new EngineError('not-found', `file not found: ${clean}`);
    if (!/\.apkg$/i.test(clean)) throw new EngineError('unsupported', 'Engram imports Anki deck packages (.apkg)');
    const id = this.nextId++;
    const status: ImportStatus = { state: 'running', progress: null, label: STAGE_LABELS.reading, summary: null, error: null };
    const controller = new AbortController();
    this.jobs.set(id, status);
    this.controllers.set(id, controller);
    if (this.jobs.size > KEEP_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    importPackage(col, clean, {
      withScheduling: options.includeScheduling,
      updateNotes: options.updateNotes ? 'ifNewer' : 'never',
      signal: controller.signal,
      onProgress: (done, total, stage) => {
        if (controller.signal.aborted) return;
        status.label = STAGE_LABELS[stage];
        status.progress = total > 0 ? Math.min(1, done / total) : null;
      },
    })
      .then(
        (summary) => {
          status.state = 'done';
          status.progress = 1;
          status.label = 'Done';
          status.summary = summaryText(summary);
        },
        (error: unknown) => {
          // The engine leaves the collection as it was when the signal aborts.
          status.state = controller.signal.aborted ? 'cancelled' : 'failed';
          status.label = controller.signal.aborted ? 'Cancelled' : status.label;
          status.error = controller.signal.aborted ? null : error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => this.controllers.delete(id));
    return id;
  }

  /** Asks a running import to stop. One already writing its single transaction finishes instead. */
  cancel(id: number): ImportStatus {
    const status = this.status(id);
    const controller = this.controllers.get(id);
    if (status.state === 'running' && controller && !controller.signal.aborted) {
      controller.abort();
      this.jobs.get(id)!.label = 'Cancelling…';
    }
    return this.status(id);
  }

  status(id: number): ImportStatus {
    const status = this.jobs.get(id);
    if (!status) throw new EngineError('not-found', `no import with id ${id}`);
    return { ...status };
  }
}
