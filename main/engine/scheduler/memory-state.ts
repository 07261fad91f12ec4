import type { RevlogRow } from '../model/types';
import type { MemoryState } from './card-data';
import { add, f32, mul, sub } from './f32';
import type { Fsrs, FsrsReview } from './fsrs';

/**
 * A card's FSRS memory state from its review history, for cards that reach an
 * FSRS preset without one (rslib scheduler/fsrs/memory_state.rs, params.rs).
 */

const REVLOG_MANUAL = 4;
const REVLOG_FILTERED = 3;
const REVLOG_LEARNING = 0;

type Entry = Pick<RevlogRow, 'id' | 'ease' | 'ivl' | 'factor' | 'type'>;

function isCramming(e: Entry): boolean {
  return e.type === REVLOG_FILTERED && e.factor === 0;
}

function isReset(e: Entry): boolean {
  return e.type === REVLOG_MANUAL && e.factor === 0;
}

function hasRating(e: Entry): boolean {
  return e.ease > 0;
}

/** Rated and not cramming: counts for scheduling and statistics. */
export function affectsScheduling(e: Entry): boolean {
  return hasRating(e) && !isCramming(e);
}

function daysElapsed(e: Entry, nextDayAt: number): number {
  const secs = nextDayAt - Math.trunc(e.id / 1000);
  return Math.max(0, Math.trunc(secs / 86_400));
}

interface ReviewsForFsrs {
  reviews: FsrsReview[];
  complete: boolean;
  filtered: Entry[];
}

/** `reviews_for_fsrs` with training = false: the history that defines today's state. */
function reviewsForFsrs(input: readonly Entry[], nextDayAt: number, ignoreBeforeMs: number): ReviewsForFsrs | undefined {
  let entries = [...input];
  let firstOfLastLearn: number | undefined;
  let firstUserGrade: number | undefined;
  let complete = false;
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    if (isCramming(entry)) continue;
    const withinCutoff = entry.id > ignoreBeforeMs;
    const userGraded = hasRating(entry);
    const interday = entry.ivl >= 1 || entry.ivl <= -86_400;
    if (userGraded && withinCutoff && interday) firstUserGrade = index;
    if (userGraded && entry.type === REVLOG_LEARNING) {
      firstOfLastLearn = index;
      complete = true;
    } else if (isReset(entry)) {
      if (firstOfLastLearn !== undefined) {
        complete = true;
        break;
      } else if (firstUserGrade !== undefined) {
        complete = false;
        break;
      } else {
        return undefined;
      }
    } else if (firstOfLastLearn !== undefined) {
      break;
    }
  }
  if (firstOfLastLearn !== undefined && entries[firstOfLastLearn]!.id < ignoreBeforeMs && firstOfLastLearn < entries.length - 1) {
    complete = false;
    firstOfLastLearn = undefined;
  }
  if (firstOfLastLearn !== undefined) {
    entries = entries.slice(firstOfLastLearn);
  } else {
    if (firstUserGrade === undefined) return undefined;
    entries = entries.slice(firstUserGrade);
  }
  entries = entries.filter(affectsScheduling);
  if (entries.length === 0) return undefined;
  const reviews = entries.map((entry, i) => ({
    rating: entry.ease,
    deltaT: i === 0 ? 0 : daysElapsed(entries[i - 1]!, nextDayAt) - daysElapsed(entry, nextDayAt),
  }));
  return { reviews, complete, filtered: entries };
}

export interface MemoryStateInputs {
  fsrs: Fsrs;
  /** The card's revlog rows, oldest first. */
  revlog: readonly Entry[];
  nextDayAt: number;
  historicalRetention: number;
  ignoreBeforeMs: number;
  /** For the SM-2 fallback when there is no usable history. */
  cardType: number;
  interval: number;
  /** cards.factor */
  factor: number;
}

/** Anki's `Card::set_memory_state` after `fsrs_item_for_memory_state`. */
export function memoryStateFromHistory(input: MemoryStateInputs): MemoryState | undefined {
  const { fsrs } = input;
  const history = reviewsForFsrs(input.revlog, input.nextDayAt, input.ignoreBeforeMs);
  if (history) {
    if (history.complete) return fsrs.memoryState(history.reviews);
    const first = history.filtered[0]!;
    const interval = f32(Math.max(first.ivl, 1));
    const ease = f32((first.factor === 0 ? 2500 : first.factor) / 1000);
    const start = fsrs.memoryStateFromSm2(ease, interval, input.historicalRetention);
    if (ease <= f32(1.1)) start.difficulty = add(mul(sub(ease, f32(0.1)), 9), 1);
    return fsrs.memoryState(history.reviews.slice(1), start);
  }
  if (input.cardType === 0 || input.interval === 0) return undefined;
  return fsrs.memoryStateFromSm2(f32(input.factor / 1000), f32(input.interval), input.historicalRetention);
}

/** Unix seconds of the last rated, non-cramming answer (storage time_of_last_review.sql). */
export function timeOfLastReview(revlog: readonly Entry[]): number | undefined {
  let best: Entry | undefined;
  for (const e of revlog) {
    if (e.ease >= 1 && e.ease <= 4 && !(e.type === REVLOG_FILTERED && e.factor === 0) && (!best || e.id > best.id)) best = e;
  }
  return best ? Math.trunc(best.id / 1000) : undefined;
}
