import type { Collection } from '../collection';
import type { CardId, DeckId, NoteId, Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { deckById } from '../decks/store';

/** Reserves `count` consecutive new-card positions (Anki's nextPos); returns the first. */
export function reservePositions(col: Collection, count: number): number {
  const first = col.getConfig<number>('nextPos', 1);
  col.setConfig('nextPos', first + count);
  return first;
}

/** The next new-card position; every note that gets new cards takes one. */
export function takeNextPosition(col: Collection): number {
  return reservePositions(col, 1);
}

/** The deck a new card goes to: the template's deck override if it exists, else `fallback`. */
export function targetDeckFor(col: Collection, notetype: Notetype, ord: number, fallback: DeckId): DeckId {
  if (notetype.type === NotetypeKind.Cloze) return fallback;
  const override = notetype.tmpls[ord]?.did;
  if (override && deckById(col, override) && deckById(col, override)!.dyn === 0) return override;
  return fallback;
}

/** Inserts new cards (type 0, queue 0) for the given ords; returns their ids. */
export function insertNewCards(
  col: Collection,
  noteId: NoteId,
  notetype: Notetype,
  ords: readonly number[],
  deckId: DeckId,
  position: number,
): CardId[] {
  const insert = col.prepare(
    `INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
     VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '{}')`,
  );
  const mod = col.nowSecs();
  return ords.map((ord) => {
    const id = col.ids.cards.next();
    insert.run(id, noteId, targetDeckFor(col, notetype, ord, deckId), ord, mod, position);
    return id;
  });
}
