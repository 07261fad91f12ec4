import { beforeAll, describe, expect, it } from 'vitest';
import { runOracle } from '../../testing/oracle';
import { newTally } from './oracle-compare.testkit';
import { replayManualWorld, type ManualWorld } from './oracle-manual.testkit';
import { buildManualPlan } from './oracle-plan.testkit';

/**
 * Differential test of manual scheduling against anki 26.9.3: set due date
 * ("0", "1", "3!", "1-7", "10-30!", "0!"; Engram is fed the delays Anki drew),
 * forget (restore position / reset counts), reposition (with shifting), bury,
 * suspend, unbury, unsuspend and unbury-deck, on SM-2 and FSRS collections, with
 * days passing. After each operation every card, the new revlog rows and
 * nextPos must match. Anki fails with a database error when the same card id
 * is given twice to set-due-date/bury/suspend/unbury; Engram ignores the repeat
 * instead, so those operations are skipped.
 */
describe('manual scheduling agrees with Anki 26.9.3', () => {
  const tally = newTally();

  beforeAll(() => {
    const out = runOracle<{ zoneMinutesWest: number; worlds: ManualWorld[] }>('sched_manual.py', { worlds: buildManualPlan(77, 4, 40, 90) }, 300_000);
    for (const world of out.worlds) replayManualWorld(world, out.zoneMinutesWest, tally);
    console.log(`manual scheduling operations: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (duplicate ids or clock)`);
  }, 300_000);

  it('leaves every card, revlog row and nextPos as Anki does', () => {
    expect(tally.passed).toBeGreaterThan(250);
    expect(tally.failures).toEqual([]);
  });
});
