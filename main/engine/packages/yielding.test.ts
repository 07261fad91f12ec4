/** Long exports and imports give the event loop turns between chunks, and a cancel arriving in one of them stops cleanly. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../collection';
import { ensureDeck } from '../decks/store';
import { addNotes } from '../notes';
import { notetypeByName } from '../notetypes/store';
import { exchangeFromPackage } from './import/apkg';
import { exportPackage, importPackage } from './index';
import { resolveLimits } from './limits';
import { Progress, type PackageStage } from './progress';
import { OpenedPackage } from './read-package';
import { newCollection, tempDir } from './testing/fixtures';

const NOTES = 2500;
let dir: string;
let col: Collection;
let deckId: number;
let apkg: string;

/** Counts event-loop turns (setImmediate callbacks) until stopped. */
function turnCounter(): { turns(): number; stop(): void } {
  let turns = 0;
  let live = true;
  const spin = () => {
    if (!live) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  return { turns: () => turns, stop: () => (live = false) };
}

beforeAll(async () => {
  dir = tempDir();
  col = newCollection(dir, 'big');
  deckId = ensureDeck(col, 'Big');
  const basic = notetypeByName(col, 'Basic')!.id;
  addNotes(col, Array.from({ length: NOTES }, (_, i) => ({ notetypeId: basic, deckId, fields: [`front ${i}`, `back ${i}`] })));
  apkg = join(dir, 'big.apkg');
  await exportPackage(col, apkg, { deckId, includeSched: true });
});

afterAll(() => col.close());

describe('yielding while writing an export', () => {
  it('other work runs between the chunks of the collection write', async () => {
    const counter = turnCounter();
    const turnsAt: number[] = [];
    await exportPackage(col, join(dir, 'turns.apkg'), {
      deckId,
      onProgress: (_done, _total, stage) => stage === 'writing' && turnsAt.push(counter.turns()),
    });
    counter.stop();
    // 5,000 rows in chunks of 1,000: at least one turn between consecutive chunks.
    expect(turnsAt.length).toBeGreaterThanOrEqual(5);
    expect(turnsAt[turnsAt.length - 1]! - turnsAt[0]!).toBeGreaterThanOrEqual(4);
  });

  it('a cancel arriving from outside between chunks rejects and leaves no file', async () => {
    const controller = new AbortController();
    const stages: PackageStage[] = [];
    const out = join(dir, 'cancelled-mid-write.apkg');
    const run = exportPackage(col, out, {
      deckId,
      signal: controller.signal,
      onProgress: (done, _total, stage) => {
        stages.push(stage);
        // As a Cancel button would: the abort comes in on a later turn of the event loop.
        if (stage === 'writing' && done > 0) setImmediate(() => controller.abort());
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(stages).not.toContain('compressing');
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled') || f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('yielding while reading an import', () => {
  it('a cancel while the package rows are read frees the package (it closes cleanly)', async () => {
    const pkg = OpenedPackage.open(apkg, resolveLimits());
    const controller = new AbortController();
    controller.abort();
    try {
      const reading = exchangeFromPackage(pkg, { withScheduling: true, withDeckConfigs: true }, Date.now(), 0, new Progress({ signal: controller.signal }));
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      expect(() => pkg.close()).not.toThrow();
    }
  });

  it('reads in chunks with turns in between, then imports everything', async () => {
    const target = newCollection(dir, 'target');
    try {
      const counter = turnCounter();
      let readingStartedAt = -1;
      let readingDoneAt = -1;
      const summary = await importPackage(target, apkg, {
        onProgress: (done, _total, stage) => {
          if (stage !== 'reading') return;
          if (done === 0) readingStartedAt = counter.turns();
          else readingDoneAt = counter.turns();
        },
      });
      counter.stop();
      expect(summary.notesAdded).toBe(NOTES);
      // One pause after opening, then one per 2,000 notes and 2,000 cards.
      expect(readingDoneAt - readingStartedAt).toBeGreaterThanOrEqual(3);
    } finally {
      target.close();
    }
  });
});
