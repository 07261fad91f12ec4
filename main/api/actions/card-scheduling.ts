import { action, ActionError, type ActionDefinition } from '../registry';
import { p, ParamError, typeName } from '../params';
import { answerCard, areDue, forgetCards, getIntervals, relearnCards, setDueDate } from '../../engine/scheduler';
import type { Rating } from '../../engine/scheduler/answer';

/**
 * The Card actions that go through the scheduler (spec: Card Actions). Kept apart
 * from the plain card actions so scheduling has one home.
 */

const answerParam = () => ({
  optional: false,
  describe: 'a list of {cardId, ease} objects',
  parse(value: unknown, name: string): { cardId: number; ease: number }[] {
    if (!Array.isArray(value)) throw new ParamError(`parameter '${name}' must be a list, got ${typeName(value)}`);
    return value.map((item, i) => {
      const entry = item as { cardId?: unknown; ease?: unknown } | null;
      if (typeof entry !== 'object' || entry === null) {
        throw new ParamError(`parameter '${name}[${i}]' must be an object with cardId and ease`);
      }
      if (typeof entry.cardId !== 'number' || !Number.isSafeInteger(entry.cardId)) {
        throw new ParamError(`parameter '${name}[${i}].cardId' must be an integer card id`);
      }
      if (typeof entry.ease !== 'number') throw new ParamError(`parameter '${name}[${i}].ease' must be an integer from 1 to 4`);
      return { cardId: entry.cardId, ease: entry.ease };
    });
  },
});

export const cardSchedulingActions: ActionDefinition[] = [
  // A missing card answers false; any other failure (such as an invalid ease) fails the request.
  action('answerCards', { answers: answerParam() }, (ctx, { answers }) => {
    const col = ctx.host.collection();
    for (const { ease } of answers) {
      if (![1, 2, 3, 4].includes(ease)) throw new ActionError(`invalid ease ${ease}: use 1 (Again) to 4 (Easy)`);
    }
    const exists = col.prepare('SELECT 1 FROM cards WHERE id = ?').pluck();
    return col.transact(() =>
      answers.map(({ cardId, ease }) => {
        if (!exists.get(cardId)) return false;
        answerCard(col, cardId, ease as Rating);
        return true;
      }),
    );
  }),

  action('areDue', { cards: p.array(p.id()) }, (ctx, { cards }) => areDue(ctx.host.collection(), cards)),

  action('getIntervals', { cards: p.array(p.id()), complete: p.optional(p.bool(), false) }, (ctx, { cards, complete }) =>
    getIntervals(ctx.host.collection(), cards, complete),
  ),

  // Upstream: "schedule as new" with a revlog row, restoring the original position, keeping counts.
  action('forgetCards', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    forgetCards(ctx.host.collection(), cards, { restorePosition: true, resetCounts: false, log: true });
    return null;
  }),

  action('relearnCards', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    relearnCards(ctx.host.collection(), cards);
    return null;
  }),

  // Not in the spec; upstream: days like "0", "1!", "3-7".
  action('setDueDate', { cards: p.array(p.id()), days: p.string() }, (ctx, { cards, days }) => {
    setDueDate(ctx.host.collection(), cards, days);
    return true;
  }),
];
