import { beforeAll, describe, expect, it } from 'vitest';
import { runOracle } from '../../testing/oracle';
import { applyDeckEvent, checkAnswer, newTally, worldContext, type SimOutput, type Tally } from './oracle-compare.testkit';
import { buildPlan } from './oracle-plan.testkit';
import { checkCounts, replayWorld } from './oracle-replay.testkit';

/**
 * Differential test against the official engine (anki 26.9.3, fuzz off via
 * ANKI_TEST_MODE). sched_sim.py builds ten collections from a seeded plan —
 * SM-2 and FSRS (default, explicit FSRS-6, FSRS-5 and FSRS-4.5 params), random
 * presets (steps none / minutes / ≥1 day, limits, multipliers, burying, leeches),
 * new, learning, review and relearning cards, filtered decks (rescheduling and
 * preview), days advanced by time travel — and answers over 10,000 cards.
 * Engram must reproduce each answer from the same starting row (pure state
 * machine), the deck browser and study-screen counts and the queue order at
 * recorded moments, and, replaying everything on its own database, every answer
 * and the final cards, revlog, deck counters and note tags.
 *
 * A second, smaller run keeps Anki's fuzz on (load balancer off): Engram's
 * reproduction of rand's ChaCha12 StdRng must pick the same fuzzed days and
 * learning delays.
 */

const PLAN = { seed: 20269, worlds: 10, notesPerWorld: 60, days: 11, answersPerDay: 100 };
const FUZZ_PLAN = { seed: 4242, worlds: 4, notesPerWorld: 50, days: 6, answersPerDay: 80 };

function line(name: string, t: Tally): string {
  const tolerance = t.withinLibmTolerance ? ` (${t.withinLibmTolerance} of the passes within the libm tolerance)` : '';
  const skipped = t.skipped ? `, ${t.skipped} skipped (clock crossed a second)` : '';
  return `${name}: ${t.passed} passed, ${t.failed} failed${tolerance}${skipped}`;
}

describe('scheduler agrees with Anki 26.9.3', () => {
  let out: SimOutput;
  const pure = newTally();
  const counts = newTally();
  const replayed = newTally();
  const finals = newTally();

  beforeAll(() => {
    out = runOracle<SimOutput>('sched_sim.py', { worlds: buildPlan(PLAN) }, 300_000);
    for (const world of out.worlds) {
      const ctx = worldContext(world);
      for (const event of world.events) {
        if (event.kind === 'answer') checkAnswer(ctx, event, pure);
        else if (event.kind === 'filter' || event.kind === 'emptyFilter') applyDeckEvent(ctx, event);
        else if (event.kind === 'counts') checkCounts(world, event, out.zoneMinutesWest, counts);
      }
      replayWorld(world, out.zoneMinutesWest, replayed, finals);
    }
    const total = [pure, counts, replayed, finals].reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed }), { passed: 0, failed: 0 });
    console.log(
      [
        line('answers (pure state machine)', pure),
        line('deck counts and queue order', counts),
        line('answers replayed on Engram’s database', replayed),
        line('final cards, revlog, decks, notes', finals),
        `${total.passed} passed, ${total.failed} failed`,
      ].join('\n'),
    );
  }, 400_000);

  it('simulates at least 10,000 answers', () => {
    expect(pure.passed + pure.failed).toBeGreaterThanOrEqual(10_000);
  });

  it('computes the same next state, revlog row and button labels for every answer', () => {
    expect(pure.failures).toEqual([]);
    expect(pure.failed).toBe(0);
  });

  it('shows the same deck counts and queue order', () => {
    expect(counts.passed).toBeGreaterThan(50);
    expect(counts.failures).toEqual([]);
  });

  it('ends with the same database after replaying every answer', () => {
    expect(replayed.failures).toEqual([]);
    expect(finals.failures).toEqual([]);
    expect(finals.passed).toBeGreaterThan(1000);
  });

  it('differs from glibc only in rare last-digit FSRS values', () => {
    expect(pure.withinLibmTolerance).toBeLessThan(pure.passed * 0.01);
  });
});

describe('scheduler fuzz agrees with Anki 26.9.3 (fuzz on)', () => {
  const pure = newTally();
  const replayed = newTally();
  const finals = newTally();

  beforeAll(() => {
    const out = runOracle<SimOutput>('sched_sim.py', { fuzz: true, worlds: buildPlan(FUZZ_PLAN) }, 300_000);
    for (const world of out.worlds) {
      const ctx = worldContext(world, true);
      for (const event of world.events) {
        if (event.kind === 'answer') checkAnswer(ctx, event, pure);
        else if (event.kind === 'filter' || event.kind === 'emptyFilter') applyDeckEvent(ctx, event);
      }
      replayWorld(world, out.zoneMinutesWest, replayed, finals, true);
    }
    console.log([line('fuzzed answers (pure)', pure), line('fuzzed answers replayed', replayed), line('final rows after fuzzed replay', finals)].join('\n'));
  }, 300_000);

  it('picks the same fuzzed intervals and learning delays', () => {
    expect(pure.passed).toBeGreaterThan(1000);
    expect(pure.failures).toEqual([]);
    expect(replayed.failures).toEqual([]);
    expect(finals.failures).toEqual([]);
  });
});
