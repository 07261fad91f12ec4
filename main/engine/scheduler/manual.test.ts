import { describe, expect, it } from 'vitest';
import { ensureDeck } from '../decks/store';
import { buryCards, unburyCards, unburyDeck } from './bury';
import { parseCardData } from './card-data';
import { forgetCards } from './forget';
import { areDue, getIntervals } from './intervals';
import { relearnCards } from './relearn';
import { repositionNewCards } from './reposition';
import { parseDueDate, setDueDate } from './set-due-date';
import { suspendCards, unsuspendCards } from './suspend';
import { addNote, card, START_MS, testCollection, TODAY } from './unit.testkit';

const NOW = START_MS / 1000;
const revlog = (col: ReturnType<typeof testCollection>['col']) => col.db.prepare('SELECT ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id').all();

describe('set due date', () => {
  it('parses "0", "1-7", "3!" and refuses anything else', () => {
    expect(parseDueDate('0')).toEqual({ min: 0, max: 0, forceReset: false });
    expect(parseDueDate('7-1')).toEqual({ min: 1, max: 7, forceReset: false });
    expect(parseDueDate('3!')).toEqual({ min: 3, max: 3, forceReset: true });
    for (const bad of ['', '-1', '1.5', 'x', '3 ']) expect(() => parseDueDate(bad)).toThrow(/invalid due date/);
  });

  it('turns a new card into a review card due today, with the initial ease and a manual revlog row', () => {
    const { col } = testCollection();
    const [fresh] = addNote(col, [{ due: 12 }]);
    setDueDate(col, [fresh!.id], '0');
    expect(card(col, fresh!.id)).toMatchObject({ type: 2, queue: 2, due: TODAY, ivl: 1, factor: 2500, mod: NOW, usn: -1 });
    expect(parseCardData(card(col, fresh!.id).data).pos).toBe(12);
    expect(revlog(col)).toEqual([{ ease: 0, ivl: 1, lastIvl: 0, factor: 2500, time: 0, type: 4 }]);
  });

  it('keeps a review card’s interval unless "!" resets it', () => {
    const { col } = testCollection();
    const [a, b] = addNote(col, [
      { type: 2, queue: 2, ivl: 40, factor: 2100, due: TODAY + 3 },
      { type: 2, queue: 2, ivl: 40, factor: 2100, due: TODAY + 3 },
    ]);
    setDueDate(col, [a!.id], '5');
    setDueDate(col, [b!.id], '5!');
    expect(card(col, a!.id)).toMatchObject({ due: TODAY + 5, ivl: 40, factor: 2100 });
    expect(card(col, b!.id)).toMatchObject({ due: TODAY + 5, ivl: 5 });
    expect(revlog(col)).toEqual([
      { ease: 0, ivl: 40, lastIvl: 40, factor: 2100, time: 0, type: 4 },
      { ease: 0, ivl: 5, lastIvl: 40, factor: 2100, time: 0, type: 4 },
    ]);
  });

  it('picks a day in the range', () => {
    const { col } = testCollection();
    const cards = Array.from({ length: 20 }, () => addNote(col, [{}])[0]!.id);
    setDueDate(col, cards, '1-7');
    for (const id of cards) {
      expect(card(col, id).due).toBeGreaterThanOrEqual(TODAY + 1);
      expect(card(col, id).due).toBeLessThanOrEqual(TODAY + 7);
    }
    const [x] = addNote(col, [{}]);
    setDueDate(col, [x!.id], '1-7', { random: () => 0.99 });
    expect(card(col, x!.id).due).toBe(TODAY + 7);
  });
});

describe('forget', () => {
  it('makes cards new again at their old position, logging a reset', () => {
    const { col } = testCollection();
    col.setConfig('nextPos', 50);
    const [known, unknown] = addNote(col, [
      { type: 2, queue: 2, ivl: 30, factor: 2300, due: TODAY, reps: 8, lapses: 2, data: '{"pos":4,"s":3.0,"d":5.0,"lrt":1}' },
      { type: 2, queue: 2, ivl: 9, factor: 2300, due: TODAY, reps: 3 },
    ]);
    expect(forgetCards(col, [known!.id, unknown!.id])).toBe(2);
    expect(card(col, known!.id)).toMatchObject({ type: 0, queue: 0, due: 4, ivl: 0, factor: 0, reps: 8, lapses: 2 });
    expect(card(col, known!.id).data).toBe('{"lrt":1}');
    expect(card(col, unknown!.id)).toMatchObject({ due: 50 });
    expect(col.getConfig('nextPos', 0)).toBe(51);
    expect(revlog(col)).toEqual([
      { ease: 0, ivl: 0, lastIvl: 30, factor: 0, time: 0, type: 4 },
      { ease: 0, ivl: 0, lastIvl: 9, factor: 0, time: 0, type: 4 },
    ]);
  });

  it('can reset counts and ignore the old position', () => {
    const { col } = testCollection();
    col.setConfig('nextPos', 7);
    const [a] = addNote(col, [{ type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY, reps: 4, lapses: 1, data: '{"pos":2}' }]);
    forgetCards(col, [a!.id], { restorePosition: false, resetCounts: true, log: false });
    expect(card(col, a!.id)).toMatchObject({ due: 7, reps: 0, lapses: 0 });
    expect(revlog(col)).toEqual([]);
  });
});

describe('reposition', () => {
  it('numbers notes in the given order; siblings share a position', () => {
    const { col } = testCollection();
    const [a1, a2] = addNote(col, [{ due: 1 }, { due: 1 }]);
    const [b] = addNote(col, [{ due: 2 }]);
    const [r] = addNote(col, [{ type: 2, queue: 2, ivl: 1, factor: 2500, due: TODAY }]);
    expect(repositionNewCards(col, [b!.id, a1!.id, a2!.id, r!.id], { start: 10, step: 5 })).toBe(3);
    expect([card(col, b!.id).due, card(col, a1!.id).due, card(col, a2!.id).due, card(col, r!.id).due]).toEqual([10, 15, 15, TODAY]);
  });

  it('shifts existing new cards out of the way', () => {
    const { col } = testCollection();
    const [x] = addNote(col, [{ due: 3 }]);
    const [y] = addNote(col, [{ due: 8 }]);
    const [z] = addNote(col, [{ due: 1 }]);
    repositionNewCards(col, [z!.id], { start: 3, step: 1, shift: true });
    expect([card(col, x!.id).due, card(col, y!.id).due, card(col, z!.id).due]).toEqual([4, 9, 3]);
  });
});

describe('bury, suspend and relearn', () => {
  it('buries and suspends, never burying a suspended card, and restores queues from type', () => {
    const { col } = testCollection();
    const [n, r, l, s] = addNote(col, [{}, { type: 2, queue: 2, ivl: 2, factor: 2500, due: TODAY }, { type: 1, queue: 1, due: NOW + 60, left: 1 }, { queue: -1 }]);
    const ids = [n!.id, r!.id, l!.id, s!.id];
    expect(buryCards(col, ids)).toBe(3);
    expect(ids.map((id) => card(col, id).queue)).toEqual([-3, -3, -3, -1]);
    expect(unburyCards(col, ids)).toBe(4);
    expect(ids.map((id) => card(col, id).queue)).toEqual([0, 2, 1, 0]);
    expect(suspendCards(col, [r!.id, r!.id])).toBe(1);
    expect(card(col, r!.id).queue).toBe(-1);
    expect(unsuspendCards(col, [r!.id])).toBe(1);
    expect(card(col, r!.id).queue).toBe(2);
  });

  it('unburies a deck by burial kind', () => {
    const { col } = testCollection();
    const deck = ensureDeck(col, 'D');
    const [a, b] = addNote(col, [{ deckId: deck, queue: -2 }, { deckId: deck, queue: -3 }]);
    expect(unburyDeck(col, deck, 'sched')).toBe(1);
    expect([card(col, a!.id).queue, card(col, b!.id).queue]).toEqual([0, -3]);
    expect(unburyDeck(col, deck)).toBe(1);
    expect(() => unburyDeck(col, 999)).toThrow(/not found/);
  });

  it('relearnCards sets type 3 / queue 1 and nothing else', () => {
    const { col } = testCollection();
    const [a] = addNote(col, [{ type: 2, queue: 2, ivl: 9, factor: 2500, due: TODAY }]);
    const before = card(col, a!.id);
    expect(relearnCards(col, [a!.id, 12345])).toBe(1);
    expect(card(col, a!.id)).toEqual({ ...before, type: 3, queue: 1 });
  });
});

describe('interval queries', () => {
  it('getIntervals: last revlog interval (or all), 0 for new cards, an error without history', () => {
    const { col } = testCollection();
    const [fresh] = addNote(col, [{}]);
    const [rev] = addNote(col, [{ type: 2, queue: 2, ivl: 9, factor: 2500, due: TODAY }]);
    const insert = col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, ?, ?, 2500, 1000, 1)');
    insert.run(1, rev!.id, -600, 0);
    insert.run(2, rev!.id, 9, -600);
    expect(getIntervals(col, [fresh!.id, rev!.id])).toEqual([0, 9]);
    expect(getIntervals(col, [rev!.id], true)).toEqual([[-600, 9]]);
    expect(getIntervals(col, [999], true)).toEqual([[]]);
    expect(() => getIntervals(col, [999])).toThrow(/list index out of range/);
  });

  it('areDue: new cards are due; reviews by day; long learning steps by time', () => {
    const { col } = testCollection();
    const [fresh] = addNote(col, [{}]);
    const [due] = addNote(col, [{ type: 2, queue: 2, ivl: 9, factor: 2500, due: TODAY }]);
    const [later] = addNote(col, [{ type: 2, queue: 2, ivl: 9, factor: 2500, due: TODAY + 1 }]);
    const [step] = addNote(col, [{ type: 1, queue: 1, due: NOW + 3000, left: 1 }]);
    const insert = col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, ?, 0, 0, 0, 1)');
    insert.run(1, due!.id, 9);
    insert.run(2, later!.id, 9);
    insert.run(START_MS - 1000 * 1000, step!.id, -3600); // answered 1000 s ago, a 1-hour step
    expect(areDue(col, [fresh!.id, due!.id, later!.id, step!.id])).toEqual([true, true, false, false]);
  });
});
