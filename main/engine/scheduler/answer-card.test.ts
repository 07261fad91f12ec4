import { describe, expect, it } from 'vitest';
import { deckById, ensureDeck, saveDeck } from '../decks/store';
import { EngineError } from '../errors';
import { answerCard } from './answer-card';
import { parseCardData } from './card-data';
import { canUndoAnswer, undoLastAnswer } from './undo';
import { addNote, card, editPreset, START_MS, testCollection, TODAY } from './unit.testkit';

describe('answerCard', () => {
  it('updates the card, writes one revlog row and counts the study on the deck and its parents', () => {
    const { col } = testCollection();
    const child = ensureDeck(col, 'Lang::French');
    const [fresh] = addNote(col, [{ deckId: child, due: 3 }]);
    const result = answerCard(col, fresh!.id, 3, { timeTakenMs: 4200, fuzz: false });
    expect(result.card).toMatchObject({ type: 1, queue: 1, left: 1, reps: 1, due: START_MS / 1000 + 600 });
    expect(card(col, fresh!.id)).toEqual(result.card);
    const revlog = col.db.prepare('SELECT * FROM revlog').all();
    expect(revlog).toEqual([{ id: START_MS, cid: fresh!.id, usn: -1, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 4200, type: 0 }]);
    for (const name of ['Lang::French', 'Lang']) {
      const deck = deckById(col, ensureDeck(col, name))!;
      expect(deck.newToday).toEqual([TODAY, 1]);
      expect(deck.revToday).toEqual([TODAY, 0]);
      expect(deck.timeToday).toEqual([TODAY, 4200]);
    }
  });

  it('counts reviews (and interday learning) against the review counter', () => {
    const { col } = testCollection();
    const [review] = addNote(col, [{ type: 2, queue: 2, ivl: 5, factor: 2500, due: TODAY, reps: 3 }]);
    const [dayLearn] = addNote(col, [{ type: 1, queue: 3, due: TODAY, left: 1, reps: 2 }]);
    answerCard(col, review!.id, 3, { fuzz: false });
    answerCard(col, dayLearn!.id, 3, { fuzz: false });
    expect(deckById(col, 1)!.revToday).toEqual([TODAY, 2]);
  });

  it('resets yesterday’s counters', () => {
    const { col } = testCollection();
    col.transact(() => {
      const deck = { ...deckById(col, 1)!, newToday: [TODAY - 1, 9] as [number, number], revToday: [TODAY - 1, 4] as [number, number] };
      col.db.prepare('UPDATE decks SET json = ? WHERE id = 1').run(JSON.stringify(deck));
      col.invalidate('decks');
    });
    const [fresh] = addNote(col, [{}]);
    answerCard(col, fresh!.id, 1, { fuzz: false });
    expect(deckById(col, 1)!.newToday).toEqual([TODAY, 1]);
    expect(deckById(col, 1)!.revToday).toEqual([TODAY, 0]);
  });

  it('buries siblings per preset, but never review siblings of a new card', () => {
    const { col } = testCollection();
    editPreset(col, (c) => {
      c.new.bury = true;
      c.rev.bury = true;
    });
    const [a, newSibling, reviewSibling] = addNote(col, [{}, {}, { type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY }]);
    const result = answerCard(col, a!.id, 3, { fuzz: false });
    expect(result.buried).toEqual([newSibling!.id]);
    expect(card(col, newSibling!.id).queue).toBe(-2);
    expect(card(col, reviewSibling!.id).queue).toBe(2);
    // answering the review buries the remaining review-queue siblings too
    const [r, r2] = addNote(col, [{ type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY }, { type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY }]);
    answerCard(col, r!.id, 3, { fuzz: false });
    expect(card(col, r2!.id).queue).toBe(-2);
  });

  it('tags a leech (and suspends it when the preset says so)', () => {
    const { col } = testCollection();
    editPreset(col, (c) => {
      c.lapse.leechFails = 2;
      c.lapse.leechAction = 0;
    });
    const [leech] = addNote(col, [{ type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY, lapses: 1 }], ' Verb ');
    const result = answerCard(col, leech!.id, 1, { fuzz: false });
    expect(result.leeched).toBe(true);
    expect(card(col, leech!.id).queue).toBe(-1);
    expect(col.db.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(leech!.nid)).toBe(' leech Verb ');
    expect(col.db.prepare("SELECT tag FROM tags WHERE tag = 'leech'").pluck().get()).toBe('leech');
  });

  it('undo restores the card, revlog, deck counters, buried siblings and tags', () => {
    const { col } = testCollection();
    editPreset(col, (c) => {
      c.new.bury = true;
      c.lapse.leechFails = 1;
    });
    const [a, b] = addNote(col, [{ type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY }, {}], '');
    const deckBefore = structuredClone(deckById(col, 1));
    const before = [card(col, a!.id), card(col, b!.id)];
    answerCard(col, a!.id, 1, { fuzz: false });
    expect(canUndoAnswer(col)).toBe(true);
    expect(undoLastAnswer(col)).toEqual(before[0]);
    expect([card(col, a!.id), card(col, b!.id)]).toEqual(before);
    expect(col.db.prepare('SELECT count(*) FROM revlog').pluck().get()).toBe(0);
    expect(deckById(col, 1)).toEqual(deckBefore);
    expect(col.db.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(a!.nid)).toBe('');
    expect(undoLastAnswer(col)).toBeUndefined();
  });

  it('undo keeps unrelated changes made since (deck rename, other tags)', () => {
    const { col } = testCollection();
    editPreset(col, (c) => (c.lapse.leechFails = 1));
    const [a] = addNote(col, [{ type: 2, queue: 2, ivl: 3, factor: 2500, due: TODAY }], '');
    answerCard(col, a!.id, 1, { fuzz: false });
    col.transact(() => saveDeck(col, { ...deckById(col, 1)!, name: 'Renamed' }));
    col.db.prepare("UPDATE notes SET tags = ' extra leech ' WHERE id = ?").run(a!.nid);
    undoLastAnswer(col);
    expect(deckById(col, 1)!.name).toBe('Renamed');
    expect(deckById(col, 1)!.revToday).toEqual([0, 0]);
    expect(col.db.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(a!.nid)).toBe(' extra ');
  });

  it('refuses to undo when the card changed after the answer', () => {
    const { col } = testCollection();
    const [a] = addNote(col, [{}]);
    answerCard(col, a!.id, 3, { fuzz: false });
    col.db.prepare('UPDATE cards SET flags = 1 WHERE id = ?').run(a!.id);
    expect(() => undoLastAnswer(col)).toThrow(/changed/);
  });

  it('rejects bad input with clear errors and changes nothing', () => {
    const { col } = testCollection();
    const [a] = addNote(col, [{}]);
    expect(() => answerCard(col, 42, 3)).toThrow(EngineError);
    expect(() => answerCard(col, 42, 3)).toThrow(/not found/);
    expect(() => answerCard(col, a!.id, 5 as 1)).toThrow(/invalid ease/);
    expect(card(col, a!.id).reps).toBe(0);
  });

  it('fuzzes with Anki’s seed by default (card id + reps)', () => {
    const { col } = testCollection();
    const [a] = addNote(col, [{ type: 2, queue: 2, ivl: 30, factor: 2500, due: TODAY }]);
    const fuzzed = answerCard(col, a!.id, 3).card.ivl;
    // 75 ± (1 + 0.15×4.5 + 0.1×13 + 0.05×55 = 5.725) → 69..81
    expect(fuzzed).toBeGreaterThanOrEqual(69);
    expect(fuzzed).toBeLessThanOrEqual(81);
    expect(fuzzed).not.toBe(75);
    expect(parseCardData(card(col, a!.id).data).lrt).toBe(START_MS / 1000);
  });

  it('uses FSRS when the collection switch is on', () => {
    const { col } = testCollection();
    col.setConfig('fsrs', true);
    const [a] = addNote(col, [{}]);
    const result = answerCard(col, a!.id, 4, { fuzz: false });
    expect(parseCardData(result.card.data).s).toBeCloseTo(8.2956, 4);
    // Easy's initial difficulty w4 − e^(3·w5) + 1 is below 1, clamped to 1: factor (0 + 0.1) × 1000
    expect(parseCardData(result.card.data).d).toBe(1);
    expect(result.revlog.factor).toBe(100);
  });
});
