import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../../shared/bridge/edit';
import { ImportJobs, summaryText } from './imports';
import { tempCollection } from './testing/collection';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/packages/cardoverflow-AllDefaultTemplatesAndImageAndMp3.apkg');

/** Lets the event loop run until the job leaves 'running', bounded by time (a slow machine needs more turns). */
async function settled(jobs: ImportJobs, id: number): Promise<ImportStatus> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = jobs.status(id);
    if (status.state !== 'running') return status;
    await new Promise((done) => setTimeout(done, 1));
  }
  throw new Error('the import did not finish');
}

describe('import summary', () => {
  it('counts what happened and keeps the importer’s other remarks', () => {
    const text = summaryText({
      notesAdded: 1,
      notesUpdated: 2,
      notesSkipped: 0,
      cards: 1,
      decks: 1,
      notetypes: 1,
      media: 3,
      log: ['1 notes added, 2 updated, 0 skipped.', 'The package used the old v1 scheduler; its scheduling was converted.'],
    });
    expect(text).toBe('1 note added, 2 updated, 0 skipped, 1 card, 3 media files.\nThe package used the old v1 scheduler; its scheduling was converted.');
  });
});

describe('import jobs', () => {
  it('cancel stops a running import and leaves the collection unchanged', async () => {
    const col = tempCollection();
    try {
      const jobs = new ImportJobs();
      const id = jobs.start(col, PACKAGE, { includeScheduling: true, updateNotes: true });
      expect(jobs.cancel(id)).toMatchObject({ state: 'running', label: 'Cancelling…' });
      expect(await settled(jobs, id)).toMatchObject({ state: 'cancelled', label: 'Cancelled', error: null, summary: null });
      expect(col.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
      expect(jobs.cancel(id).state).toBe('cancelled');
    } finally {
      col.close();
    }
  });

  it('an import left alone finishes with its summary', async () => {
    const col = tempCollection();
    try {
      const jobs = new ImportJobs();
      const done = await settled(jobs, jobs.start(col, PACKAGE, { includeScheduling: true, updateNotes: true }));
      expect(done.state).toBe('done');
      const notes = col.db.prepare('SELECT count(*) FROM notes').pluck().get() as number;
      expect(notes).toBeGreaterThan(0);
      expect(done.summary).toContain(`${notes} note`);
    } finally {
      col.close();
    }
  });
});
