import type { Collection } from '../collection';
import type { Notetype } from '../model/types';
import { emptyNotetype, newField, newTemplate } from '../notetypes/stock';
import { notetypeByName, saveNotetype } from '../notetypes/store';
import { FIELD_SEPARATOR } from '../text/note-text';
import { plural, type ReportBuilder } from './report';

/** A plain notetype with `fieldCount` fields named 1…n, given to notes whose notetype is gone. */
function recoveryNotetype(col: Collection, fieldCount: number): Notetype {
  let name = 'Recovered';
  for (let i = 2; notetypeByName(col, name); i++) name = `Recovered ${i}`;
  const nt = emptyNotetype(name);
  nt.flds = Array.from({ length: Math.max(1, fieldCount) }, (_, i) => newField(String(i + 1), i));
  const back = fieldCount > 1 ? '{{FrontSide}}\n\n<hr id=answer>\n\n{{2}}' : '{{FrontSide}}';
  nt.tmpls = [newTemplate('Card 1', 0, '{{1}}', back)];
  return saveNotetype(col, nt);
}

/** Notes whose notetype is missing are moved to a recovered notetype (one per missing id). */
export function recoverMissingNotetypes(col: Collection, report: ReportBuilder): void {
  const fixed = col.transact(() => {
    const rows = col.db
      .prepare('SELECT id, mid, flds FROM notes WHERE mid NOT IN (SELECT id FROM notetypes)')
      .all() as { id: number; mid: number; flds: string }[];
    const byMid = new Map<number, { id: number; flds: string }[]>();
    for (const row of rows) byMid.set(row.mid, [...(byMid.get(row.mid) ?? []), row]);
    const move = col.db.prepare('UPDATE notes SET mid = ?, mod = ?, usn = -1 WHERE id = ?');
    for (const notes of byMid.values()) {
      const fieldCount = Math.max(...notes.map((n) => n.flds.split(FIELD_SEPARATOR).length));
      const nt = recoveryNotetype(col, fieldCount);
      for (const note of notes) move.run(nt.id, col.nowSecs(), note.id);
    }
    return rows.length;
  });
  report.add('missingNotetypes', fixed, (n) => `Fixed ${plural(n, 'note')} with missing note type.`);
}
