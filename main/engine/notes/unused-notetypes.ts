import type { Collection } from '../collection';
import type { NotetypeId } from '../model/types';
import { allNotetypes, deleteNotetypeRow, saveNotetype } from '../notetypes/store';
import { stockNotetypes } from '../notetypes/stock';
import { compareIgnoringCase } from '../text/fold';

/**
 * Deletes every notetype no note uses (what AnkiConnect's removeEmptyNotes does).
 * Anki never leaves a collection without a notetype: if all are gone, a fresh
 * stock Basic is added. Marks the schema changed. Returns the removed ids.
 */
export function removeUnusedNotetypes(col: Collection): NotetypeId[] {
  return col.transact(() => {
    const used = new Set(col.prepare('SELECT DISTINCT mid FROM notes').pluck().all() as NotetypeId[]);
    const removed = allNotetypes(col)
      .map((nt) => nt.id)
      .filter((id) => !used.has(id));
    if (!removed.length) return removed;
    for (const id of removed) {
      deleteNotetypeRow(col, id);
      col.removeConfig(`_nt_${id}_lastDeck`);
    }
    col.markSchemaChanged();
    // Anki makes the first notetype by name the current one.
    const remaining = [...allNotetypes(col)].sort((a, b) => compareIgnoringCase(a.name, b.name));
    const current = remaining[0] ?? saveNotetype(col, stockNotetypes()[0]!);
    col.setConfig('curModel', current.id);
    return removed;
  });
}
