/**
 * Anki's v3 scheduler (SM-2 and FSRS-6), reproducing anki 26.9.3's results.
 *
 * Collection-level functions take a Collection and run in one transaction.
 * The pure state machine (`answerCardPure`, `nextIntervals`, …) needs no database.
 */

// Answering and undo
export { answerCard, answerInputFor, prepareCardById, currentDeckOf, type AnswerOptions, type AnswerResult } from './answer-card';
export { undoLastAnswer, canUndoAnswer, clearAnswerUndo } from './undo';

// What to study
export { nextCard, buildQueue, studyCounts, type QueueEntry, type QueueKind, type StudyQueue } from './queue';
export { deckCounts, deckTreeCounts, deckBrowserCounts, type DeckCounts, type DeckTreeNode } from './counts';

// Burying, suspending, manual scheduling
export { buryCards, unburyCards, unburyDeck, unburyIfDayRolledOver, type UnburyDeckMode } from './bury';
export { suspendCards, unsuspendCards } from './suspend';
export { forgetCards, type ForgetOptions } from './forget';
export { relearnCards } from './relearn';
export { setDueDate, parseDueDate, type DueDateSpec, type SetDueDateOptions } from './set-due-date';
export { repositionNewCards, type RepositionOptions } from './reposition';

// Queries
export { getIntervals, areDue, cardNextIntervals } from './intervals';

// Pure state machine
export {
  answerCardPure,
  prepareCard,
  applyAnswer,
  currentCardState,
  NORMAL_DECK,
  type AnswerInput,
  type AnswerOutcome,
  type ApplyOptions,
  type CurrentDeck,
  type PreparedCard,
  type Rating,
} from './answer';
export { nextIntervals, describeNextStates, type ButtonInterval } from './next-intervals';
export { answerButtonLabel, answerButtonTime } from './labels';
export { schedulingConfig, type SchedulingConfig } from './config';
export { parseCardData, serializeCardData, type CardData, type MemoryState } from './card-data';
export { Fsrs, DEFAULT_PARAMETERS as FSRS_DEFAULT_PARAMETERS, type FsrsNextStates } from './fsrs';
export { fuzzFactor, fuzzSeed } from './rng';
export type { CardState, SchedulingStates } from './states';
