import type { Collection } from '../collection';
import type { CardId, NoteId, NoteRow } from '../model/types';

/** Rows per query: ids go in as one JSON array parameter, so the statement is prepared once. */
const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The notes among `ids` that exist, by id. */
export function notesByIds(col: Collection, ids: readonly NoteId[]): Map<NoteId, NoteRow> {
  const found = new Map<NoteId, NoteRow>();
  const query = col.prepare('SELECT * FROM notes WHERE id IN (SELECT value FROM json_each(?))');
  for (const chunk of chunks(ids)) {
    for (const row of query.all(JSON.stringify(chunk)) as NoteRow[]) found.set(row.id, row);
  }
  return found;
}

/** Each note's card ids, ordered by template ord. */
export function cardIdsByNote(col: Collection, noteIds: readonly NoteId[]): Map<NoteId, CardId[]> {
  const out = new Map<NoteId, CardId[]>();
  const query = col.prepare(
    'SELECT id, nid FROM cards WHERE nid IN (SELECT value FROM json_each(?)) ORDER BY nid, ord',
  );
  for (const chunk of chunks(noteIds)) {
    for (const { id, nid } of query.all(JSON.stringify(chunk)) as { id: CardId; nid: NoteId }[]) {
      let list = out.get(nid);
      if (!list) out.set(nid, (list = []));
      list.push(id);
    }
  }
  return out;
}

/** id → mod for the notes among `ids` that exist. */
export function noteModTimes(col: Collection, ids: readonly NoteId[]): Map<NoteId, number> {
  const out = new Map<NoteId, number>();
  const query = col.prepare('SELECT id, mod FROM notes WHERE id IN (SELECT value FROM json_each(?))');
  for (const chunk of chunks(ids)) {
    for (const { id, mod } of query.all(JSON.stringify(chunk)) as { id: NoteId; mod: number }[]) out.set(id, mod);
  }
  return out;
}
