import type { Collection } from '../collection';
import type { CardId, DeckId, RevlogRow } from '../model/types';
import { EngineError } from '../errors';

/** The 9-tuple AnkiConnect uses for reviews: revlog columns in table order. */
export type ReviewTuple = [number, number, number, number, number, number, number, number, number];

const COLUMNS = 'id, cid, usn, ease, ivl, lastIvl, factor, time, type';

/** Revlog rows answered since the start of the scheduler's current day. */
export function reviewsToday(col: Collection): number {
  const { nextDayAt } = col.timing();
  return col.prepare('SELECT count(*) FROM revlog WHERE id >= ?').pluck().get((nextDayAt - 86_400) * 1000) as number;
}

/** `[YYYY-MM-DD, count]` per local day (shifted by the rollover hour), newest first. */
export function reviewsByDay(col: Collection): [string, number][] {
  const offset = col.getConfig<number>('rollover', 4) * 3600;
  const rows = col
    .prepare(
      `SELECT strftime('%Y-%m-%d', datetime(id / 1000 - ?, 'unixepoch', 'localtime')) AS day, count() AS n
       FROM revlog GROUP BY day ORDER BY day DESC`,
    )
    .raw()
    .all(offset) as [string, number][];
  return rows;
}

/** Reviews of cards currently in `deckId` (by did) with id > startId, as 9-tuples. */
export function deckReviewsSince(col: Collection, deckId: DeckId, startId: number): ReviewTuple[] {
  return col
    .prepare(`SELECT ${COLUMNS} FROM revlog WHERE id > ? AND cid IN (SELECT id FROM cards WHERE did = ?) ORDER BY id`)
    .raw()
    .all(startId, deckId) as ReviewTuple[];
}

export function latestReviewId(col: Collection, deckId: DeckId): number {
  const id = col
    .prepare('SELECT max(id) FROM revlog WHERE cid IN (SELECT id FROM cards WHERE did = ?)')
    .pluck()
    .get(deckId) as number | null;
  return id ?? 0;
}

/** Reviews per card, oldest first; cards without reviews map to []. */
export function reviewsOfCards(col: Collection, cardIds: readonly CardId[]): Map<CardId, RevlogRow[]> {
  const out = new Map<CardId, RevlogRow[]>(cardIds.map((id) => [id, []]));
  const unique = [...new Set(cardIds)];
  for (let i = 0; i < unique.length; i += 900) {
    const chunk = unique.slice(i, i + 900);
    const rows = col
      .prepare(`SELECT ${COLUMNS} FROM revlog WHERE cid IN (${chunk.map(() => '?').join(',')}) ORDER BY id`)
      .all(...chunk) as RevlogRow[];
    for (const row of rows) out.get(row.cid)?.push(row);
  }
  return out;
}

/** Inserts review rows in one transaction; a duplicate id fails the whole insert. */
export function insertReviews(col: Collection, reviews: readonly ReviewTuple[]): void {
  col.transact(() => {
    const insert = col.prepare(`INSERT INTO revlog (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const review of reviews) {
      try {
        insert.run(...review);
      } catch (error) {
        throw new EngineError('invalid', error instanceof Error ? error.message : String(error));
      }
    }
  });
}
