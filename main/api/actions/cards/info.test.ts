import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collection } from '../../../engine/collection';
import { addNotes } from '../../../engine/notes/add';
import { notetypeByName } from '../../../engine/notetypes/store';
import { answerCard } from '../../../engine/scheduler/answer-card';
import { pythonJson } from '../../json';
import { WorkerOffload, type Offload } from '../../offload/pool';
import { cardsInfo, OFFLOAD_MIN_CARDS } from './info';

let col: Collection;
let ids: number[];
const offload = new WorkerOffload();

/** Basic and cloze cards in two decks, some reviewed (FSRS history), a missing id and a repeat. */
beforeAll(async () => {
  col = Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-cardsinfo-')), 'collection.sqlite'));
  const basic = notetypeByName(col, 'Basic')!;
  const cloze = notetypeByName(col, 'Cloze')!;
  const notes = Array.from({ length: 1600 }, (_, i) =>
    i % 3 === 0
      ? { notetypeId: cloze.id, deckId: 1, fields: [`{{c1::水}} and {{c2::火}} ${i}`, 'é'], tags: ['t'] }
      : { notetypeId: basic.id, deckId: 1, fields: [`front ${i} 読む`, `back ${i}`] },
  );
  const cards = addNotes(col, notes).flatMap((note) => note.cardIds);
  col.setConfig('fsrs', true);
  for (const id of cards.slice(0, 300)) answerCard(col, id, 3);
  ids = [...cards, 424242, cards[5]!];
  await offload.started();
});

afterAll(async () => {
  await offload.close();
  col.close();
});

describe('cardsInfo', () => {
  it('is large enough here to be split between this thread and the worker', () => {
    expect(ids.length).toBeGreaterThanOrEqual(OFFLOAD_MIN_CARDS);
  });

  it('gives the same reply, byte for byte, whether the worker formats half of it or not', async () => {
    const done: string[] = [];
    const watched: Offload = { run: async (task, input) => done[done.push(await offload.run(task, input)) - 1]!, close: () => offload.close() };
    const alone = pythonJson({ result: await cardsInfo(col, ids), error: null });
    const split = pythonJson({ result: await cardsInfo(col, ids, watched), error: null });
    // The worker really formatted the second half.
    expect(done).toHaveLength(1);
    expect(done[0]!.length).toBeGreaterThan(split.length / 3);
    expect(split).toBe(alone);
    const parsed = JSON.parse(split) as { result: Record<string, unknown>[] };
    expect(parsed.result).toHaveLength(ids.length);
    expect(parsed.result.at(-2)).toEqual({});
    expect(parsed.result.at(-1)).toEqual(parsed.result[5]);
    expect((parsed.result[0]!.nextReviews as string[]).length).toBe(4);
  });

  it('does the whole reply itself when the worker fails', async () => {
    const failing: Offload = { run: () => Promise.reject(new Error('down')), close: async () => undefined };
    const alone = (await cardsInfo(col, ids)).text;
    expect((await cardsInfo(col, ids, failing)).text).toBe(alone);
  });
});
