import type { Collection } from '../collection';
import type { DeckId } from '../model/types';
import { deckAndChildren } from '../decks/store';

/** The figures behind the statistics page and getCollectionStatsHTML. */
export interface CollectionStats {
  scope: 'collection' | 'deck';
  today: { reviews: number; seconds: number; again: number; learn: number; review: number; relearn: number };
  cardCounts: { new: number; learning: number; young: number; mature: number; suspended: number; buried: number };
  /** Review cards due per day from today (index 0 = today incl. overdue). */
  futureDue: number[];
  /** Reviews per day for the last N days (index 0 = N−1 days ago, last = today), by revlog type. */
  reviewsPerDay: { learn: number; review: number; relearn: number; other: number }[];
  /** Interval histogram for review cards: [upper bound in days, count]. */
  intervals: [number, number][];
  /** Ease histogram for review cards: [ease %, count]. */
  ease: [number, number][];
  /** Answer buttons in the last 30 days: counts for [again, hard, good, easy] per card kind. */
  buttons: { learning: number[]; young: number[]; mature: number[] };
}

const DAYS_BACK = 30;
const DAYS_AHEAD = 30;
const INTERVAL_BOUNDS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 365, 730, 36500];

function cardFilter(col: Collection, deckId: DeckId | null): { sql: string; params: number[] } {
  if (deckId === null) return { sql: '1', params: [] };
  const ids = deckAndChildren(col, deckId).map((d) => d.id);
  const marks = ids.map(() => '?').join(',');
  return { sql: `(did IN (${marks}) OR odid IN (${marks}))`, params: [...ids, ...ids] };
}

/** Statistics for the whole collection (deckId null) or a deck and its children. */
export function collectionStats(col: Collection, deckId: DeckId | null): CollectionStats {
  const { daysElapsed: today, nextDayAt } = col.timing();
  const filter = cardFilter(col, deckId);
  const revFilter = `cid IN (SELECT id FROM cards WHERE ${filter.sql})`;
  const dayStartMs = (nextDayAt - 86_400) * 1000;

  const todayRow = col
    .prepare(
      `SELECT count(*) AS reviews, coalesce(sum(time), 0) AS ms, coalesce(sum(ease = 1), 0) AS again,
         coalesce(sum(type = 0), 0) AS learn, coalesce(sum(type = 1), 0) AS review, coalesce(sum(type = 2), 0) AS relearn
       FROM revlog WHERE id >= ? AND ${revFilter}`,
    )
    .get(dayStartMs, ...filter.params) as { reviews: number; ms: number; again: number; learn: number; review: number; relearn: number };

  const counts = col
    .prepare(
      `SELECT coalesce(sum(type = 0 AND queue >= 0), 0) AS new, coalesce(sum(type IN (1, 3) AND queue >= 0), 0) AS learning,
         coalesce(sum(type = 2 AND queue >= 0 AND ivl < 21), 0) AS young, coalesce(sum(type = 2 AND queue >= 0 AND ivl >= 21), 0) AS mature,
         coalesce(sum(queue = -1), 0) AS suspended, coalesce(sum(queue IN (-2, -3)), 0) AS buried
       FROM cards WHERE ${filter.sql}`,
    )
    .get(...filter.params) as CollectionStats['cardCounts'];

  const futureDue = new Array<number>(DAYS_AHEAD).fill(0);
  const dueRows = col
    .prepare(`SELECT max(due - ?, 0) AS day, count(*) AS n FROM cards WHERE queue IN (2, 3) AND ${filter.sql} AND due - ? < ? GROUP BY day`)
    .all(today, ...filter.params, today, DAYS_AHEAD) as { day: number; n: number }[];
  for (const row of dueRows) futureDue[row.day] = (futureDue[row.day] ?? 0) + row.n;

  const reviewsPerDay = Array.from({ length: DAYS_BACK }, () => ({ learn: 0, review: 0, relearn: 0, other: 0 }));
  const perDay = col
    .prepare(
      `SELECT CAST(floor((id / 1000.0 - ?) / 86400) AS INTEGER) AS ago, type, count(*) AS n
       FROM revlog WHERE id >= ? AND ${revFilter} GROUP BY ago, type`,
    )
    .all(nextDayAt - 86_400, dayStartMs - (DAYS_BACK - 1) * 86_400_000, ...filter.params) as { ago: number; type: number; n: number }[];
  for (const row of perDay) {
    const slot = reviewsPerDay[DAYS_BACK - 1 + Math.min(0, row.ago)];
    if (!slot) continue;
    if (row.type === 0) slot.learn += row.n;
    else if (row.type === 1) slot.review += row.n;
    else if (row.type === 2) slot.relearn += row.n;
    else slot.other += row.n;
  }

  const ivls = col.prepare(`SELECT ivl FROM cards WHERE type = 2 AND queue >= 0 AND ${filter.sql}`).pluck().all(...filter.params) as number[];
  const intervals: [number, number][] = INTERVAL_BOUNDS.map((b) => [b, 0]);
  for (const ivl of ivls) {
    const bucket = intervals.find(([bound]) => ivl <= bound) ?? intervals[intervals.length - 1]!;
    bucket[1]++;
  }

  const easeRows = col
    .prepare(`SELECT CAST(factor / 100 AS INTEGER) * 10 AS pct, count(*) AS n FROM cards WHERE type = 2 AND factor > 0 AND ${filter.sql} GROUP BY pct ORDER BY pct`)
    .all(...filter.params) as { pct: number; n: number }[];

  const buttons = { learning: [0, 0, 0, 0], young: [0, 0, 0, 0], mature: [0, 0, 0, 0] };
  const buttonRows = col
    .prepare(
      `SELECT CASE WHEN type IN (0, 2) THEN 'learning' WHEN lastIvl < 21 THEN 'young' ELSE 'mature' END AS kind, ease, count(*) AS n
       FROM revlog WHERE id >= ? AND ease BETWEEN 1 AND 4 AND type IN (0, 1, 2) AND ${revFilter} GROUP BY kind, ease`,
    )
    .all(dayStartMs - (DAYS_BACK - 1) * 86_400_000, ...filter.params) as { kind: keyof typeof buttons; ease: number; n: number }[];
  for (const row of buttonRows) buttons[row.kind][row.ease - 1] = row.n;

  return {
    scope: deckId === null ? 'collection' : 'deck',
    today: { reviews: todayRow.reviews, seconds: Math.round(todayRow.ms / 1000), again: todayRow.again, learn: todayRow.learn, review: todayRow.review, relearn: todayRow.relearn },
    cardCounts: counts,
    futureDue,
    reviewsPerDay,
    intervals,
    ease: easeRows.map((r) => [r.pct, r.n]),
    buttons,
  };
}
