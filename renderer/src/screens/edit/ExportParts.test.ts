import { describe, expect, it } from 'vitest';
import { formatBytes, resultText, targetFromValue, targetValue } from './ExportParts';

describe('Export screen helpers', () => {
  it('round-trip the target through the select value', () => {
    for (const target of [{ kind: 'collection' }, { kind: 'allDecks' }, { kind: 'deck', deckId: 1700000000123 }] as const) {
      expect(targetFromValue(targetValue(target))).toEqual(target);
    }
  });

  it('show file sizes and the summary in words', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(resultText({ path: '/x.apkg', notes: 1, cards: 2, media: 0, bytes: 2048, downloadUrl: null })).toBe('Exported 1 note, 2 cards and 0 media files (2.0 KB).');
  });
});
