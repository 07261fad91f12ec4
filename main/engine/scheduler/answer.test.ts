import { describe, expect, it } from 'vitest';
import { defaultDeckConfig } from '../decks/defaults';
import type { CardRow, DeckConfig } from '../model/types';
import { answerCardPure, NORMAL_DECK, prepareCard, type AnswerInput, type CurrentDeck, type Rating } from './answer';
import { parseCardData } from './card-data';
import { schedulingConfig } from './config';
import { nextIntervals } from './next-intervals';

const NOW = 1_800_000_000;
const TIMING = { daysElapsed: 10, nextDayAt: NOW + 16 * 3600, now: NOW };

function card(fields: Partial<CardRow>): CardRow {
  return { id: 1000, nid: 1, did: 1, ord: 0, mod: 0, usn: 0, type: 0, queue: 0, due: 7, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0, flags: 0, data: '{}', ...fields };
}

function preset(change: (c: DeckConfig) => void = () => {}): DeckConfig {
  const conf = defaultDeckConfig(1, 'Default', 0);
  change(conf);
  return conf;
}

function input(c: CardRow, conf: DeckConfig = preset(), extra: Partial<AnswerInput> = {}): AnswerInput {
  return { card: c, config: schedulingConfig(conf), deck: NORMAL_DECK, timing: TIMING, fsrs: false, fuzz: false, ...extra };
}

function answer(c: CardRow, rating: Rating, conf?: DeckConfig, extra?: Partial<AnswerInput>, timeTakenMs = 5000) {
  return answerCardPure(input(c, conf, extra), rating, { answeredAtMs: NOW * 1000 + 250, timeTakenMs });
}

const review = (fields: Partial<CardRow> = {}) => card({ type: 2, queue: 2, ivl: 100, factor: 2500, due: 10, reps: 10, ...fields });

describe('learning a new card (steps 1m 10m)', () => {
  it('Again, Hard, Good: the step delay, "left" and revlog', () => {
    const again = answer(card({}), 1);
    expect(again.card).toMatchObject({ type: 1, queue: 1, due: NOW + 60, left: 2, reps: 1, ivl: 0, factor: 0 });
    expect(again.revlog).toMatchObject({ ease: 1, ivl: -60, lastIvl: 0, factor: 0, type: 0, time: 5000, id: NOW * 1000 + 250 });
    expect(parseCardData(again.card.data)).toEqual({ pos: 7, lrt: NOW });
    expect(answer(card({}), 2).card).toMatchObject({ due: NOW + 330, left: 2 });
    expect(answer(card({}), 3).card).toMatchObject({ due: NOW + 600, left: 1 });
  });

  it('Easy graduates with the easy interval and the initial ease', () => {
    const easy = answer(card({}), 4);
    expect(easy.card).toMatchObject({ type: 2, queue: 2, ivl: 4, due: 14, factor: 2500, left: 0 });
    expect(easy.revlog).toMatchObject({ ease: 4, ivl: 4, lastIvl: 0, factor: 2500, type: 0 });
  });

  it('Good on the last step graduates with the graduating interval', () => {
    const good = answer(card({ type: 1, queue: 1, due: NOW - 5, left: 1, reps: 2 }), 3);
    expect(good.card).toMatchObject({ type: 2, queue: 2, ivl: 1, due: 11, factor: 2500 });
    expect(good.revlog).toMatchObject({ ivl: 1, lastIvl: -600, factor: 2500, type: 0 });
  });

  it('a step reaching the next day boundary becomes a day-learn card', () => {
    const daySteps = preset((c) => (c.new.delays = [1440]));
    const again = answer(card({}), 1, daySteps);
    // (86400 − 57600 s to the cutoff) / 86400 + 1 = 1 day
    expect(again.card).toMatchObject({ type: 1, queue: 3, due: 11, left: 1 });
    expect(again.revlog.ivl).toBe(1);
    // an hour before the cutoff, a 60-minute step also crosses it
    const late = answer(card({}), 1, preset((c) => (c.new.delays = [60])), { timing: { ...TIMING, now: TIMING.nextDayAt - 1800 } });
    expect(late.card).toMatchObject({ queue: 3, due: 11 });
  });

  it('without steps, Again/Hard/Good graduate with the good interval', () => {
    const noSteps = preset((c) => {
      c.new.delays = [];
      c.new.ints = [3, 7, 0];
    });
    for (const rating of [1, 2, 3] as Rating[]) expect(answer(card({}), rating, noSteps).card).toMatchObject({ type: 2, ivl: 3, due: 13 });
    expect(answer(card({}), 4, noSteps).card).toMatchObject({ ivl: 7 });
  });
});

describe('SM-2 reviews', () => {
  it('on time: Hard ×1.2, Good ×ease, Easy ×ease×1.3, with ease changes', () => {
    expect(answer(review(), 2).card).toMatchObject({ ivl: 120, due: 130, factor: 2350 });
    expect(answer(review(), 3).card).toMatchObject({ ivl: 250, due: 260, factor: 2500 });
    expect(answer(review(), 4).card).toMatchObject({ ivl: 325, due: 335, factor: 2650 });
    expect(answer(review(), 3).revlog).toMatchObject({ ease: 3, ivl: 250, lastIvl: 100, factor: 2500, type: 1 });
  });

  it('late: Good adds half the delay, Easy all of it', () => {
    const late = review({ due: 2 }); // 8 days overdue
    expect(answer(late, 3).card.ivl).toBe(260); // (100 + 4) × 2.5
    expect(answer(late, 4).card.ivl).toBe(351); // (100 + 8) × 2.5 × 1.3
  });

  it('applies the interval modifier, the maximum interval and the minimums', () => {
    const modifier = preset((c) => (c.rev.ivlFct = 2));
    const ten = review({ ivl: 10, due: 10 });
    expect([2, 3, 4].map((r) => answer(ten, r as Rating, modifier).card.ivl)).toEqual([24, 50, 65]);
    const capped = preset((c) => (c.rev.maxIvl = 30));
    expect([2, 3, 4].map((r) => answer(review(), r as Rating, capped).card.ivl)).toEqual([30, 30, 30]);
    // hard factor 1: Hard keeps the interval, Good must still grow by a day
    const flat = preset((c) => (c.rev.hardFactor = 1));
    const low = review({ ivl: 1, factor: 1300 });
    expect(answer(low, 2, flat).card.ivl).toBe(1);
    expect(answer(low, 3, flat).card.ivl).toBe(2);
  });

  it('ease never drops below 1.3 and has no ceiling', () => {
    expect(answer(review({ factor: 1300 }), 1).card.factor).toBe(1300);
    expect(answer(review({ factor: 1400 }), 2).card.factor).toBe(1300);
    expect(answer(review({ factor: 5000 }), 4).card.factor).toBe(5150);
  });

  it('Again: a lapse into the relearning step with the new interval', () => {
    const lapse = answer(review(), 1);
    expect(lapse.card).toMatchObject({ type: 3, queue: 1, due: NOW + 600, ivl: 1, factor: 2300, lapses: 1, left: 1 });
    expect(lapse.revlog).toMatchObject({ ease: 1, ivl: -600, lastIvl: 100, factor: 2300, type: 1 });
    const mult = preset((c) => {
      c.lapse.mult = 0.5;
      c.lapse.minInt = 3;
    });
    expect(answer(review(), 1, mult).card.ivl).toBe(50);
    expect(answer(review({ ivl: 4 }), 1, mult).card.ivl).toBe(3);
    // no relearning steps: straight back to review
    const direct = answer(review(), 1, preset((c) => (c.lapse.delays = [])));
    expect(direct.card).toMatchObject({ type: 2, queue: 2, ivl: 1, due: 11, lapses: 1 });
  });

  it('relearning: Good returns to the stored interval, Easy adds a day', () => {
    const relearning = card({ type: 3, queue: 1, due: NOW - 1, ivl: 7, factor: 2300, lapses: 1, left: 1, reps: 5 });
    expect(answer(relearning, 3).card).toMatchObject({ type: 2, queue: 2, ivl: 7, due: 17, factor: 2300 });
    expect(answer(relearning, 4).card).toMatchObject({ ivl: 8, due: 18 });
    expect(answer(relearning, 3).revlog).toMatchObject({ lastIvl: -600, ivl: 7, type: 2, factor: 2300 });
  });

  it('marks leeches at the threshold and every half threshold after it', () => {
    const suspend = preset((c) => (c.lapse.leechAction = 0));
    const eighth = answer(review({ lapses: 7 }), 1, suspend);
    expect(eighth.leeched).toBe(true);
    expect(eighth.card.queue).toBe(-1);
    expect(answer(review({ lapses: 8 }), 1, suspend).leeched).toBe(false);
    expect(answer(review({ lapses: 11 }), 1).leeched).toBe(true);
    const tagOnly = answer(review({ lapses: 11 }), 1);
    expect(tagOnly.card.queue).toBe(1);
    expect(answer(review({ lapses: 50 }), 1, preset((c) => (c.lapse.leechFails = 0))).leeched).toBe(false);
  });

  it('caps the recorded time at the preset’s maximum answer time', () => {
    expect(answer(review(), 3, undefined, undefined, 90_000).revlog.time).toBe(60_000);
  });
});

describe('filtered decks', () => {
  const resched: CurrentDeck = { filtered: true, reschedule: true, previewAgainSecs: 0, previewHardSecs: 0, previewGoodSecs: 0 };
  const preview: CurrentDeck = { filtered: true, reschedule: false, previewAgainSecs: 60, previewHardSecs: 600, previewGoodSecs: 0 };

  it('early reviews get smaller intervals, revlog type 3, and leave the deck', () => {
    const early = review({ did: 50, odid: 1, ivl: 10, due: -100_000, odue: 15 }); // elapsed 5 of 10 days
    const ivls = ([2, 3, 4] as Rating[]).map((r) => answer(early, r, undefined, { deck: resched }).card.ivl);
    expect(ivls).toEqual([6, 13, 14]);
    const good = answer(early, 3, undefined, { deck: resched });
    expect(good.card).toMatchObject({ did: 1, odid: 0, odue: 0, due: 23 });
    expect(good.revlog.type).toBe(3);
  });

  it('a learning step keeps the card in the rescheduling deck', () => {
    const fresh = card({ did: 50, odid: 1, due: -100_000, odue: 3 });
    const again = answer(fresh, 1, undefined, { deck: resched });
    expect(again.card).toMatchObject({ did: 50, odid: 1, queue: 1, due: NOW + 60, odue: NOW + 60 });
  });

  it('preview: delays without rescheduling, Easy (or 0 s) sends the card home', () => {
    const c = review({ did: 50, odid: 1, due: -100_000, odue: 33 });
    const again = answer(c, 1, undefined, { deck: preview });
    expect(again.card).toMatchObject({ queue: 4, due: NOW + 60, reps: 10, ivl: 100, did: 50 });
    expect(again.revlog).toMatchObject({ ivl: -60, lastIvl: -60, factor: 0, type: 3 });
    const home = answer(c, 3, undefined, { deck: preview });
    expect(home.card).toMatchObject({ did: 1, odid: 0, odue: 0, due: 33, queue: 2 });
    expect(parseCardData(home.card.data).lrt).toBeUndefined();
  });
});

describe('FSRS', () => {
  const fsrsInput = (c: CardRow, conf = preset()): Partial<AnswerInput> => ({ fsrs: true, config: schedulingConfig(conf) });

  it('writes memory state, desired retention, decay and the difficulty-based revlog factor', () => {
    const good = answer(card({}), 4, undefined, fsrsInput(card({})));
    const data = parseCardData(good.card.data);
    expect(data.s).toBeCloseTo(8.2956, 4);
    expect(data.dr).toBeCloseTo(0.9, 6);
    expect(data.decay).toBeCloseTo(0.154, 6);
    expect(good.card.ivl).toBe(8); // interval = stability at 90%
    const d = data.d!;
    expect(good.revlog.factor).toBe(Math.round(((d - 1) / 9 + 0.1) * 1000));
  });

  it('derives a missing memory state from the SM-2 interval and ease', () => {
    const r = answer(review({ data: JSON.stringify({ lrt: NOW - 100 * 86400 }) }), 3, undefined, fsrsInput(review()));
    expect(parseCardData(r.card.data).s).toBeGreaterThan(100);
  });

  it('SM-2 answers drop the FSRS memory but keep the decay', () => {
    const r = answer(review({ data: '{"s":50.0,"d":5.0,"dr":0.9,"decay":0.154}' }), 3);
    expect(parseCardData(r.card.data)).toEqual({ decay: Math.fround(0.154), lrt: NOW });
  });
});

describe('next intervals', () => {
  it('describes the four buttons like Anki', () => {
    expect(nextIntervals(input(card({}))).map((b) => b.label)).toEqual(['<1m', '<6m', '<10m', '4d']);
    expect(nextIntervals(input(review())).map((b) => b.label)).toEqual(['<10m', '3.9mo', '8.2mo', '10.7mo']);
    expect(nextIntervals(input(review())).map((b) => b.seconds)).toEqual([600, 120 * 86400, 250 * 86400, 325 * 86400]);
  });

  it('prepares the current state from the card row', () => {
    expect(prepareCard(input(review({ due: 5 }))).states.current).toMatchObject({ kind: 'review', review: { scheduledDays: 100, elapsedDays: 105 } });
  });
});
