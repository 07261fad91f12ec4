import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import { addNote } from '../../engine/notes';
import { notetypeByName } from '../../engine/notetypes/store';

let server: TestServer;
let clock = Date.UTC(2026, 10, 28, 12, 0, 0);

beforeAll(async () => {
  server = await startTestServer({}, { now: () => clock });
});
afterAll(() => server.close());

function newCard(front: string): number {
  const col = server.engram.profiles.collection()!;
  return addNote(col, { notetypeId: notetypeByName(col, 'Basic')!.id, deckId: 1, fields: [front, 'back'] }).cardIds[0]!;
}

function card(id: number) {
  return server.engram.profiles.collection()!.prepare('SELECT type, queue, due, ivl, reps, left FROM cards WHERE id = ?').get(id) as {
    type: number;
    queue: number;
    due: number;
    ivl: number;
    reps: number;
    left: number;
  };
}

describe('answerCards', () => {
  it('answers each card, false for a missing one, and writes revlog rows', async () => {
    const a = newCard('a1');
    const b = newCard('a2');
    expect(await server.call('answerCards', { answers: [{ cardId: a, ease: 3 }, { cardId: 999, ease: 3 }, { cardId: b, ease: 4 }] })).toEqual([true, false, true]);
    expect(card(a)).toMatchObject({ type: 1, queue: 1, reps: 1, left: 1 });
    expect(card(b)).toMatchObject({ type: 2, queue: 2, reps: 1 });
    // Easy on a new card graduates with the easy interval (4 days), fuzzed by ±1 day.
    expect(card(b).ivl).toBeGreaterThanOrEqual(3);
    expect(card(b).ivl).toBeLessThanOrEqual(5);
    expect(await server.call('getIntervals', { cards: [a, b] })).toEqual([-600, card(b).ivl]);
  });

  it('fails the whole request on an invalid ease, changing nothing', async () => {
    const a = newCard('a3');
    const reply = await server.envelope('answerCards', { answers: [{ cardId: a, ease: 3 }, { cardId: a, ease: 7 }] });
    expect(reply.error).toBe('invalid ease 7: use 1 (Again) to 4 (Easy)');
    expect(card(a)).toMatchObject({ type: 0, reps: 0 });
  });

  it('names a malformed answer list', async () => {
    const reply = await server.envelope('answerCards', { answers: [{ card: 1 }] });
    expect(reply.error).toBe("parameter 'answers[0].cardId' must be an integer card id");
  });
});

describe('areDue and getIntervals', () => {
  it('treats new cards as due and reads the last answer otherwise', async () => {
    const fresh = newCard('d1');
    const learning = newCard('d2');
    const review = newCard('d3');
    await server.call('answerCards', { answers: [{ cardId: learning, ease: 3 }, { cardId: review, ease: 4 }] });
    expect(await server.call('areDue', { cards: [fresh, learning, review] })).toEqual([true, true, false]);
    clock += 5 * 86_400_000;
    expect(await server.call('areDue', { cards: [review] })).toEqual([true]);
  });

  it('errors like the add-on for cards without history', async () => {
    expect((await server.envelope('areDue', { cards: [4242] })).error).toBe('list index out of range');
    expect((await server.envelope('getIntervals', { cards: [4242] })).error).toBe('list index out of range');
    expect(await server.call('getIntervals', { cards: [4242], complete: true })).toEqual([[]]);
  });

  it('gives 0 for new cards and the whole history with complete', async () => {
    const fresh = newCard('i1');
    const studied = newCard('i2');
    await server.call('answerCards', { answers: [{ cardId: studied, ease: 3 }] });
    await server.call('answerCards', { answers: [{ cardId: studied, ease: 3 }] });
    expect(await server.call('getIntervals', { cards: [fresh, studied], complete: true })).toEqual([0, [-600, 1]]);
  });
});

describe('relearnCards', () => {
  it('puts cards into relearning like the add-on', async () => {
    const id = newCard('r1');
    expect(await server.call('relearnCards', { cards: [id] })).toBeNull();
    expect(card(id)).toMatchObject({ type: 3, queue: 1 });
  });
});

describe('forgetCards and setDueDate', () => {
  it('forgets studied cards back to new, keeping their original position, with a manual revlog row', async () => {
    const id = newCard('f1');
    const position = card(id).due;
    await server.call('answerCards', { answers: [{ cardId: id, ease: 4 }] });
    expect(card(id).type).toBe(2);
    expect(await server.call('forgetCards', { cards: [id] })).toBeNull();
    expect(card(id)).toMatchObject({ type: 0, queue: 0, due: position, ivl: 0 });
    const rows = await server.call<Record<string, { ease: number; type: number }[]>>('getReviewsOfCards', { cards: [id] });
    expect(rows[String(id)]!.at(-1)).toMatchObject({ ease: 0, type: 4 });
  });

  it('sets due dates like Anki ("0", "3!", ranges) and rejects malformed specs', async () => {
    const id = newCard('s1');
    expect(await server.call('setDueDate', { cards: [id], days: '3!' })).toBe(true);
    expect(card(id)).toMatchObject({ type: 2, queue: 2, ivl: 3 });
    expect(await server.call('setDueDate', { cards: [id], days: '0' })).toBe(true);
    const bad = await server.envelope('setDueDate', { cards: [id], days: 'soon' });
    expect(bad.error).toBeTruthy();
  });
});
