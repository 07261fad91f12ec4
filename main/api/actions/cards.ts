import { action, ActionError, type ActionDefinition } from '../registry';
import { p } from '../params';
import { cardModTimes, cardsByIds, noteIdsOfCards, requireCard } from '../../engine/cards/query';
import { checkEaseFactor, setEaseFactors } from '../../engine/cards/values';
import { CardQueue } from '../../engine/model/types';
import { findCards } from '../../engine/search';
import { cardsInfo } from './cards/info';
import { sharedOffload } from '../offload/pool';
import { setSpecificValueOfCard } from './cards/set-value';
import { addonSuspend } from './cards/suspend';

const cardIds = () => p.array(p.id());

/** Card actions other than scheduling (answerCards, areDue, getIntervals, forget/relearn live elsewhere). */
export const cardActions: ActionDefinition[] = [
  action('findCards', { query: p.optional(p.nullable(p.string()), null) }, (ctx, { query }) =>
    query === null ? [] : findCards(ctx.host.collection(), query),
  ),

  action('cardsToNotes', { cards: cardIds() }, (ctx, { cards }) => noteIdsOfCards(ctx.host.collection(), cards)),

  action('cardsModTime', { cards: cardIds() }, (ctx, { cards }) => {
    const mods = cardModTimes(ctx.host.collection(), cards);
    return cards.map((id) => (mods.has(id) ? { cardId: id, mod: mods.get(id) } : {}));
  }),

  action('cardsInfo', { cards: cardIds() }, (ctx, { cards }) => cardsInfo(ctx.host.collection(), cards, sharedOffload())),

  action('suspend', { cards: cardIds(), suspend: p.optional(p.bool(), true) }, (ctx, { cards, suspend }) =>
    addonSuspend(ctx.host.collection(), cards, suspend),
  ),

  // The add-on discards the inner result, so this always answers null.
  action('unsuspend', { cards: cardIds() }, (ctx, { cards }) => {
    addonSuspend(ctx.host.collection(), cards, false);
    return null;
  }),

  action('suspended', { card: p.id() }, (ctx, { card }) => requireCard(ctx.host.collection(), card).queue === CardQueue.Suspended),

  action('areSuspended', { cards: cardIds() }, (ctx, { cards }) => {
    const known = cardsByIds(ctx.host.collection(), cards);
    return cards.map((id) => {
      const card = known.get(id);
      return card ? card.queue === CardQueue.Suspended : null;
    });
  }),

  action('getEaseFactors', { cards: cardIds() }, (ctx, { cards }) => {
    const known = cardsByIds(ctx.host.collection(), cards);
    return cards.map((id) => known.get(id)?.factor ?? null);
  }),

  action('setEaseFactors', { cards: cardIds(), easeFactors: p.array(p.any()) }, (ctx, { cards, easeFactors }) => {
    const col = ctx.host.collection();
    const known = cardsByIds(col, cards);
    const changes: [number, number][] = [];
    const results = cards.map((id, i) => {
      if (!known.has(id)) return false;
      // The add-on reads easeFactors[i] only for cards that exist.
      if (i >= easeFactors.length) throw new ActionError('list index out of range');
      changes.push([id, checkEaseFactor(easeFactors[i])]);
      return true;
    });
    setEaseFactors(col, changes);
    return results;
  }),

  action(
    'setSpecificValueOfCard',
    { card: p.any(), keys: p.any(), newValues: p.any(), warning_check: p.optional(p.any(), false) },
    (ctx, params) => setSpecificValueOfCard(ctx.host.collection(), params),
  ),
];
