import { describe, expect, it } from 'vitest';
import { summaryText } from './imports';

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
