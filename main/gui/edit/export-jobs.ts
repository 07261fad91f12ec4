import { statSync } from 'node:fs';
import type { Collection } from '../../engine/collection';
import { requireDeck } from '../../engine/decks/store';
import { EngineError } from '../../engine/errors';
import { exportCollectionPackage, exportPackage, type ExportSummary, type PackageStage, type ProgressCallback } from '../../engine/packages';
import type { ExportOptions, ExportRequest, ExportStatus, ExportTarget } from '../../../shared/bridge/edit';
import type { ExportDownloads } from './export-downloads';
import { fileExists, resolveExportPath } from './export-paths';

export interface ExportControl {
  onProgress: ProgressCallback;
  signal: AbortSignal;
}

/** Runs one export in the engine (tests pass their own). */
export type ExportRunner = (col: Collection, path: string, options: ExportOptions, control: ExportControl) => Promise<ExportSummary>;

export const runExport: ExportRunner = (col, path, options, control) => {
  const { target, includeMedia, legacy } = options;
  if (target.kind === 'collection') return exportCollectionPackage(col, path, { legacy, includeMedia, ...control });
  return exportPackage(col, path, {
    deckId: target.kind === 'deck' ? target.deckId : null,
    all: target.kind === 'allDecks',
    includeSched: options.includeScheduling,
    includeMedia,
    legacy,
    ...control,
  });
};

const STAGE_LABELS: Partial<Record<PackageStage, string>> = {
  gathering: 'Gathering notes and cards',
  writing: 'Writing the collection',
  compressing: 'Compressing',
  media: 'Adding media files',
  finishing: 'Finishing',
};

/** Where each export stage starts on the overall bar, and how much of it the stage covers. */
const STAGE_SPAN: Partial<Record<PackageStage, [start: number, share: number]>> = {
  gathering: [0, 0.1],
  writing: [0.1, 0.55],
  compressing: [0.65, 0.05],
  media: [0.7, 0.3],
  finishing: [1, 0],
};

/** Progress over the whole export (0–1), so the bar does not restart at each stage. */
export function overallProgress(stage: PackageStage, done: number, total: number): number | null {
  const span = STAGE_SPAN[stage];
  if (!span) return null;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return span[0] + span[1] * fraction;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseTarget(value: unknown): ExportTarget {
  if (isRecord(value)) {
    if (value.kind === 'collection' || value.kind === 'allDecks') return { kind: value.kind };
    if (value.kind === 'deck' && Number.isSafeInteger(value.deckId)) return { kind: 'deck', deckId: value.deckId as number };
  }
  throw new EngineError('invalid', 'Choose what to export: the collection, all decks or a deck.');
}

/** The request as the renderer sent it, checked field by field. */
export function parseExportRequest(value: unknown): ExportRequest {
  const options = isRecord(value) && isRecord(value.options) ? value.options : null;
  if (!isRecord(value) || !options || typeof value.path !== 'string') throw new EngineError('invalid', 'bad export request');
  const flag = (v: unknown) => v === true;
  return {
    path: value.path,
    overwrite: flag(value.overwrite),
    options: { target: parseTarget(options.target), includeScheduling: flag(options.includeScheduling), includeMedia: flag(options.includeMedia), legacy: flag(options.legacy) },
  };
}

interface Job {
  status: ExportStatus;
  controller: AbortController;
}

const KEEP_FINISHED = 8;

/** Exports running in the background, by job id; the Export screen polls their status and may cancel them. */
export class ExportJobs {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  /** `downloads`: web GUI only, where finished files get a one-time download link. */
  constructor(
    private readonly downloads: ExportDownloads | null,
    private readonly run: ExportRunner = runExport,
  ) {}

  start(col: Collection, input: unknown): { jobId: number } | { exists: string } {
    const request = parseExportRequest(input);
    const { target } = request.options;
    const path = resolveExportPath(request.path, target);
    if (target.kind === 'deck') requireDeck(col, target.deckId);
    if (!request.overwrite && fileExists(path)) return { exists: path };
    const job: Job = {
      status: { state: 'running', progress: 0, label: 'Starting', result: null, error: null },
      controller: new AbortController(),
    };
    const id = this.nextId++;
    this.jobs.set(id, job);
    this.prune();
    const onProgress: ProgressCallback = (done, total, stage) => {
      if (job.controller.signal.aborted) return;
      job.status.label = STAGE_LABELS[stage] ?? job.status.label;
      job.status.progress = overallProgress(stage, done, total) ?? job.status.progress;
    };
    // A runner that throws synchronously still fails the job rather than the request.
    Promise.resolve()
      .then(() => this.run(col, path, request.options, { onProgress, signal: job.controller.signal }))
      .then(
        (summary) => this.finish(job, path, summary),
        (error: unknown) => this.fail(job, error),
      );
    return { jobId: id };
  }

  status(id: number): ExportStatus {
    return this.copy(this.job(id).status);
  }

  /** Asks a running export to stop; it reports 'cancelled' once the engine has cleaned up. */
  cancel(id: number): ExportStatus {
    const job = this.job(id);
    if (job.status.state === 'running' && !job.controller.signal.aborted) {
      job.controller.abort();
      job.status.label = 'Cancelling…';
    }
    return this.copy(job.status);
  }

  private finish(job: Job, path: string, summary: ExportSummary): void {
    let bytes = 0;
    try {
      bytes = statSync(path).size;
    } catch {
      // The file went away right after it was written; report it without a size.
    }
    job.status = {
      state: 'done',
      progress: 1,
      label: 'Done',
      error: null,
      result: { path, notes: summary.notes, cards: summary.cards, media: summary.media, bytes, downloadUrl: this.downloads?.issue(path) ?? null },
    };
  }

  private fail(job: Job, error: unknown): void {
    const cancelled = job.controller.signal.aborted;
    job.status = {
      state: cancelled ? 'cancelled' : 'failed',
      progress: cancelled ? job.status.progress : null,
      label: cancelled ? 'Cancelled' : 'Export failed',
      result: null,
      error: cancelled ? null : error instanceof Error ? error.message : String(error),
    };
  }

  private job(id: number): Job {
    const job = this.jobs.get(id);
    if (!job) throw new EngineError('not-found', `no export with id ${id}`);
    return job;
  }

  private copy(status: ExportStatus): ExportStatus {
    return { ...status, result: status.result && { ...status.result } };
  }

  /** Forgets the oldest finished jobs; running ones stay cancellable. */
  private prune(): void {
    const finished = [...this.jobs].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
