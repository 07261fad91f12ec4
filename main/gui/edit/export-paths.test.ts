import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExportPath, suggestedFileName } from './export-paths';

const collection = { kind: 'collection' } as const;
const deck = { kind: 'deck', deckId: 5 } as const;

describe('export file names', () => {
  it('follow Anki: collection-<date>@<time>.colpkg, the deck name, or All Decks', () => {
    const now = new Date(2026, 0, 2, 3, 4, 5);
    expect(suggestedFileName(collection, null, now)).toBe('collection-2026-01-02@03-04-05.colpkg');
    expect(suggestedFileName(deck, 'Japanese::Kanji: N5 / "core"', now)).toBe('Japanese__Kanji_ N5 _ _core_.apkg');
    expect(suggestedFileName({ kind: 'allDecks' }, null, now)).toBe('All Decks.apkg');
  });
});

describe('export paths', () => {
  const home = mkdtempSync(join(tmpdir(), 'engram-export-home-'));
  mkdirSync(join(home, 'sub'));

  it('add the package extension, expand ~ and keep the right extension as typed', () => {
    expect(resolveExportPath(`  ${home}/sub/words `, deck, home)).toBe(join(home, 'sub', 'words.apkg'));
    expect(resolveExportPath('~/sub/all.APKG', deck, home)).toBe(join(home, 'sub', 'all.APKG'));
    expect(resolveExportPath('~/backup', collection, home)).toBe(join(home, 'backup.colpkg'));
  });

  it('refuse empty and relative paths, the other package type, missing folders and folders', () => {
    expect(() => resolveExportPath('  ', deck, home)).toThrow(/Choose where/);
    expect(() => resolveExportPath('words.apkg', deck, home)).toThrow(/full path/);
    expect(() => resolveExportPath(`${home}/x.colpkg`, deck, home)).toThrow(/ends in \.apkg/);
    expect(() => resolveExportPath(`${home}/x.apkg`, collection, home)).toThrow(/ends in \.colpkg/);
    expect(() => resolveExportPath(`${home}/missing/x.apkg`, deck, home)).toThrow(/folder not found/);
    mkdirSync(join(home, 'taken.apkg'));
    expect(() => resolveExportPath(`${home}/taken.apkg`, deck, home)).toThrow(/is a folder/);
  });
});
