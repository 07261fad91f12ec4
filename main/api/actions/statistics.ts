import { action, type ActionDefinition } from '../registry';
import { p } from '../params';
import { ensureDeck } from '../../engine/decks/store';
import {
  collectionStats,
  deckReviewsSince,
  insertReviews,
  latestReviewId,
  reviewsByDay,
  reviewsOfCards,
  reviewsToday,
  statsHtml,
  type ReviewTuple,
} from '../../engine/stats';
import { ParamError } from '../params';
import { OrderedObject } from '../json';

const reviewTuple = () => ({
  optional: false,
  describe: 'a review row of 9 integers',
  parse(value: unknown, name: string): ReviewTuple {
    if (!Array.isArray(value) || value.length !== 9 || !value.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) {
      throw new ParamError(
        `parameter '${name}' must be a review row of 9 integers (reviewTime, cardID, usn, buttonPressed, newInterval, previousInterval, newFactor, reviewDuration, reviewType)`,
      );
    }
    return value as ReviewTuple;
  },
});

export const statisticActions: ActionDefinition[] = [
  action('getNumCardsReviewedToday', {}, (ctx) => reviewsToday(ctx.host.collection())),

  action('getNumCardsReviewedByDay', {}, (ctx) => reviewsByDay(ctx.host.collection())),

  action('getCollectionStatsHTML', { wholeCollection: p.optional(p.bool(), true) }, (ctx, { wholeCollection }) => {
    const col = ctx.host.collection();
    const deckId = wholeCollection ? null : col.getConfig<number>('curDeck', 1);
    return statsHtml(collectionStats(col, deckId), wholeCollection ? 'Collection statistics' : 'Deck statistics');
  }),

  // Like the add-on, an unknown deck name is created (Anki's decks.id).
  action('cardReviews', { deck: p.string(), startID: p.int() }, (ctx, { deck, startID }) => {
    const col = ctx.host.collection();
    return deckReviewsSince(col, ensureDeck(col, deck), startID);
  }),

  action('getReviewsOfCards', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    const reviews = reviewsOfCards(ctx.host.collection(), cards);
    // Card ids look like integers: keep the request's order, as the add-on's dict does.
    return new OrderedObject(
      [...new Set(cards)].map((id) => [
        String(id),
        (reviews.get(id) ?? []).map(({ id: rid, usn, ease, ivl, lastIvl, factor, time, type }) => ({
          id: rid,
          usn,
          ease,
          ivl,
          lastIvl,
          factor,
          time,
          type,
        })),
      ]),
    );
  }),

  action('getLatestReviewID', { deck: p.string() }, (ctx, { deck }) => {
    const col = ctx.host.collection();
    return latestReviewId(col, ensureDeck(col, deck));
  }),

  action('insertReviews', { reviews: p.array(reviewTuple()) }, (ctx, { reviews }) => {
    if (reviews.length) insertReviews(ctx.host.collection(), reviews);
    return null;
  }),
];
