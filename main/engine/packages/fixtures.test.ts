/**
 * Every real Anki file in the shared fixtures folder imports. The expected counts are
 * what Anki 26.9.3 itself reports after importing the same file into a fresh collection
 * (verified with main/testing/oracle/pkg_anki.py; interop.oracle.test.ts compares whole
 * collections). Skips, with a message, when the folder is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Collection } from '../collection';
import { importColpkg, importPackage } from './index';
import { modernPackageFromCollection } from './testing/build';
import { tempDir } from './testing/fixtures';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', '../shared/fixtures/packages');

interface Expected {
  notes: number;
  cards: number;
  revlog?: number;
  media?: number;
  /** Decks after import, including Default. */
  decks?: number;
}

const EXPECTED: Record<string, Expected> = {
  'anki-tests-diffmodels2-1.apkg': { notes: 1, cards: 1 },
  'anki-tests-diffmodels2-2.apkg': { notes: 1, cards: 2 },
  'anki-tests-diffmodeltemplates-1.apkg': { notes: 1, cards: 1, media: 2, decks: 2 },
  'anki-tests-diffmodeltemplates-2.apkg': { notes: 1, cards: 1, media: 2, decks: 2 },
  'anki-tests-media.apkg': { notes: 1, cards: 1, media: 1 },
  'anki-tests-update1.apkg': { notes: 1, cards: 1 },
  'anki-tests-update2.apkg': { notes: 1, cards: 1 },
  'cardoverflow-AllDefaultTemplatesAndImageAndMp3-21.colpkg': { notes: 8, cards: 10, media: 4 },
  'cardoverflow-AllDefaultTemplatesAndImageAndMp3.apkg': { notes: 8, cards: 10, media: 4 },
  'cardoverflow-AllDefaultTemplatesAndImageAndMp3.colpkg': { notes: 8, cards: 10, media: 4 },
  'cardoverflow-RandomReviews-21.colpkg': { notes: 25, cards: 25, revlog: 110 },
  'cardoverflow-RandomReviews.apkg': { notes: 25, cards: 25, revlog: 110 },
  'cardoverflow-RandomReviews.colpkg': { notes: 25, cards: 25, revlog: 110 },
  'latest-anki21b-music-intervals.apkg': { notes: 340, cards: 340, decks: 6 },
  'legacy1-ap-gov-vocab.apkg': { notes: 242, cards: 484, decks: 2 },
  'schema18-empty-collection.anki2': { notes: 0, cards: 0, decks: 1 },
  'schema18-two-deck-collection.anki2': { notes: 16, cards: 16, revlog: 8, decks: 3 },
};

function counts(col: Collection): Required<Expected> {
  const count = (table: string): number => col.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { notes: count('notes'), cards: count('cards'), revlog: count('revlog'), media: readdirSync(col.mediaDir).length, decks: count('decks') };
}

describe('Anki-made fixture files', () => {
  const present = existsSync(FIXTURES);
  if (!present) console.warn(`Fixture packages not found at ${FIXTURES}; skipping the real-file import tests.`);

  it.skipIf(!present)('the folder holds exactly the files these tests know', () => {
    expect(readdirSync(FIXTURES).filter((f) => f !== 'README.md').sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.skipIf(!present).each(Object.entries(EXPECTED))('imports %s', async (file, expected) => {
    const dir = tempDir();
    const colPath = join(dir, 'collection.anki2');
    const mediaDir = join(dir, 'collection.media');
    let pkg = join(FIXTURES, file);
    if (file.endsWith('.anki2')) {
      pkg = join(dir, `${file}.colpkg`);
      await modernPackageFromCollection(pkg, join(FIXTURES, file));
    }
    let col: Collection;
    if (pkg.endsWith('.colpkg')) {
      const summary = await importColpkg(pkg, colPath, mediaDir);
      expect(summary).toMatchObject({ notes: expected.notes, cards: expected.cards });
      col = Collection.open(colPath, { mediaDir });
    } else {
      col = Collection.open(colPath, { mediaDir });
      const summary = await importPackage(col, pkg);
      expect(summary).toMatchObject({ notesAdded: expected.notes, notesUpdated: 0, notesSkipped: 0, cards: expected.cards });
    }
    try {
      expect(counts(col)).toMatchObject({ revlog: 0, media: 0, ...expected });
    } finally {
      col.close();
    }
  });
});
