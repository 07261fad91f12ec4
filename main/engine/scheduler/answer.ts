import { EngineError } from '../errors';
import type { CardRow, RevlogRow } from '../model/types';
import type { SchedTimingToday } from '../timing';
import { memoryStateOf, parseCardData, serializeCardData, withMemoryState, type CardData, type MemoryState } from './card-data';
import { LEECH_ACTION_SUSPEND, ignoreRevlogsBeforeMs, type SchedulingConfig } from './config';
import { div, f32, mul, roundHalfAway, toU16, toU32 } from './f32';
import { Fsrs, allowsShortTerm, decayFromParams } from './fsrs';
import { memoryStateFromHistory, timeOfLastReview } from './memory-state';
import { StdRng, fuzzFactor, fuzzSeed } from './rng';
import {
  asRevlogInterval,
  intervalKind,
  isLeeched,
  maybeAsDays,
  nextStates,
  normalOf,
  revlogKind,
  type CardState,
  type LearnState,
  type NormalState,
  type ReviewState,
  type SchedulingStates,
  type StateContext,
} from './states';
import { LearningSteps } from './steps';

/**
 * Answering a card, as a pure function of the card row, its preset and the
 * clock (rslib scheduler/answering/*.rs). No database access.
 */

export type Rating = 1 | 2 | 3 | 4;

/** The deck the card currently sits in. */
export interface CurrentDeck {
  filtered: boolean;
  /** Filtered decks: reschedule cards based on answers. */
  reschedule: boolean;
  previewAgainSecs: number;
  previewHardSecs: number;
  previewGoodSecs: number;
}

export const NORMAL_DECK: CurrentDeck = { filtered: false, reschedule: true, previewAgainSecs: 0, previewHardSecs: 0, previewGoodSecs: 0 };

export interface AnswerInput {
  card: CardRow;
  /** The home deck's preset. */
  config: SchedulingConfig;
  deck: CurrentDeck;
  /** The home deck's desired retention override, if any. */
  deckDesiredRetention?: number | null;
  timing: SchedTimingToday;
  fsrs: boolean;
  /** Config `fsrsShortTermWithStepsEnabled`. */
  fsrsShortTermWithSteps?: boolean;
  /** Apply Anki's fuzz (seeded by card id + reps). Default true. */
  fuzz?: boolean;
  /** The card's revlog rows, oldest first: only read when FSRS needs history. */
  revlog?: readonly RevlogRow[];
}

/** Everything needed to apply one of the four answers. */
export interface PreparedCard {
  input: AnswerInput;
  data: CardData;
  states: SchedulingStates;
  fuzzSeed: bigint | undefined;
  desiredRetention: number | undefined;
}

export interface AnswerOutcome {
  card: CardRow;
  /** The revlog row (id = answer time in ms, usn -1). */
  revlog: RevlogRow;
  leeched: boolean;
}

function remainingSteps(card: CardRow): number {
  return card.left % 1000;
}

function easeFactor(card: CardRow): number {
  return div(f32(card.factor), 1000);
}

function normalStudyState(card: CardRow, due: number, today: number, ctx: StateContext, memory: MemoryState | undefined): NormalState {
  const remaining = remainingSteps(card);
  switch (card.type) {
    case 0:
      return { kind: 'new', position: Math.max(due, 0) };
    case 1:
      return {
        kind: 'learning',
        learning: { scheduledSecs: ctx.steps.currentDelaySecs(remaining), remainingSteps: remaining, elapsedSecs: 0, memory },
      };
    case 2:
      return {
        kind: 'review',
        review: {
          scheduledDays: card.ivl,
          elapsedDays: Math.max(0, card.ivl - (due - today)),
          easeFactor: easeFactor(card),
          lapses: card.lapses,
          leeched: false,
          memory,
        },
      };
    case 3:
      return {
        kind: 'relearning',
        learning: { scheduledSecs: ctx.relearnSteps.currentDelaySecs(remaining), remainingSteps: remaining, elapsedSecs: 0, memory },
        review: { scheduledDays: card.ivl, elapsedDays: card.ivl, easeFactor: easeFactor(card), lapses: card.lapses, leeched: false, memory },
      };
    default:
      throw new EngineError('invalid', `card ${card.id} has an invalid type ${card.type}`);
  }
}

/** The card's state as Anki sees it before an answer (answering/current.rs). */
export function currentCardState(card: CardRow, deck: CurrentDeck, today: number, ctx: StateContext, memory: MemoryState | undefined): CardState {
  let due: number;
  if (!deck.filtered) due = card.type === 2 ? Math.min(card.due, today) : card.due;
  else due = card.odue !== 0 ? card.odue : card.due;
  const normal = normalStudyState(card, due, today, ctx, memory);
  if (!deck.filtered) return normal;
  if (deck.reschedule) return { kind: 'rescheduling', original: normal };
  return { kind: 'preview', scheduledSecs: deck.previewAgainSecs, finished: false };
}

function fsrsInputs(input: AnswerInput, data: CardData): { fsrs: Fsrs; data: CardData; daysElapsed: number } {
  const { card, config, timing } = input;
  const fsrs = new Fsrs(config.fsrsParams);
  let next: CardData = { ...data, decay: decayFromParams(config.fsrsParams) };
  if (!memoryStateOf(next) && card.type !== 0) {
    const inferred = memoryStateFromHistory({
      fsrs,
      revlog: input.revlog ?? [],
      nextDayAt: timing.nextDayAt,
      historicalRetention: config.historicalRetention,
      ignoreBeforeMs: ignoreRevlogsBeforeMs(config.ignoreRevlogsBeforeDate),
      cardType: card.type,
      interval: card.ivl,
      factor: card.factor,
    });
    next = withMemoryState(next, inferred);
  }
  const lastReview = next.lrt ?? timeOfLastReview(input.revlog ?? []);
  const daysElapsed = lastReview === undefined ? 0 : Math.floor(Math.max(0, timing.nextDayAt - lastReview) / 86_400);
  return { fsrs, data: next, daysElapsed };
}

/** Computes the card's current state and the four next states. */
export function prepareCard(input: AnswerInput): PreparedCard {
  const { card, config } = input;
  let data = parseCardData(card.data);
  const seed = input.fuzz === false ? undefined : fuzzSeed(card.id, card.reps);
  const desiredRetention = f32(input.deckDesiredRetention ?? config.desiredRetention);
  let fsrsNext: StateContext['fsrs'];
  if (input.fsrs) {
    const prepared = fsrsInputs(input, data);
    data = prepared.data;
    fsrsNext = prepared.fsrs.nextStates(memoryStateOf(data), desiredRetention, prepared.daysElapsed);
  }
  const ctx: StateContext = {
    fuzzFactor: seed === undefined ? undefined : fuzzFactor(seed),
    fsrs: fsrsNext,
    fsrsShortTermWithSteps: input.fsrsShortTermWithSteps ?? false,
    fsrsAllowShortTerm: input.fsrs && allowsShortTerm(config.fsrsParams),
    steps: new LearningSteps(config.learnSteps),
    graduatingIntervalGood: config.graduatingIntervalGood,
    graduatingIntervalEasy: config.graduatingIntervalEasy,
    initialEase: config.initialEase,
    hardMultiplier: config.hardMultiplier,
    easyMultiplier: config.easyMultiplier,
    intervalMultiplier: config.intervalMultiplier,
    maximumReviewInterval: config.maximumReviewInterval,
    leechThreshold: config.leechThreshold,
    relearnSteps: new LearningSteps(config.relearnSteps),
    lapseMultiplier: config.lapseMultiplier,
    minimumLapseInterval: config.minimumLapseInterval,
    inFilteredDeck: input.deck.filtered,
    previewDelays: { again: input.deck.previewAgainSecs, hard: input.deck.previewHardSecs, good: input.deck.previewGoodSecs },
  };
  const current = currentCardState(card, input.deck, input.timing.daysElapsed, ctx, memoryStateOf(data));
  return {
    input,
    data,
    states: nextStates(current, ctx),
    fuzzSeed: seed,
    desiredRetention: input.fsrs ? desiredRetention : undefined,
  };
}

function secsUntilRollover(timing: SchedTimingToday): number {
  return (timing.nextDayAt - timing.now) >>> 0;
}

/** Learning delays get up to 25% (at most 5 minutes) extra, seeded like Anki. */
export function learningIntervalWithFuzz(seed: bigint | undefined, secs: number): number {
  if (seed === undefined) return secs;
  const upperExclusive = secs + Math.floor(Math.min(mul(f32(secs), 0.25), 300));
  if (secs >= upperExclusive) return secs;
  return new StdRng(seed).rangeU32(secs, upperExclusive);
}

function ratingState(states: SchedulingStates, rating: Rating): CardState {
  return [states.again, states.hard, states.good, states.easy][rating - 1]!;
}

class Applier {
  readonly card: CardRow;
  data: CardData;
  private readonly timing: SchedTimingToday;

  constructor(private readonly prepared: PreparedCard) {
    this.card = { ...prepared.input.card };
    this.data = { ...prepared.data };
    this.timing = prepared.input.timing;
  }

  private placeLearning(scheduledSecs: number): void {
    const kind = maybeAsDays({ secs: scheduledSecs }, secsUntilRollover(this.timing));
    if ('days' in kind) {
      this.card.queue = 3;
      this.card.due = this.timing.daysElapsed + kind.days;
    } else {
      this.card.queue = 1;
      this.card.due = this.timing.now + learningIntervalWithFuzz(this.prepared.fuzzSeed, kind.secs);
    }
  }

  private keepPosition(current: CardState): void {
    const normal = normalOf(current);
    if (normal?.kind === 'new') this.data.pos = normal.position;
  }

  private setMemory(memory: MemoryState | undefined): void {
    this.data = withMemoryState(this.data, memory);
  }

  private applyLearning(current: CardState, next: LearnState): number {
    this.card.left = next.remainingSteps;
    this.card.type = 1;
    this.keepPosition(current);
    this.setMemory(next.memory);
    this.placeLearning(next.scheduledSecs);
    return next.memory ? difficultyShifted(next.memory) : 0;
  }

  private applyReview(current: CardState, next: ReviewState): number {
    this.card.queue = 2;
    this.card.type = 2;
    this.card.ivl = next.scheduledDays;
    this.card.due = this.timing.daysElapsed + next.scheduledDays;
    this.card.factor = toU16(roundHalfAway(mul(next.easeFactor, 1000)));
    this.card.lapses = next.lapses;
    this.card.left = 0;
    this.keepPosition(current);
    this.setMemory(next.memory);
    return next.memory ? difficultyShifted(next.memory) : next.easeFactor;
  }

  private applyRelearning(current: CardState, next: { learning: LearnState; review: ReviewState }): number {
    this.card.ivl = next.review.scheduledDays;
    this.card.left = next.learning.remainingSteps;
    this.card.type = 3;
    this.card.lapses = next.review.lapses;
    this.card.factor = toU16(roundHalfAway(mul(next.review.easeFactor, 1000)));
    this.keepPosition(current);
    this.setMemory(next.learning.memory);
    this.placeLearning(next.learning.scheduledSecs);
    return next.learning.memory ? difficultyShifted(next.learning.memory) : next.review.easeFactor;
  }

  /** Returns the revlog ease factor (f32). */
  applyNormal(current: CardState, next: NormalState): number {
    this.card.reps += 1;
    if (this.prepared.desiredRetention !== undefined) this.data.dr = this.prepared.desiredRetention;
    else delete this.data.dr;
    let factor: number;
    switch (next.kind) {
      case 'new':
        throw new EngineError('invalid', 'an answer cannot make a card new');
      case 'learning':
        factor = this.applyLearning(current, next.learning);
        break;
      case 'review':
        factor = this.applyReview(current, next.review);
        break;
      case 'relearning':
        factor = this.applyRelearning(current, next);
        break;
    }
    if (isLeeched(next) && this.prepared.input.config.leechAction === LEECH_ACTION_SUSPEND) this.card.queue = -1;
    return factor;
  }

  applyPreview(next: { scheduledSecs: number; finished: boolean }): void {
    if (next.finished) {
      removeFromFilteredDeckRestoringQueue(this.card);
      return;
    }
    this.card.queue = 4;
    this.card.due = this.timing.now + learningIntervalWithFuzz(this.prepared.fuzzSeed, next.scheduledSecs);
  }
}

/** ((difficulty − 1) / 9) + 0.1: the FSRS value stored in revlog.factor. */
export function difficultyShifted(memory: MemoryState): number {
  return f32(div(f32(memory.difficulty - 1), 9) + f32(0.1));
}

export function restoreQueueFromType(card: CardRow): void {
  if (card.type === 1 || card.type === 3) card.queue = card.due > 1_000_000_000 ? 1 : 3;
  else if (card.type === 0) card.queue = 0;
  else card.queue = 2;
}

export function removeFromFilteredDeckBeforeReschedule(card: CardRow): void {
  if (card.odid !== 0) {
    card.did = card.odid;
    card.odid = 0;
    card.odue = 0;
  }
}

function removeFromFilteredDeckRestoringQueue(card: CardRow): void {
  if (card.odid === 0) return;
  card.did = card.odid;
  card.odid = 0;
  if (card.odue !== 0) card.due = card.odue;
  if (card.queue >= 0) restoreQueueFromType(card);
  card.odue = 0;
}

export interface ApplyOptions {
  /** Answer time (ms): the revlog id and `data.lrt`. Defaults to timing.now × 1000. */
  answeredAtMs?: number;
  /** Time taken (ms), capped by the preset's maximum answer time. */
  timeTakenMs?: number;
}

/** Applies `rating` to a prepared card: the new card row and its revlog row. */
export function applyAnswer(prepared: PreparedCard, rating: Rating, options: ApplyOptions = {}): AnswerOutcome {
  if (![1, 2, 3, 4].includes(rating)) throw new EngineError('invalid', `invalid rating ${String(rating)}: use 1–4`);
  const { input, states } = prepared;
  const current = states.current;
  const next = ratingState(states, rating);
  const applier = new Applier(prepared);
  let factor = 0;
  if (next.kind === 'preview') {
    if (applier.card.odid === 0) throw new EngineError('invalid', 'card answering cannot move a card into a filtered state');
    applier.applyPreview(next);
  } else if (next.kind === 'rescheduling') {
    if (applier.card.odid === 0) throw new EngineError('invalid', 'card answering cannot move a card into a filtered state');
    factor = applier.applyNormal(current, next.original);
    applier.card.odue = applier.card.due;
  } else {
    if (current.kind === 'rescheduling') removeFromFilteredDeckBeforeReschedule(applier.card);
    factor = applier.applyNormal(current, next);
  }
  const answeredAtMs = options.answeredAtMs ?? input.timing.now * 1000;
  if (current.kind !== 'preview') applier.data.lrt = Math.floor(answeredAtMs / 1000);
  const card = applier.card;
  card.data = serializeCardData(applier.data);
  card.mod = input.timing.now;
  card.usn = -1;
  const rollover = secsUntilRollover(input.timing);
  const cap = input.config.capAnswerTimeToSecs * 1000;
  const revlog: RevlogRow = {
    id: answeredAtMs,
    cid: card.id,
    usn: -1,
    ease: rating,
    ivl: asRevlogInterval(maybeAsDays(intervalKind(next), rollover)),
    lastIvl: asRevlogInterval(maybeAsDays(intervalKind(current), rollover)),
    factor: toU32(roundHalfAway(mul(factor, 1000))),
    time: Math.min(Math.max(0, Math.trunc(options.timeTakenMs ?? 0)), cap),
    type: revlogKind(current),
  };
  return { card, revlog, leeched: isLeeched(next) };
}

/** Prepares and applies in one go. */
export function answerCardPure(input: AnswerInput, rating: Rating, options: ApplyOptions = {}): AnswerOutcome {
  return applyAnswer(prepareCard(input), rating, options);
}
