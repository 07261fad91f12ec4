import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow, NoteId, RevlogRow } from '../model/types';
import { parseCardData, serializeCardData } from './card-data';

/** Row access for the scheduler: cards and revlog with Anki's columns. */

const CARD_COLUMNS = 'id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data';

export function getCard(col: Collection, id: CardId): CardRow | undefined {
  return col.prepare(`SELECT ${CARD_COLUMNS} FROM cards WHERE id = ?`).get(id) as CardRow | undefined;
}

export function requireCard(col: Collection, id: CardId): CardRow {
  if (!Number.isSafeInteger(id)) throw new EngineError('invalid', `invalid card id: ${String(id)}`);
  const card = getCard(col, id);
  if (!card) throw new EngineError('not-found', `Card was not found: ${id}`);
  return card;
}

/** The cards with these ids, in the order given; unknown ids are skipped. */
export function cardsByIds(col: Collection, ids: readonly CardId[]): CardRow[] {
  const stmt = col.prepare(`SELECT ${CARD_COLUMNS} FROM cards WHERE id = ?`);
  const seen = new Set<number>();
  const out: CardRow[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const card = stmt.get(id) as CardRow | undefined;
    if (card) out.push(card);
  }
  return out;
}

/**
 * The cards for these ids in the order given, duplicates included (each a
 * snapshot taken before any change), as Anki's order-preserving card search returns them.
 */
export function cardsInGivenOrder(col: Collection, ids: readonly CardId[]): CardRow[] {
  const found = new Map(cardsByIds(col, ids).map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const card = found.get(id);
    return card ? [{ ...card }] : [];
  });
}

export function cardsWhere(col: Collection, where: string, ...params: unknown[]): CardRow[] {
  return col.prepare(`SELECT ${CARD_COLUMNS} FROM cards WHERE ${where}`).all(...params) as CardRow[];
}

export function siblingsOf(col: Collection, card: CardRow): CardRow[] {
  return cardsWhere(col, 'nid = ? AND id != ?', card.nid, card.id);
}

/**
 * Writes every column of an existing card. `data` is re-serialised the way
 * Anki writes it on every card update (unknown keys dropped, floats rounded).
 */
export function putCard(col: Collection, card: CardRow): void {
  col
    .prepare(
      `UPDATE cards SET nid = ?, did = ?, ord = ?, mod = ?, usn = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?,
       reps = ?, lapses = ?, left = ?, odue = ?, odid = ?, flags = ?, data = ? WHERE id = ?`,
    )
    .run(
      card.nid, card.did, card.ord, card.mod, card.usn, card.type, card.queue, card.due, card.ivl, card.factor,
      card.reps, card.lapses, card.left, card.odue, card.odid, card.flags, serializeCardData(parseCardData(card.data)), card.id,
    );
}

/**
 * Writes a card after an answer: as putCard, but only the columns answering can
 * change, so SQLite leaves the other indexes and foreign keys alone (a batch
 * answers thousands). The deck columns are written when the card changed deck.
 */
export function putAnsweredCard(col: Collection, before: CardRow, card: CardRow): void {
  if (card.id !== before.id || card.nid !== before.nid || card.ord !== before.ord) return putCard(col, card);
  const data = serializeCardData(parseCardData(card.data));
  const moved = card.did !== before.did || card.odid !== before.odid;
  const decks = moved ? 'did = ?, odid = ?, ' : '';
  col
    .prepare(
      `UPDATE cards SET ${decks}mod = ?, usn = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?,
       reps = ?, lapses = ?, left = ?, odue = ?, flags = ?, data = ? WHERE id = ?`,
    )
    .run(
      ...(moved ? [card.did, card.odid] : []),
      card.mod, card.usn, card.type, card.queue, card.due, card.ivl, card.factor,
      card.reps, card.lapses, card.left, card.odue, card.flags, data, card.id,
    );
}

/** Marks a card modified now (Anki's `set_modified`) and writes it. */
export function saveModifiedCard(col: Collection, card: CardRow): void {
  putCard(col, { ...card, mod: col.nowSecs(), usn: -1 });
}

export function revlogForCard(col: Collection, cid: CardId): RevlogRow[] {
  return col
    .prepare('SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog WHERE cid = ? ORDER BY id')
    .all(cid) as RevlogRow[];
}

/** Inserts a revlog row; a taken id becomes max(id) + 1, as Anki does. Returns the id used. */
export function insertRevlog(col: Collection, row: RevlogRow): number {
  const taken = col.prepare('SELECT 1 FROM revlog WHERE id = ?').get(row.id) !== undefined;
  const id = taken ? (col.prepare('SELECT max(id) FROM revlog').pluck().get() as number) + 1 : row.id;
  col
    .prepare('INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, row.cid, row.usn, row.ease, row.ivl, row.lastIvl, row.factor, row.time, row.type);
  col.ids.revlog.observe(id);
  return id;
}

export function deleteRevlog(col: Collection, id: number): void {
  col.prepare('DELETE FROM revlog WHERE id = ?').run(id);
}

export function noteTags(col: Collection, nid: NoteId): string | undefined {
  return col.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(nid) as string | undefined;
}
