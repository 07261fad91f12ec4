import { div, f32, mul, roundHalfAway, toU32 } from './f32';

/** Learning/relearning steps (rslib scheduler/states/steps.rs). Steps are f32 minutes. */

const DAY = 86_400;
const U32_MAX = 4294967295;

function toSecs(minutes: number): number {
  return toU32(mul(minutes, 60));
}

function satAdd(a: number, b: number): number {
  return Math.min(U32_MAX, a + b);
}

/** Over one day, rounds to whole days so answers give the same result all day. */
function maybeRoundInDays(secs: number): number {
  if (secs <= DAY) return secs;
  return Math.min(U32_MAX, toU32(roundHalfAway(div(f32(secs), f32(DAY)))) * DAY);
}

export class LearningSteps {
  constructor(readonly steps: readonly number[]) {}

  get isEmpty(): boolean {
    return this.steps.length === 0;
  }

  /** Index of the current step; strips v2's "learning today" thousands and clamps. */
  private index(remaining: number): number {
    const total = this.steps.length;
    return Math.min(Math.max(0, total - (remaining % 1000)), Math.max(0, total - 1));
  }

  private secsAt(index: number): number | undefined {
    const step = this.steps[index];
    return step === undefined ? undefined : toSecs(step);
  }

  againDelaySecs(): number | undefined {
    return this.secsAt(0);
  }

  hardDelaySecs(remaining: number): number | undefined {
    const idx = this.index(remaining);
    const current = this.secsAt(idx) ?? this.secsAt(0);
    if (current === undefined) return undefined;
    return idx === 0 ? this.hardDelayForFirstStep(current) : current;
  }

  /** Between Again and Good: the average of the first two steps, or 1.5× (at most +1 day) the only one. */
  private hardDelayForFirstStep(againSecs: number): number {
    const next = this.secsAt(1);
    if (next !== undefined) return maybeRoundInDays(Math.floor(satAdd(againSecs, next) / 2));
    const secs = Math.min(Math.floor(Math.min(U32_MAX, againSecs * 3) / 2), satAdd(againSecs, DAY));
    return maybeRoundInDays(secs);
  }

  goodDelaySecs(remaining: number): number | undefined {
    return this.secsAt(this.index(remaining) + 1);
  }

  currentDelaySecs(remaining: number): number {
    return this.secsAt(this.index(remaining)) ?? 0;
  }

  remainingForGood(remaining: number): number {
    return Math.max(0, this.steps.length - (this.index(remaining) + 1));
  }

  remainingForFailed(): number {
    return this.steps.length;
  }
}
