import type { Collection } from '../../engine/collection';
import type { DeckId } from '../../engine/model/types';
import type { StatsData } from '../../../shared/bridge/study';
import { collectionStats } from '../../engine/stats';
import { requireDeck } from '../../engine/decks/store';

function intervalLabel(bound: number): string {
  if (bound >= 36500) return '> 2y';
  if (bound >= 365) return `≤ ${bound / 365}y`;
  if (bound >= 30) return `≤ ${Math.round(bound / 30)}mo`;
  return `≤ ${bound}d`;
}

/** The statistics page's figures, computed in main from the revlog and cards. */
export function studyStats(col: Collection, deckId: DeckId | null): StatsData {
  const scopeName = deckId === null ? 'Whole collection' : requireDeck(col, deckId).name;
  const stats = collectionStats(col, deckId);
  const days = stats.reviewsPerDay.length;
  const { today } = stats;
  return {
    deckId,
    scopeName,
    today: {
      reviews: today.reviews,
      minutes: Math.round(today.seconds / 6) / 10,
      again: today.again,
      learn: today.learn,
      review: today.review,
      relearn: today.relearn,
      correctPercent: today.reviews ? Math.round(((today.reviews - today.again) / today.reviews) * 1000) / 10 : 0,
    },
    cardCounts: stats.cardCounts,
    reviewsPerDay: stats.reviewsPerDay.map((d, i) => ({ day: i - (days - 1), ...d })),
    futureDue: stats.futureDue.map((count, day) => ({ day, count })),
    intervals: stats.intervals.map(([bound, count]) => ({ label: intervalLabel(bound), count })),
    answerButtons: (['learning', 'young', 'mature'] as const).map((kind) => ({ kind, counts: [...stats.buttons[kind]] })),
  };
}
