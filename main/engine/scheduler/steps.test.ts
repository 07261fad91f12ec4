import { describe, expect, it } from 'vitest';
import { LearningSteps } from './steps';

const DAY = 86_400;

describe('learning steps', () => {
  it('Hard on a lone step is 1.5× Again, at most one day more', () => {
    const one = new LearningSteps([10]);
    expect([one.againDelaySecs(), one.hardDelaySecs(1), one.goodDelaySecs(1)]).toEqual([600, 900, undefined]);
    const threeDays = new LearningSteps([(3 * DAY) / 60]);
    expect([threeDays.againDelaySecs(), threeDays.hardDelaySecs(1)]).toEqual([3 * DAY, 4 * DAY]);
  });

  it('Hard on the first of several steps averages the first two', () => {
    const steps = new LearningSteps([1, 10]);
    expect([steps.againDelaySecs(), steps.hardDelaySecs(2), steps.goodDelaySecs(2)]).toEqual([60, 330, 600]);
    // on the last step Hard repeats it and Good graduates
    expect([steps.hardDelaySecs(1), steps.goodDelaySecs(1)]).toEqual([600, undefined]);
    const three = new LearningSteps([1, 10, 100]);
    expect([three.hardDelaySecs(2), three.goodDelaySecs(2)]).toEqual([600, 6000]);
  });

  it('rounds a Hard delay over one day to whole days', () => {
    // (1 day + 2 days) / 2 = 1.5 days → 2 days
    expect(new LearningSteps([1440, 2880]).hardDelaySecs(2)).toBe(2 * DAY);
    // (1 min + 1 day) / 2 stays in seconds
    expect(new LearningSteps([1, 1440]).hardDelaySecs(2)).toBe((60 + DAY) / 2);
  });

  it('reads v2 "left" values (a*1000+b) and clamps the index', () => {
    const steps = new LearningSteps([1, 10, 60]);
    expect(steps.currentDelaySecs(2002)).toBe(600);
    expect(steps.remainingForGood(2002)).toBe(1);
    expect(steps.currentDelaySecs(9)).toBe(60); // more remaining than steps: first step
    expect(steps.currentDelaySecs(0)).toBe(3600); // none remaining: last step
  });

  it('truncates fractional-minute steps to whole seconds', () => {
    expect(new LearningSteps([0.5, 2.5]).hardDelaySecs(2)).toBe(90);
    expect(new LearningSteps([15.5]).againDelaySecs()).toBe(930);
  });

  it('has no delays without steps', () => {
    const none = new LearningSteps([]);
    expect([none.againDelaySecs(), none.hardDelaySecs(0), none.goodDelaySecs(0), none.isEmpty]).toEqual([undefined, undefined, undefined, true]);
  });
});
