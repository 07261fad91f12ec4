import { action, ActionError, type ActionDefinition } from '../registry';
import { p, ParamError, typeName } from '../params';
import type { Collection } from '../../engine/collection';
import type { CardId } from '../../engine/model/types';
import { answerCard } from '../../engine/scheduler/answer-card';
import type { Rating } from '../../engine/scheduler/answer';

/**
 * The Card actions that go through the scheduler (spec: Card Actions). Kept apart
 * from the plain card actions so scheduling has one home.
 */

interface CardBasics {
  type: number;
  queue: number;
  due: number;
}

function cardBasics(col: Collection, id: CardId): CardBasics | undefined {
  return col.prepare('SELECT type, queue, due FROM cards WHERE id = ?').get(id) as CardBasics | undefined;
}

function revlogIntervals(col: Collection, id: CardId): { id: number; ivl: number }[] {
  return col.prepare('SELECT id, ivl FROM revlog WHERE cid = ? ORDER BY id').all(id) as { id: number; ivl: number }[];
}

/** Anki's is:due for one card. */
function isDueNow(col: Collection, card: CardBasics): boolean {
  const { daysElapsed, now } = col.timing();
  const learnAhead = now + col.getConfig<number>('collapseTime', 1200);
  if (card.queue === 2 || card.queue === 3) return card.due <= daysElapsed;
  if (card.queue === 1 || card.queue === 4) return card.due <= learnAhead;
  return false;
}

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
    return col.transact(() =>
      answers.map(({ cardId, ease }) => {
        if (!cardBasics(col, cardId)) return false;
        answerCard(col, cardId, ease as Rating);
        return true;
      }),
    );
  }),

  // The add-on's rule: new cards are due; otherwise the last answer decides. A non-new
  // card without history (or a missing id) fails the request as the add-on's IndexError does.
  action('areDue', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    const col = ctx.host.collection();
    const nowSecs = col.nowSecs();
    return cards.map((id) => {
      const card = cardBasics(col, id);
      if (card?.type === 0) return true;
      const last = revlogIntervals(col, id).pop();
      if (!card || !last) throw new ActionError('list index out of range');
      if (last.ivl >= -1200) return isDueNow(col, card);
      return Math.floor(last.id / 1000) - last.ivl <= nowSecs;
    });
  }),

  action('getIntervals', { cards: p.array(p.id()), complete: p.optional(p.bool(), false) }, (ctx, { cards, complete }) => {
    const col = ctx.host.collection();
    return cards.map((id) => {
      if (cardBasics(col, id)?.type === 0) return 0;
      const history = revlogIntervals(col, id).map((r) => r.ivl);
      if (complete) return history;
      if (!history.length) throw new ActionError('list index out of range');
      return history[history.length - 1];
    });
  }),

  // The add-on's raw update: type relearning, intraday learning queue; nothing else changes.
  action('relearnCards', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    const col = ctx.host.collection();
    col.transact(() => {
      const update = col.prepare('UPDATE cards SET type = 3, queue = 1 WHERE id = ?');
      for (const id of cards) update.run(id);
    });
    return null;
  }),
];
