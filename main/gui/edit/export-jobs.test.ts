import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { deckByName } from '../../engine/decks/store';
import { importPackage, type ExportSummary } from '../../engine/packages';
import type { ExportRequest, ExportStatus } from '../../../shared/bridge/edit';
import { ExportDownloads } from './export-downloads';
import { ExportJobs, overallProgress, parseExportRequest, type ExportControl, type ExportRunner } from './export-jobs';
import { addBasic, tempCollection } from './testing/collection';

let col: Collection;
let dir: string;

beforeEach(() => {
  col = tempCollection();
  dir = mkdtempSync(join(tmpdir(), 'engram-export-jobs-'));
});
afterEach(() => col.close());

function request(path: string, extra: Partial<ExportRequest> = {}): ExportRequest {
  return { path, overwrite: false, options: { target: { kind: 'allDecks' }, includeScheduling: false, includeMedia: true, legacy: false }, ...extra };
}

/**
 * Lets the event loop run until the job leaves 'running'. Bounded by time, not turns: a real
 * export waits on file and compression work, which a slow machine may not finish in a few
 * thousand turns (CI once ran out of 10,000 in 47 ms).
 */
async function settled(jobs: ExportJobs, id: number): Promise<ExportStatus> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = jobs.status(id);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the export did not finish');
}

/** A runner the test drives by hand: it reports progress and finishes when told, and stops when aborted. */
function manualRunner() {
  let control: ExportControl | null = null;
  let finish: (summary: ExportSummary) => void = () => undefined;
  let calls = 0;
  const run: ExportRunner = (_col, path, _options, given) => {
    calls++;
    control = given;
    return new Promise<ExportSummary>((resolve, reject) => {
      given.signal.addEventListener('abort', () => reject(given.signal.reason));
      finish = (summary) => {
        writeFileSync(path, 'package bytes');
        resolve(summary);
      };
    });
  };
  return {
    run,
    progress: (done: number, total: number, stage: Parameters<ExportControl['onProgress']>[2]) => control!.onProgress(done, total, stage),
    finish: (summary: ExportSummary) => finish(summary),
    calls: () => calls,
  };
}

const jobIdOf = (started: { jobId: number } | { exists: string }): number => {
  if (!('jobId' in started)) throw new Error(`unexpected: ${JSON.stringify(started)}`);
  return started.jobId;
};

describe('export progress', () => {
  it('runs over the whole export without going back between stages', () => {
    const points = [
      overallProgress('gathering', 0, 1),
      overallProgress('gathering', 1, 1),
      overallProgress('writing', 500, 1000),
      overallProgress('writing', 1000, 1000),
      overallProgress('compressing', 0, 1),
      overallProgress('media', 10, 20),
      overallProgress('media', 20, 20),
    ] as number[];
    expect(points[0]).toBe(0);
    expect(points[points.length - 1]).toBe(1);
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeGreaterThanOrEqual(points[i - 1]!);
    expect(overallProgress('notes', 1, 2)).toBeNull();
  });
});

describe('export requests', () => {
  it('are checked field by field', () => {
    expect(() => parseExportRequest(null)).toThrow(/bad export request/);
    expect(() => parseExportRequest({ path: '/x.apkg', options: { target: { kind: 'deck', deckId: 'one' } } })).toThrow(/Choose what to export/);
    expect(parseExportRequest({ path: '/x.apkg', options: { target: { kind: 'deck', deckId: 5 }, includeMedia: 'yes', legacy: true } })).toEqual({
      path: '/x.apkg',
      overwrite: false,
      options: { target: { kind: 'deck', deckId: 5 }, includeScheduling: false, includeMedia: false, legacy: true },
    });
  });
});

describe('export jobs', () => {
  it('report progress events as they come, then the result with the file size', async () => {
    const runner = manualRunner();
    const jobs = new ExportJobs(null, runner.run);
    const id = jobIdOf(jobs.start(col, request(join(dir, 'out'))));
    expect(jobs.status(id)).toMatchObject({ state: 'running', progress: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    runner.progress(500, 1000, 'writing');
    expect(jobs.status(id)).toMatchObject({ state: 'running', label: 'Writing the collection', progress: 0.375 });
    runner.progress(1, 2, 'media');
    expect(jobs.status(id)).toMatchObject({ label: 'Adding media files', progress: 0.85 });
    runner.finish({ notes: 3, cards: 4, media: 1, schema: 18 });
    const done = await settled(jobs, id);
    expect(done).toEqual({
      state: 'done',
      progress: 1,
      label: 'Done',
      error: null,
      result: { path: join(dir, 'out.apkg'), notes: 3, cards: 4, media: 1, bytes: 'package bytes'.length, downloadUrl: null },
    });
  });

  it('cancel aborts the running export, which ends as cancelled without an error', async () => {
    const runner = manualRunner();
    const jobs = new ExportJobs(null, runner.run);
    const id = jobIdOf(jobs.start(col, request(join(dir, 'out.apkg'))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.cancel(id)).toMatchObject({ state: 'running', label: 'Cancelling…' });
    runner.progress(1, 2, 'media');
    expect(jobs.status(id).label).toBe('Cancelling…');
    expect(await settled(jobs, id)).toMatchObject({ state: 'cancelled', label: 'Cancelled', error: null, result: null });
    expect(existsSync(join(dir, 'out.apkg'))).toBe(false);
  });

  it('cancel after the end changes nothing; unknown ids are errors', async () => {
    const runner = manualRunner();
    const jobs = new ExportJobs(null, runner.run);
    const id = jobIdOf(jobs.start(col, request(join(dir, 'out.apkg'))));
    await new Promise((resolve) => setImmediate(resolve));
    runner.finish({ notes: 0, cards: 0, media: 0, schema: 18 });
    await settled(jobs, id);
    expect(jobs.cancel(id).state).toBe('done');
    expect(() => jobs.status(999)).toThrow(/no export with id 999/);
  });

  it('a failure is reported with its message', async () => {
    const jobs = new ExportJobs(null, () => Promise.reject(new Error('disk full')));
    const id = jobIdOf(jobs.start(col, request(join(dir, 'out.apkg'))));
    expect(await settled(jobs, id)).toMatchObject({ state: 'failed', error: 'disk full', result: null });
  });

  it('asks before replacing a file, and refuses a missing deck or folder up front', () => {
    const runner = manualRunner();
    const jobs = new ExportJobs(null, runner.run);
    writeFileSync(join(dir, 'there.apkg'), 'old');
    expect(jobs.start(col, request(join(dir, 'there.apkg')))).toEqual({ exists: join(dir, 'there.apkg') });
    expect(runner.calls()).toBe(0);
    expect(jobs.start(col, request(join(dir, 'there.apkg'), { overwrite: true }))).toHaveProperty('jobId');
    const missingDeck = request(join(dir, 'd.apkg'), { options: { target: { kind: 'deck', deckId: 424242 }, includeScheduling: false, includeMedia: true, legacy: false } });
    expect(() => jobs.start(col, missingDeck)).toThrow();
    expect(() => jobs.start(col, request(join(dir, 'no', 'such', 'x.apkg')))).toThrow(/folder not found/);
  });

  it('issue a one-time download link in the web GUI', async () => {
    const runner = manualRunner();
    const downloads = new ExportDownloads();
    const jobs = new ExportJobs(downloads, runner.run);
    const id = jobIdOf(jobs.start(col, request(join(dir, 'web.apkg'))));
    await new Promise((resolve) => setImmediate(resolve));
    runner.finish({ notes: 1, cards: 1, media: 0, schema: 18 });
    const url = (await settled(jobs, id)).result!.downloadUrl!;
    expect(url).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    const token = url.slice('/download/'.length);
    expect(downloads.take(token)).toEqual({ path: join(dir, 'web.apkg'), name: 'web.apkg' });
    expect(downloads.take(token)).toBeNull();
  });

  it('keep running jobs when old finished ones are forgotten', async () => {
    const runner = manualRunner();
    const jobs = new ExportJobs(null, runner.run);
    const running = jobIdOf(jobs.start(col, request(join(dir, 'slow.apkg'))));
    const quick = new ExportJobs(null, () => Promise.resolve({ notes: 0, cards: 0, media: 0, schema: 18 }));
    const first = jobIdOf(quick.start(col, request(join(dir, 'q0.apkg'))));
    await settled(quick, first);
    for (let i = 1; i <= 9; i++) await settled(quick, jobIdOf(quick.start(col, request(join(dir, `q${i}.apkg`)))));
    expect(() => quick.status(first)).toThrow(/no export/);
    for (let i = 0; i < 10; i++) jobIdOf(jobs.start(col, request(join(dir, `r${i}.apkg`))));
    expect(jobs.status(running).state).toBe('running');
  });
});

describe('export jobs with the engine', () => {
  it('export a deck that imports back with its notes', async () => {
    addBasic(col, 'one', 'uno', { deck: 'Words' });
    addBasic(col, 'two', 'dos', { deck: 'Words::More' });
    addBasic(col, 'elsewhere');
    const deckId = deckByName(col, 'Words')!.id;
    const jobs = new ExportJobs(null);
    const target = { kind: 'deck', deckId } as const;
    const id = jobIdOf(jobs.start(col, { path: join(dir, 'words'), overwrite: false, options: { target, includeScheduling: true, includeMedia: true, legacy: false } }));
    const done = await settled(jobs, id);
    expect(done.result).toMatchObject({ notes: 2, cards: 2, media: 0 });
    expect(done.result!.bytes).toBeGreaterThan(0);
    const fresh = tempCollection();
    try {
      expect(await importPackage(fresh, join(dir, 'words.apkg'))).toMatchObject({ notesAdded: 2 });
    } finally {
      fresh.close();
    }
  });

  it('a cancel before the engine gets going leaves no file', async () => {
    addBasic(col, 'one');
    const jobs = new ExportJobs(null);
    const id = jobIdOf(jobs.start(col, { path: join(dir, 'whole'), overwrite: false, options: { target: { kind: 'collection' }, includeScheduling: true, includeMedia: true, legacy: true } }));
    jobs.cancel(id);
    expect(await settled(jobs, id)).toMatchObject({ state: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
