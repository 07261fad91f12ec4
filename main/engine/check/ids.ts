import type { Collection, IdAllocators } from '../collection';
import { IdAllocator } from '../ids';
import { plural, type ReportBuilder } from './report';

const DAY_MS = 86_400_000;

type Table = 'notes' | 'cards' | 'revlog';

/** Fresh ids at or after now that no row uses, for rows whose id lies in the future. */
function freshIds(col: Collection, table: Table, limit: number, count: number): number[] {
  const maxValid = (col.db.prepare(`SELECT max(id) FROM ${table} WHERE id <= ?`).pluck().get(limit) as number | null) ?? 0;
  const exists = col.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  const ids: number[] = [];
  let candidate = Math.max(col.nowMs(), maxValid + 1);
  while (ids.length < count) {
    if (!exists.get(candidate)) ids.push(candidate);
    candidate++;
  }
  return ids;
}

function renumberNote(col: Collection, from: number, to: number): void {
  col.db
    .prepare(
      `INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
       SELECT ?, guid, mid, ?, -1, tags, flds, sfld, csum, flags, data FROM notes WHERE id = ?`,
    )
    .run(to, col.nowSecs(), from);
  col.db.prepare('UPDATE cards SET nid = ? WHERE nid = ?').run(to, from);
  col.db.prepare('DELETE FROM notes WHERE id = ?').run(from);
}

function renumberCard(col: Collection, from: number, to: number): void {
  col.db.prepare('UPDATE cards SET id = ?, mod = ?, usn = -1 WHERE id = ?').run(to, col.nowSecs(), from);
  col.db.prepare('UPDATE revlog SET cid = ? WHERE cid = ?').run(to, from);
}

function renumberRevlog(col: Collection, from: number, to: number): void {
  col.db.prepare('UPDATE revlog SET id = ?, usn = -1 WHERE id = ?').run(to, from);
}

const RENUMBER: Record<Table, (col: Collection, from: number, to: number) => void> = {
  notes: renumberNote,
  cards: renumberCard,
  revlog: renumberRevlog,
};

const ALLOCATOR: Record<Table, keyof IdAllocators> = { notes: 'notes', cards: 'cards', revlog: 'revlog' };

/** Ids more than a day in the future are renumbered (dbcheck.rs maybe_fix_invalid_ids). */
export function fixFutureIds(col: Collection, report: ReportBuilder): void {
  const limit = col.nowMs() + DAY_MS;
  let total = 0;
  col.transact(() => {
    for (const table of ['notes', 'cards', 'revlog'] as const) {
      const bad = col.db.prepare(`SELECT id FROM ${table} WHERE id > ? ORDER BY id`).pluck().all(limit) as number[];
      if (!bad.length) continue;
      const fresh = freshIds(col, table, limit, bad.length);
      bad.forEach((id, i) => RENUMBER[table](col, id, fresh[i]!));
      total += bad.length;
      // The allocator was seeded with the bad maximum; restart it from the ids now in use.
      const allocator = new IdAllocator(() => col.nowMs());
      allocator.observe((col.db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0);
      col.ids[ALLOCATOR[table]] = allocator;
    }
  });
  report.add('futureIds', total, (n) => `Fixed ${plural(n, 'object')} with ids in the future.`);
}
