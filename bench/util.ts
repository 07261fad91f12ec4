import type { Collection } from '../main/engine/collection';

export function findNotesCount(col: Collection): number {
  return col.prepare('SELECT count(*) FROM notes').pluck().get() as number;
}
