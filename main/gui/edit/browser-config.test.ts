import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { DEFAULT_BROWSER_COLUMNS } from '../../../shared/bridge/edit';
import { browserConfig, saveBrowserConfig } from './browser-config';
import { tempCollection } from './testing/collection';

let col: Collection;
beforeEach(() => (col = tempCollection()));
afterEach(() => col.close());

describe('browser config', () => {
  it('starts in cards mode with the default columns, sorted by the sort field', () => {
    const config = browserConfig(col);
    expect(config.mode).toBe('cards');
    expect(config.columns.cards).toEqual(DEFAULT_BROWSER_COLUMNS.cards);
    expect(config.sort.notes).toEqual({ column: 'noteFld', descending: false });
  });

  it('saves mode, columns and sort under Anki’s config keys', () => {
    saveBrowserConfig(col, { mode: 'notes', columns: { cards: ['deck', 'noteFld', 'deck'], notes: ['noteFld'] }, sort: { cards: { column: 'cardDue', descending: true }, notes: { column: 'noteCrt', descending: false } } });
    expect(col.getConfig('browserTableShowNotesMode', false)).toBe(true);
    expect(col.getConfig('activeCols', null)).toEqual(['deck', 'noteFld']);
    expect(col.getConfig('sortType', null)).toBe('cardDue');
    expect(col.getConfig('sortBackwards', null)).toBe(true);
    expect(browserConfig(col).sort.notes.column).toBe('noteCrt');
  });

  it('refuses unsortable columns and empty column lists', () => {
    expect(() => saveBrowserConfig(col, { sort: { cards: { column: 'question', descending: false }, notes: { column: 'noteFld', descending: false } } })).toThrow(/cannot sort/);
    expect(() => saveBrowserConfig(col, { sort: { cards: { column: 'noteFld', descending: false }, notes: { column: 'cardDue', descending: false } } })).toThrow(/cannot sort/);
    expect(() => saveBrowserConfig(col, { columns: { cards: [], notes: ['noteFld'] } })).toThrow(/at least one/);
  });
});
