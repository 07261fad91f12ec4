import type { Collection } from '../../engine/collection';
import type { DeckId } from '../../engine/model/types';
import type { DeckOverviewData, StudyCounts } from '../../../shared/bridge/study';
import { studyQueue } from './scheduler-port';
import { deckAndChildren, requireDeck } from '../../engine/decks/store';

function deckIdsJson(col: Collection, deckId: DeckId): string {
  return JSON.stringify(deckAndChildren(col, deckId).map((d) => d.id));
}

/** Counts of the deck and its children without daily limits. */
function unlimitedCounts(col: Collection, ids: string): StudyCounts & { total: number; suspended: number; buried: number } {
  const { daysElapsed, now } = col.timing();
  const learnCutoff = now + col.getConfig<number>('collapseTime', 1200);
  const row = col
    .prepare(
      `SELECT coalesce(sum(queue = 0), 0) AS n,
         coalesce(sum((queue IN (1, 4) AND due < ?) OR (queue = 3 AND due <= ?)), 0) AS l,
         coalesce(sum(queue = 2 AND due <= ?), 0) AS r,
         count(*) AS t, coalesce(sum(queue = -1), 0) AS s, coalesce(sum(queue IN (-2, -3)), 0) AS b
       FROM cards WHERE did IN (SELECT value FROM json_each(?))`,
    )
    .get(learnCutoff, daysElapsed, daysElapsed, ids) as { n: number; l: number; r: number; t: number; s: number; b: number };
  return { newCount: row.n, learnCount: row.l, reviewCount: row.r, total: row.t, suspended: row.s, buried: row.b };
}

function studiedToday(col: Collection, ids: string): number {
  const dayStartMs = (col.timing().nextDayAt - 86_400) * 1000;
  return col
    .prepare(
      `SELECT count(*) FROM revlog WHERE id >= ? AND ease > 0
       AND cid IN (SELECT id FROM cards WHERE did IN (SELECT value FROM json_each(?)) OR odid IN (SELECT value FROM json_each(?)))`,
    )
    .pluck()
    .get(dayStartMs, ids, ids) as number;
}

/** What the deck overview shows: today's counts, whether a daily limit hides cards, the description. */
export function deckOverview(col: Collection, deckId: DeckId): DeckOverviewData {
  const deck = requireDeck(col, deckId);
  const ids = deckIdsJson(col, deckId);
  const raw = unlimitedCounts(col, ids);
  const counts = studyQueue(col, deckId).counts;
  return {
    deckId,
    name: deck.name,
    description: deck.desc ?? '',
    filtered: deck.dyn === 1,
    counts,
    unlimited: { newCount: raw.newCount, learnCount: raw.learnCount, reviewCount: raw.reviewCount },
    limitsReached: { newLimit: raw.newCount > counts.newCount, reviewLimit: raw.reviewCount > counts.reviewCount },
    studiedToday: studiedToday(col, ids),
    totalCards: raw.total,
    suspendedCards: raw.suspended,
    buriedCards: raw.buried,
  };
}
