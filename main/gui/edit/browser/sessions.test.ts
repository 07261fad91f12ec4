import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../engine/collection';
import { deleteNotes } from '../../../engine/notes';
import { DEFAULT_BROWSER_COLUMNS } from '../../../../shared/bridge/edit';
import { addBasic, tempCollection } from '../testing/collection';
import { BrowserSessions, orderedIds } from './sessions';

let col: Collection;
let deferred: (() => void)[];
let sessions: BrowserSessions;
const columns = (mode: 'cards' | 'notes') => DEFAULT_BROWSER_COLUMNS[mode];

beforeEach(() => {
  col = tempCollection();
  deferred = [];
  sessions = new BrowserSessions((task) => deferred.push(task));
  for (const word of ['delta', 'Alpha', 'charlie', 'bravo', 'echo']) addBasic(col, `<b>${word}</b>`, `${word} back`, { tags: [word.toLowerCase()] });
});
afterEach(() => col.close());

const sortField = (descending = false) => ({ column: 'noteFld' as const, descending });

describe('browser searches held in main', () => {
  it('answers the total and the first page at once, sorted case-insensitively by the sort field', () => {
    const result = sessions.search(col, { query: '', mode: 'cards', sort: sortField() }, columns('cards'), 2);
    expect(result.total).toBe(5);
    expect(result.rows.map((r) => r.cells.noteFld)).toEqual(['Alpha', 'bravo']);
    expect(result.rows[0]!.cells.template).toBe('Card 1');
    expect(result.rows[0]!.cells.cardDue).toMatch(/^New #\d+$/);
    expect(deferred).toHaveLength(1);
  });

  it('pages rows and ids from the whole ordered list, descending too', () => {
    const result = sessions.search(col, { query: '', mode: 'cards', sort: sortField(true) }, columns('cards'), 2);
    const rows = sessions.rows(col, result.searchId, 2, 10, columns);
    expect(rows.map((r) => r.cells.noteFld)).toEqual(['charlie', 'bravo', 'Alpha']);
    const ids = sessions.ids(col, result.searchId, 0, 100);
    expect(ids).toHaveLength(5);
    expect(sessions.indexOf(col, result.searchId, ids[3]!)).toBe(3);
    expect(sessions.indexOf(col, result.searchId, 42)).toBe(-1);
  });

  it('searches notes in notes mode and summarises their cards', () => {
    const result = sessions.search(col, { query: 'tag:echo or tag:alpha', mode: 'notes', sort: sortField() }, columns('notes'), 10);
    expect(result.total).toBe(2);
    expect(result.rows.map((r) => [r.cells.noteFld, r.cells.template, r.cells.note])).toEqual([
      ['Alpha', '1', 'Basic'],
      ['echo', '1', 'Basic'],
    ]);
    expect(result.rows[0]!.id).toBe(result.rows[0]!.noteId);
  });

  it('keeps positions when rows are deleted after the search', () => {
    const result = sessions.search(col, { query: '', mode: 'notes', sort: sortField() }, columns('notes'), 10);
    deleteNotes(col, [result.rows[1]!.id]);
    const rows = sessions.rows(col, result.searchId, 0, 10, columns);
    expect(rows).toHaveLength(5);
    expect(rows[1]!.deleted).toBe(true);
  });

  it('falls back to the sort field for a column notes cannot sort on, and reports bad searches', () => {
    const result = sessions.search(col, { query: '', mode: 'notes', sort: { column: 'cardDue', descending: false } }, columns('notes'), 1);
    expect(result.sort.column).toBe('noteFld');
    expect(() => orderedIds(col, { query: 'deck:(', mode: 'cards', sort: sortField() })).toThrow(/Invalid search|search/i);
    expect(() => sessions.rows(col, 999, 0, 1, columns)).toThrow(/expired/);
  });
});
