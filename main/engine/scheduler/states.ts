import type { MemoryState } from './card-data';
import { add, f32, mul, div, roundHalfAway, sub, toU32 } from './f32';
import type { FsrsNextStates } from './fsrs';
import { minimumReviewFuzzInterval, withReviewFuzz } from './fuzz';
import type { LearningSteps } from './steps';

/**
 * The v3 card state machine (rslib scheduler/states/*.rs): given a card's current
 * state and the preset, the state each answer button leads to. Pure; f32 maths.
 */

export interface LearnState {
  remainingSteps: number;
  scheduledSecs: number;
  elapsedSecs: number;
  memory: MemoryState | undefined;
}

export interface ReviewState {
  scheduledDays: number;
  elapsedDays: number;
  /** f32 multiplier, e.g. 2.5. */
  easeFactor: number;
  lapses: number;
  leeched: boolean;
  memory: MemoryState | undefined;
}

export type NormalState =
  | { kind: 'new'; position: number }
  | { kind: 'learning'; learning: LearnState }
  | { kind: 'review'; review: ReviewState }
  | { kind: 'relearning'; learning: LearnState; review: ReviewState };

export type CardState =
  | NormalState
  | { kind: 'preview'; scheduledSecs: number; finished: boolean }
  | { kind: 'rescheduling'; original: NormalState };

export interface SchedulingStates {
  current: CardState;
  again: CardState;
  hard: CardState;
  good: CardState;
  easy: CardState;
}

export interface StateContext {
  /** In [0,1): picks the day within the fuzz range. Undefined = no fuzz. */
  fuzzFactor: number | undefined;
  fsrs: FsrsNextStates | undefined;
  fsrsShortTermWithSteps: boolean;
  fsrsAllowShortTerm: boolean;
  steps: LearningSteps;
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  initialEase: number;
  hardMultiplier: number;
  easyMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  leechThreshold: number;
  relearnSteps: LearningSteps;
  lapseMultiplier: number;
  minimumLapseInterval: number;
  inFilteredDeck: boolean;
  previewDelays: { again: number; hard: number; good: number };
}

export const INITIAL_EASE_FACTOR = 2.5;
export const MINIMUM_EASE_FACTOR = f32(1.3);
const AGAIN_DELTA = f32(-0.2);
const HARD_DELTA = f32(-0.15);
const EASY_DELTA = f32(0.15);

export const DEFAULT_REVIEW: ReviewState = {
  scheduledDays: 0,
  elapsedDays: 0,
  easeFactor: INITIAL_EASE_FACTOR,
  lapses: 0,
  leeched: false,
  memory: undefined,
};

type Rating = 'again' | 'hard' | 'good' | 'easy';

function minMax(ctx: StateContext, minimum: number): [number, number] {
  const maximum = Math.max(ctx.maximumReviewInterval, 1);
  return [Math.min(Math.max(minimum, 1), maximum), maximum];
}

function fuzz(ctx: StateContext, interval: number, minimum: number, maximum: number): number {
  return withReviewFuzz(ctx.fuzzFactor, interval, minimum, maximum);
}

/** Rust's `x.round().max(1.0)` on an f32. */
function roundedAtLeastOne(x: number): number {
  return Math.max(roundHalfAway(x), 1);
}

function secsFromDays(days: number): number {
  return toU32(mul(days, 86_400));
}

function memoryFor(ctx: StateContext, rating: Rating): MemoryState | undefined {
  return ctx.fsrs?.[rating].memory;
}

function shortTermAllowed(ctx: StateContext, steps: LearningSteps, interval: number): boolean {
  return ctx.fsrsAllowShortTerm && (ctx.fsrsShortTermWithSteps || steps.isEmpty) && interval < 0.5;
}

// ---------------------------------------------------------------- learning

function graduateFromLearning(ctx: StateContext, rating: Exclude<Rating, 'easy'>, self: LearnState, remaining: number): CardState {
  const memory = memoryFor(ctx, rating);
  const [minimum, maximum] = minMax(ctx, 1);
  const interval = ctx.fsrs ? ctx.fsrs[rating].interval : f32(ctx.graduatingIntervalGood);
  if (ctx.fsrs && shortTermAllowed(ctx, ctx.steps, interval)) {
    const scheduledSecs = secsFromDays(interval);
    const learning: LearnState =
      rating === 'again'
        ? { remainingSteps: remaining, scheduledSecs, elapsedSecs: 0, memory }
        : { ...self, scheduledSecs, elapsedSecs: 0, memory };
    return { kind: 'learning', learning };
  }
  return {
    kind: 'review',
    review: { ...DEFAULT_REVIEW, scheduledDays: fuzz(ctx, roundedAtLeastOne(interval), minimum, maximum), easeFactor: ctx.initialEase, memory },
  };
}

function learningNext(self: LearnState, ctx: StateContext): Omit<SchedulingStates, 'current'> {
  const againDelay = ctx.steps.againDelaySecs();
  const again: CardState =
    againDelay !== undefined
      ? { kind: 'learning', learning: { remainingSteps: ctx.steps.remainingForFailed(), scheduledSecs: againDelay, elapsedSecs: 0, memory: memoryFor(ctx, 'again') } }
      : graduateFromLearning(ctx, 'again', self, ctx.steps.remainingForFailed());

  const hardDelay = ctx.steps.hardDelaySecs(self.remainingSteps);
  const hard: CardState =
    hardDelay !== undefined
      ? { kind: 'learning', learning: { ...self, scheduledSecs: hardDelay, elapsedSecs: 0, memory: memoryFor(ctx, 'hard') } }
      : graduateFromLearning(ctx, 'hard', self, self.remainingSteps);

  const goodDelay = ctx.steps.goodDelaySecs(self.remainingSteps);
  const good: CardState =
    goodDelay !== undefined
      ? {
          kind: 'learning',
          learning: { remainingSteps: ctx.steps.remainingForGood(self.remainingSteps), scheduledSecs: goodDelay, elapsedSecs: 0, memory: memoryFor(ctx, 'good') },
        }
      : graduateFromLearning(ctx, 'good', self, self.remainingSteps);

  return { again, hard, good, easy: { kind: 'review', review: learningEasy(ctx) } };
}

function learningEasy(ctx: StateContext): ReviewState {
  const [lowest, maximum] = minMax(ctx, 1);
  let minimum = lowest;
  let interval: number;
  if (ctx.fsrs) {
    const good = fuzz(ctx, ctx.fsrs.good.interval, minimum, maximum);
    minimum = good + 1;
    interval = toU32(roundedAtLeastOne(ctx.fsrs.easy.interval));
  } else {
    interval = ctx.graduatingIntervalEasy;
  }
  return {
    ...DEFAULT_REVIEW,
    scheduledDays: fuzz(ctx, f32(interval), minimum, maximum),
    easeFactor: ctx.initialEase,
    memory: memoryFor(ctx, 'easy'),
  };
}

// ---------------------------------------------------------------- review

export function leechThresholdMet(lapses: number, threshold: number): boolean {
  if (threshold <= 0) return false;
  const half = Math.max(Math.ceil(div(f32(threshold), 2)), 1);
  return lapses >= threshold && (lapses - threshold) % half === 0;
}

/** The interval (f32 days) a failed review gets, and the FSRS memory state. */
function failingReviewInterval(self: ReviewState, ctx: StateContext): [number, MemoryState | undefined] {
  if (ctx.fsrs) return [ctx.fsrs.again.interval, ctx.fsrs.again.memory];
  const [minimum, maximum] = minMax(ctx, ctx.minimumLapseInterval);
  const interval = fuzz(ctx, mul(Math.max(f32(self.scheduledDays), 1), ctx.lapseMultiplier), minimum, maximum);
  return [f32(interval), undefined];
}

function constrainPassing(ctx: StateContext, interval: number, minimum: number, withFuzz: boolean): number {
  const scaled = ctx.fsrs ? interval : mul(interval, ctx.intervalMultiplier);
  const [min, max] = minMax(ctx, minimum);
  if (withFuzz) return fuzz(ctx, scaled, min, max);
  return Math.min(Math.max(toU32(roundHalfAway(scaled)), min), max);
}

function daysLate(review: ReviewState): number {
  return review.elapsedDays - review.scheduledDays;
}

function passingIntervals(self: ReviewState, ctx: StateContext): [number, number, number] {
  if (ctx.fsrs) {
    const s = ctx.fsrs;
    const minFor = (interval: number) => minimumReviewFuzzInterval(interval, self.scheduledDays, ctx.maximumReviewInterval);
    const hard = constrainPassing(ctx, s.hard.interval, Math.max(minFor(s.hard.interval), 1), true);
    const good = constrainPassing(ctx, s.good.interval, Math.max(minFor(s.good.interval), hard + 1), true);
    const easy = constrainPassing(ctx, s.easy.interval, Math.max(minFor(s.easy.interval), good + 1), true);
    return [hard, good, easy];
  }
  if (daysLate(self) < 0) return earlyIntervals(self, ctx);
  const current = Math.max(f32(self.scheduledDays), 1);
  const late = f32(Math.max(daysLate(self), 0));
  const hardFactor = ctx.hardMultiplier;
  const hardMinimum = hardFactor <= 1 ? 0 : self.scheduledDays + 1;
  const hard = constrainPassing(ctx, mul(current, hardFactor), hardMinimum, true);
  const goodMinimum = hardFactor <= 1 ? self.scheduledDays + 1 : hard + 1;
  const good = constrainPassing(ctx, mul(add(current, div(late, 2)), self.easeFactor), goodMinimum, true);
  const easy = constrainPassing(ctx, mul(mul(add(current, late), self.easeFactor), ctx.easyMultiplier), good + 1, true);
  return [hard, good, easy];
}

/** Answering before the due date (filtered decks): no fuzz, smaller gains. */
function earlyIntervals(self: ReviewState, ctx: StateContext): [number, number, number] {
  const scheduled = Math.max(f32(self.scheduledDays), 1);
  const elapsed = f32(self.elapsedDays);
  const halfUsual = div(ctx.hardMultiplier, 2);
  const hard = constrainPassing(ctx, Math.max(mul(elapsed, ctx.hardMultiplier), mul(scheduled, halfUsual)), 0, false);
  const good = constrainPassing(ctx, Math.max(mul(elapsed, self.easeFactor), scheduled), 0, false);
  const reducedBonus = sub(ctx.easyMultiplier, div(sub(ctx.easyMultiplier, 1), 2));
  const easy = constrainPassing(ctx, mul(Math.max(mul(elapsed, self.easeFactor), scheduled), reducedBonus), 0, false);
  return [hard, good, easy];
}

function reviewAgain(self: ReviewState, ctx: StateContext): CardState {
  const lapses = self.lapses + 1;
  const leeched = leechThresholdMet(lapses, ctx.leechThreshold);
  const [scheduledDays, memory] = failingReviewInterval(self, ctx);
  const againReview: ReviewState = {
    scheduledDays: toU32(roundedAtLeastOne(scheduledDays)),
    elapsedDays: 0,
    easeFactor: Math.max(add(self.easeFactor, AGAIN_DELTA), MINIMUM_EASE_FACTOR),
    lapses,
    leeched,
    memory,
  };
  const againDelay = ctx.relearnSteps.againDelaySecs();
  if (againDelay !== undefined) {
    return {
      kind: 'relearning',
      learning: { remainingSteps: ctx.relearnSteps.remainingForFailed(), scheduledSecs: againDelay, elapsedSecs: 0, memory },
      review: againReview,
    };
  }
  if (shortTermAllowed(ctx, ctx.relearnSteps, scheduledDays)) {
    return {
      kind: 'relearning',
      learning: { remainingSteps: ctx.relearnSteps.remainingForFailed(), scheduledSecs: secsFromDays(scheduledDays), elapsedSecs: 0, memory },
      review: againReview,
    };
  }
  return { kind: 'review', review: againReview };
}

function reviewNext(self: ReviewState, ctx: StateContext): Omit<SchedulingStates, 'current'> {
  const [hardDays, goodDays, easyDays] = passingIntervals(self, ctx);
  return {
    again: reviewAgain(self, ctx),
    hard: {
      kind: 'review',
      review: {
        ...self,
        scheduledDays: hardDays,
        elapsedDays: 0,
        easeFactor: Math.max(add(self.easeFactor, HARD_DELTA), MINIMUM_EASE_FACTOR),
        memory: memoryFor(ctx, 'hard'),
      },
    },
    good: { kind: 'review', review: { ...self, scheduledDays: goodDays, elapsedDays: 0, memory: memoryFor(ctx, 'good') } },
    easy: {
      kind: 'review',
      review: { ...self, scheduledDays: easyDays, elapsedDays: 0, easeFactor: add(self.easeFactor, EASY_DELTA), memory: memoryFor(ctx, 'easy') },
    },
  };
}

// ---------------------------------------------------------------- relearning

function relearnLeave(ctx: StateContext, rating: Exclude<Rating, 'easy'>, learning: LearnState, review: ReviewState, memory: MemoryState | undefined): CardState {
  const states = ctx.fsrs!;
  const [minimum, maximum] = minMax(ctx, 1);
  const interval = states[rating].interval;
  const leaveReview: ReviewState = { ...review, scheduledDays: fuzz(ctx, roundedAtLeastOne(interval), minimum, maximum), memory };
  if (shortTermAllowed(ctx, ctx.relearnSteps, interval)) {
    return { kind: 'relearning', learning: { ...learning, scheduledSecs: secsFromDays(interval), memory }, review: leaveReview };
  }
  return { kind: 'review', review: leaveReview };
}

function relearningNext(self: { learning: LearnState; review: ReviewState }, ctx: StateContext): Omit<SchedulingStates, 'current'> {
  const steps = ctx.relearnSteps;

  let again: CardState;
  const [failDays, failMemory] = failingReviewInterval(self.review, ctx);
  const againDelay = steps.againDelaySecs();
  if (againDelay !== undefined) {
    again = {
      kind: 'relearning',
      learning: { remainingSteps: steps.remainingForFailed(), scheduledSecs: againDelay, elapsedSecs: 0, memory: failMemory },
      review: { ...self.review, scheduledDays: toU32(roundedAtLeastOne(failDays)), elapsedDays: 0, memory: failMemory },
    };
  } else if (ctx.fsrs) {
    again = relearnLeave(ctx, 'again', { remainingSteps: steps.remainingForFailed(), scheduledSecs: 0, elapsedSecs: 0, memory: failMemory }, self.review, failMemory);
  } else {
    again = { kind: 'review', review: self.review };
  }

  let hard: CardState;
  const hardMemory = memoryFor(ctx, 'hard');
  const hardDelay = steps.hardDelaySecs(self.learning.remainingSteps);
  if (hardDelay !== undefined) {
    hard = {
      kind: 'relearning',
      learning: { ...self.learning, scheduledSecs: hardDelay, memory: hardMemory },
      review: { ...self.review, elapsedDays: 0, memory: hardMemory },
    };
  } else if (ctx.fsrs) {
    hard = relearnLeave(ctx, 'hard', self.learning, self.review, hardMemory);
  } else {
    hard = { kind: 'review', review: self.review };
  }

  let good: CardState;
  const goodMemory = memoryFor(ctx, 'good');
  const goodDelay = steps.goodDelaySecs(self.learning.remainingSteps);
  const goodRemaining = steps.remainingForGood(self.learning.remainingSteps);
  if (goodDelay !== undefined) {
    good = {
      kind: 'relearning',
      learning: { scheduledSecs: goodDelay, remainingSteps: goodRemaining, elapsedSecs: 0, memory: goodMemory },
      review: { ...self.review, elapsedDays: 0, memory: goodMemory },
    };
  } else if (ctx.fsrs) {
    good = relearnLeave(ctx, 'good', { ...self.learning, remainingSteps: goodRemaining }, self.review, goodMemory);
  } else {
    good = { kind: 'review', review: self.review };
  }

  let easyDays: number;
  if (ctx.fsrs) {
    const [minimum, maximum] = minMax(ctx, 1);
    const goodInterval = fuzz(ctx, ctx.fsrs.good.interval, minimum, maximum);
    easyDays = fuzz(ctx, roundedAtLeastOne(ctx.fsrs.easy.interval), goodInterval + 1, maximum);
  } else {
    easyDays = self.review.scheduledDays + 1;
  }
  const easy: CardState = { kind: 'review', review: { ...self.review, scheduledDays: easyDays, elapsedDays: 0, memory: memoryFor(ctx, 'easy') } };
  return { again, hard, good, easy };
}

// ---------------------------------------------------------------- entry points

function normalNext(state: NormalState, ctx: StateContext): Omit<SchedulingStates, 'current'> {
  switch (state.kind) {
    case 'new':
      // A new card answers like a failed learning card.
      return learningNext({ remainingSteps: ctx.steps.remainingForFailed(), scheduledSecs: 0, elapsedSecs: 0, memory: undefined }, ctx);
    case 'learning':
      return learningNext(state.learning, ctx);
    case 'review':
      return reviewNext(state.review, ctx);
    case 'relearning':
      return relearningNext(state, ctx);
  }
}

function wrapRescheduling(state: CardState): CardState {
  if (state.kind === 'review' || state.kind === 'preview' || state.kind === 'rescheduling') return state;
  return { kind: 'rescheduling', original: state };
}

function previewStep(seconds: number): CardState {
  return seconds === 0 ? { kind: 'preview', scheduledSecs: 0, finished: true } : { kind: 'preview', scheduledSecs: seconds, finished: false };
}

/** The four possible next states of `current`. */
export function nextStates(current: CardState, ctx: StateContext): SchedulingStates {
  if (current.kind === 'preview') {
    const d = ctx.previewDelays;
    return { current, again: previewStep(d.again), hard: previewStep(d.hard), good: previewStep(d.good), easy: previewStep(0) };
  }
  if (current.kind === 'rescheduling') {
    const normal = normalNext(current.original, ctx);
    if (!ctx.inFilteredDeck) return { current: current.original, ...normal };
    return {
      current,
      again: wrapRescheduling(normal.again),
      hard: wrapRescheduling(normal.hard),
      good: wrapRescheduling(normal.good),
      easy: wrapRescheduling(normal.easy),
    };
  }
  return { current, ...normalNext(current, ctx) };
}

/** The underlying normal state (unwrapping a rescheduling filtered state). */
export function normalOf(state: CardState): NormalState | undefined {
  if (state.kind === 'preview') return undefined;
  return state.kind === 'rescheduling' ? state.original : state;
}

export function reviewStateOf(state: CardState): ReviewState | undefined {
  const normal = normalOf(state);
  if (!normal) return undefined;
  if (normal.kind === 'review' || normal.kind === 'relearning') return normal.review;
  return undefined;
}

export function isLeeched(state: CardState): boolean {
  return reviewStateOf(state)?.leeched ?? false;
}

export type IntervalKind = { secs: number } | { days: number };

export function intervalKind(state: CardState): IntervalKind {
  switch (state.kind) {
    case 'new':
      return { secs: 0 };
    case 'learning':
      return { secs: state.learning.scheduledSecs };
    case 'review':
      return { days: state.review.scheduledDays };
    case 'relearning':
      return { secs: state.learning.scheduledSecs };
    case 'preview':
      return { secs: state.scheduledSecs };
    case 'rescheduling':
      return intervalKind(state.original);
  }
}

/** Seconds-based intervals reaching the next day boundary become days. */
export function maybeAsDays(kind: IntervalKind, secsUntilRollover: number): IntervalKind {
  if ('days' in kind) return kind;
  if (kind.secs >= secsUntilRollover) return { days: Math.floor((kind.secs - secsUntilRollover) / 86_400) + 1 };
  return kind;
}

export function asSeconds(kind: IntervalKind): number {
  return 'days' in kind ? Math.min(4294967295, kind.days * 86_400) : kind.secs;
}

/** revlog encoding: days positive, seconds negative. */
export function asRevlogInterval(kind: IntervalKind): number {
  if ('days' in kind) return Math.min(kind.days, 2147483647) | 0;
  return kind.secs === 0 ? 0 : -Math.min(kind.secs, 2147483647);
}

/** revlog.type from the state before the answer. */
export function revlogKind(state: CardState): number {
  switch (state.kind) {
    case 'new':
    case 'learning':
      return 0;
    case 'review':
      return daysLate(state.review) < 0 ? 3 : 1;
    case 'relearning':
      return 2;
    case 'preview':
      return 3;
    case 'rescheduling':
      return revlogKind(state.original);
  }
}
