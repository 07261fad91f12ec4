import type { Collection } from '../collection';
import type { CardId } from '../model/types';

/**
 * AnkiConnect's relearnCards: raw SQL setting type 3 and queue 1, without
 * touching mod, usn or any other column. Returns how many rows changed.
 */
export function relearnCards(col: Collection, ids: readonly CardId[]): number {
  const valid = ids.filter((id) => Number.isSafeInteger(id));
  if (valid.length === 0) return 0;
  return col.transact(
    () => col.db.prepare(`UPDATE cards SET type = 3, queue = 1 WHERE id IN (${valid.map(() => '?').join(',')})`).run(...valid).changes,
  );
}
