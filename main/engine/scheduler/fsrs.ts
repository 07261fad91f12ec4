import { default_w } from 'ts-fsrs';
import { EngineError } from '../errors';
import type { MemoryState } from './card-data';
import { add, clampF, div, exp, expm1, f32, ln, mul, powf, sub } from './f32';

/**
 * FSRS-6 as Anki 26.9.3 runs it: fsrs-rs 6.6.1 (model.rs, inference.rs,
 * parameter_clipper.rs) in f32. The formulas are the same as ts-fsrs's (whose
 * FSRS-6 default parameters this module uses and checks), but ts-fsrs computes
 * in f64 with its own rounding, which shifts stored values (4 dp) now and then;
 * mirroring fsrs-rs's f32 operation order keeps Engram's numbers identical to Anki's.
 */

export const S_MIN = f32(0.001);
export const S_MAX = f32(36500);
export const D_MIN = 1;
export const D_MAX = 10;
const INIT_S_MAX = 100;
export const FSRS5_DEFAULT_DECAY = 0.5;
export const FSRS6_DEFAULT_DECAY = f32(0.1542);

/** fsrs-rs DEFAULT_PARAMETERS, which ts-fsrs's `default_w` equals (checked in tests). */
export const DEFAULT_PARAMETERS: readonly number[] = default_w.map((w) => f32(w));

export interface ItemState {
  memory: MemoryState;
  /** Interval in days (unrounded). */
  interval: number;
}

export interface FsrsNextStates {
  again: ItemState;
  hard: ItemState;
  good: ItemState;
  easy: ItemState;
}

export interface FsrsReview {
  rating: number;
  deltaT: number;
}

/** Decay stored in card.data: from the raw preset params (memory_state.rs get_decay_from_params). */
export function decayFromParams(params: readonly number[]): number {
  if (params.length === 0) return FSRS6_DEFAULT_DECAY;
  if (params.length < 21) return FSRS5_DEFAULT_DECAY;
  return f32(params[20]!);
}

/** True when FSRS may keep a card in short-term (re)learning (answering/mod.rs). */
export function allowsShortTerm(params: readonly number[]): boolean {
  if (params.length >= 19) return params[17]! > 0 && params[18]! > 0;
  return params.length === 0;
}

function fillParameters(input: readonly number[]): number[] {
  const p = input.map((w) => f32(w));
  switch (p.length) {
    case 0:
      return [...DEFAULT_PARAMETERS];
    case 17: {
      // FSRS-4.5 → FSRS-6 (check_and_fill_parameters); mul_add is fused, i.e. one rounding.
      p[4] = f32(p[5]! * 2 + p[4]!);
      p[5] = div(ln(f32(p[5]! * 3 + 1)), 3);
      p[6] = add(p[6]!, 0.5);
      return [...p, 0, 0, 0, FSRS5_DEFAULT_DECAY];
    }
    case 19:
      return [...p, 0, FSRS5_DEFAULT_DECAY];
    case 21:
      return p;
    default:
      throw new EngineError('invalid', `FSRS parameters must have 0, 17, 19 or 21 values, not ${p.length}`);
  }
}

function clipParameters(p: number[]): number[] {
  // num_relearning_steps = 1 and enable_short_term = false, as FSRS::new uses.
  const ceiling = 2;
  const clamps: Array<[number, number]> = [
    [S_MIN, INIT_S_MAX], [S_MIN, INIT_S_MAX], [S_MIN, INIT_S_MAX], [S_MIN, INIT_S_MAX],
    [D_MIN, D_MAX], [f32(0.001), 4], [f32(0.001), 4], [f32(0.001), f32(0.75)],
    [0, f32(4.5)], [0, f32(0.8)], [f32(0.001), f32(3.5)], [f32(0.001), 5],
    [f32(0.001), f32(0.25)], [f32(0.001), f32(0.9)], [0, 4], [0, 1],
    [1, 6], [0, ceiling], [0, ceiling], [0, f32(0.8)], [f32(0.1), f32(0.8)],
  ];
  return p.map((w, i) => clampF(w, clamps[i]![0], clamps[i]![1]));
}

export class Fsrs {
  readonly w: readonly number[];

  constructor(params: readonly number[]) {
    const filled = fillParameters(params);
    if (filled.some((w) => !Number.isFinite(w))) throw new EngineError('invalid', 'FSRS parameters must be finite');
    this.w = clipParameters(filled);
  }

  private factor(): number {
    const decay = -this.w[20]!;
    return sub(exp(div(ln(f32(0.9)), decay)), 1);
  }

  powerForgettingCurve(t: number, s: number): number {
    const decay = -this.w[20]!;
    return powf(add(mul(div(t, s), this.factor()), 1), decay);
  }

  nextInterval(stability: number, desiredRetention: number): number {
    const decay = -this.w[20]!;
    return mul(div(stability, this.factor()), sub(powf(desiredRetention, div(1, decay)), 1));
  }

  initStability(rating: number): number {
    return this.w[Math.min(Math.max(rating - 1, 0), 3)]!;
  }

  initDifficulty(rating: number): number {
    const w = this.w;
    return add(sub(w[4]!, exp(mul(w[5]!, f32(Math.max(rating - 1, 0))))), 1);
  }

  private nextDifficulty(d: number, rating: number): number {
    const deltaD = mul(-this.w[6]!, sub(rating, 3));
    const damping = div(mul(sub(10, d), deltaD), 9);
    return add(d, damping);
  }

  private meanReversion(newD: number): number {
    return add(mul(this.w[7]!, sub(this.initDifficulty(4), newD)), newD);
  }

  private stabilityAfterSuccess(s: number, d: number, r: number, rating: number): number {
    const w = this.w;
    const hardPenalty = rating === 2 ? w[15]! : 1;
    const easyBonus = rating === 4 ? w[16]! : 1;
    let inner = mul(exp(w[8]!), sub(11, d));
    inner = mul(inner, powf(s, -w[9]!));
    inner = mul(inner, sub(exp(mul(sub(1, r), w[10]!)), 1));
    inner = mul(mul(inner, hardPenalty), easyBonus);
    return mul(s, add(inner, 1));
  }

  private stabilityAfterFailure(s: number, d: number, r: number): number {
    const w = this.w;
    let newS = mul(w[11]!, powf(d, -w[12]!));
    newS = mul(newS, sub(powf(add(s, 1), w[13]!), 1));
    newS = mul(newS, exp(mul(sub(1, r), w[14]!)));
    const newSMin = div(s, exp(mul(w[17]!, w[18]!)));
    return Math.min(newS, newSMin);
  }

  private stabilityShortTerm(s: number, rating: number): number {
    const w = this.w;
    const sinc = mul(exp(mul(w[17]!, add(sub(rating, 3), w[18]!))), powf(s, -w[19]!));
    return mul(s, rating >= 2 ? Math.max(sinc, 1) : sinc);
  }

  /** One review (model.rs `step`). */
  step(deltaT: number, rating: number, state: MemoryState, nth: number): MemoryState {
    const lastS = clampF(state.stability, S_MIN, S_MAX);
    const lastD = clampF(state.difficulty, D_MIN, D_MAX);
    const r = this.powerForgettingCurve(f32(deltaT), lastS);
    let newS = rating === 1 ? this.stabilityAfterFailure(lastS, lastD, r) : this.stabilityAfterSuccess(lastS, lastD, r, rating);
    if (deltaT === 0) newS = this.stabilityShortTerm(lastS, rating);
    let newD = clampF(this.meanReversion(this.nextDifficulty(lastD, rating)), D_MIN, D_MAX);
    if (nth === 0 && state.stability === 0) {
      const initRating = Math.min(Math.max(rating, 1), 4);
      newS = this.initStability(initRating);
      newD = clampF(this.initDifficulty(initRating), D_MIN, D_MAX);
    }
    if (rating === 0) {
      newS = lastS;
      newD = lastD;
    }
    return { stability: clampF(newS, S_MIN, S_MAX), difficulty: newD };
  }

  /** The memory state after `reviews`, from `start` or from scratch (model.rs forward_reviews). */
  memoryState(reviews: readonly FsrsReview[], start?: MemoryState): MemoryState {
    let state: MemoryState;
    let startIndex = 0;
    if (start) {
      state = start;
    } else if (reviews.length === 0) {
      state = { stability: 0, difficulty: 0 };
    } else {
      const first = reviews[0]!.rating;
      if (first === 0) state = { stability: S_MIN, difficulty: D_MIN };
      else {
        const rating = Math.min(Math.max(first, 1), 4);
        state = {
          stability: clampF(this.initStability(rating), S_MIN, S_MAX),
          difficulty: clampF(this.initDifficulty(rating), D_MIN, D_MAX),
        };
      }
      startIndex = 1;
    }
    for (let i = startIndex; i < reviews.length; i++) {
      state = this.step(f32(reviews[i]!.deltaT), reviews[i]!.rating, state, i);
    }
    return checkFinite(state);
  }

  /** Approximates a memory state from SM-2 ease and interval (inference.rs memory_state_from_sm2). */
  memoryStateFromSm2(easeFactor: number, interval: number, sm2Retention: number): MemoryState {
    const w = this.w;
    const decay = -w[20]!;
    const factor = sub(powf(f32(0.9), div(1, decay)), 1);
    const stability = div(mul(Math.max(f32(interval), S_MIN), factor), sub(powf(sm2Retention, div(1, decay)), 1));
    const denominator = mul(mul(exp(w[8]!), powf(stability, -w[9]!)), expm1(mul(sub(1, sm2Retention), w[10]!)));
    const difficulty = sub(11, div(sub(easeFactor, 1), denominator));
    if (!Number.isFinite(stability) || !Number.isFinite(difficulty)) {
      throw new EngineError('invalid', 'cannot derive an FSRS memory state from this card');
    }
    return { stability, difficulty: clampF(difficulty, D_MIN, D_MAX) };
  }

  /** Memory state and interval for each rating (inference.rs next_states). */
  nextStates(current: MemoryState | undefined, desiredRetention: number, daysElapsed: number): FsrsNextStates {
    const state = current ?? { stability: 0, difficulty: 0 };
    const nth = current ? 1 : 0;
    const item = (rating: number): ItemState => {
      const memory = checkFinite(this.step(f32(daysElapsed), rating, state, nth));
      return { memory, interval: this.nextInterval(memory.stability, desiredRetention) };
    };
    return { again: item(1), hard: item(2), good: item(3), easy: item(4) };
  }
}

function checkFinite(state: MemoryState): MemoryState {
  if (!Number.isFinite(state.stability) || !Number.isFinite(state.difficulty)) {
    throw new EngineError('invalid', 'FSRS produced an invalid memory state');
  }
  return state;
}
