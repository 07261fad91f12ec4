import type { Collection } from '../collection';
import { plural, type ReportBuilder } from './report';

/** Anki's fix_*.sql passes over card columns (rslib/src/storage/card/fix_*.sql). */
export function fixCardProperties(col: Collection, report: ReportBuilder): void {
  const today = col.timing().daysElapsed;
  const mod = col.nowSecs();
  const changed = col.transact(() => {
    const run = (sql: string, ...args: unknown[]) => col.db.prepare(sql).run(...(args.length ? args : [mod])).changes;
    return (
      run(
        `UPDATE cards SET due = 1000000 + due % 1000000, mod = ?, usn = -1
         WHERE type = 0 AND queue != 4 AND due >= 2000000`,
      ) +
      run(`UPDATE cards SET due = ?, mod = ?, usn = -1 WHERE queue = 2 AND due > 100000`, today, mod) +
      run(
        `UPDATE cards SET ivl = max(0, CAST(round(ivl) AS INTEGER)), mod = ?, usn = -1
         WHERE typeof(ivl) != 'integer' OR ivl < 0`,
      ) +
      run(
        `UPDATE cards SET due = CAST(round(due) AS INTEGER), mod = ?, usn = -1 WHERE typeof(due) != 'integer'`,
      ) +
      run(`UPDATE cards SET ord = min(max(CAST(ord AS INTEGER), 0), 30000), mod = ?, usn = -1
           WHERE typeof(ord) != 'integer' OR ord < 0 OR ord > 30000`) +
      run(`UPDATE cards SET mod = ? WHERE typeof(mod) != 'integer'`) +
      run(`UPDATE cards SET odue = 0, mod = ?, usn = -1 WHERE odid = 0 AND odue != 0`)
    );
  });
  report.add('cardProperties', changed, (n) => `Fixed ${plural(n, 'card')} with invalid properties.`);
}

/** Cards whose note no longer exists are deleted (with graves), as Anki does. */
export function deleteCardsWithoutNote(col: Collection, report: ReportBuilder): void {
  const deleted = col.transact(() => {
    const ids = col.db
      .prepare('SELECT id FROM cards WHERE nid NOT IN (SELECT id FROM notes)')
      .pluck()
      .all() as number[];
    const grave = col.db.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, 0, -1)');
    const del = col.db.prepare('DELETE FROM cards WHERE id = ?');
    for (const id of ids) {
      grave.run(id);
      del.run(id);
    }
    return ids.length;
  });
  report.add('cardsWithoutNote', deleted, (n) => `Deleted ${plural(n, 'card')} with missing note.`);
}
