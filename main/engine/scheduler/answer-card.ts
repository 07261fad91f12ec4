import type { Collection } from '../collection';
import { deckById } from '../decks/store';
import { EngineError } from '../errors';
import type { CardId, CardRow, Deck, RevlogRow } from '../model/types';
import { applyAnswer, prepareCard, type AnswerInput, type CurrentDeck, type PreparedCard, type Rating } from './answer';
import { burySiblings, buryModeOf } from './bury';
import { insertRevlog, putAnsweredCard, requireCard, revlogForCard } from './card-store';
import { schedulingConfigOf } from './config';
import { parentDecks, presetForDeck, updateStatsOf } from './deck-stats';
import { LEECH_TAG, addTagToNote } from './leech';
import { deckCounters, noteRow, pushUndo, type AnswerUndo } from './undo';

export interface AnswerOptions {
  /** How long the user took, in ms (capped by the preset's maximum answer time). */
  timeTakenMs?: number;
  /** Apply Anki's interval fuzz. Default true; tests turn it off. */
  fuzz?: boolean;
}

export interface AnswerResult {
  card: CardRow;
  revlog: RevlogRow;
  leeched: boolean;
  /** Siblings buried by this answer. */
  buried: CardId[];
}

/** How the deck a card sits in affects answering (filtered decks: rescheduling or preview). */
export function currentDeckOf(deck: Deck): CurrentDeck {
  const filtered = deck.dyn === 1;
  const secs = (v: unknown) => (typeof v === 'number' && v > 0 ? Math.trunc(v) : 0);
  return {
    filtered,
    reschedule: filtered ? deck.resched === true || (deck.resched as unknown) === 1 : true,
    previewAgainSecs: secs(deck.previewAgainSecs),
    previewHardSecs: secs(deck.previewHardSecs),
    previewGoodSecs: secs(deck.previewGoodSecs),
  };
}

/** Everything the pure scheduler needs for one card, read from the collection. */
export function answerInputFor(col: Collection, card: CardRow, fuzz = true): AnswerInput {
  const deck = deckById(col, card.did);
  if (!deck) throw new EngineError('not-found', `deck not found: ${card.did}`);
  const home = card.odid ? deckById(col, card.odid) : deck;
  if (!home) throw new EngineError('not-found', `deck not found: ${card.odid}`);
  if (home.dyn === 1) throw new EngineError('invalid', 'home deck is filtered');
  const fsrs = col.getConfig<boolean>('fsrs', false) === true;
  return {
    card,
    config: schedulingConfigOf(presetForDeck(col, home)),
    deck: currentDeckOf(deck),
    deckDesiredRetention: typeof home.desiredRetention === 'number' ? home.desiredRetention : null,
    timing: col.timing(),
    fsrs,
    fsrsShortTermWithSteps: col.getConfig<boolean>('fsrsShortTermWithStepsEnabled', false) === true,
    fuzz,
    revlog: fsrs ? revlogForCard(col, card.id) : [],
  };
}

/** The scheduling states of a card as it is now (what the answer buttons would do). */
export function prepareCardById(col: Collection, cardId: CardId, fuzz = true): PreparedCard {
  return prepareCard(answerInputFor(col, requireCard(col, cardId), fuzz));
}

function checkRating(rating: unknown): Rating {
  if (rating === 1 || rating === 2 || rating === 3 || rating === 4) return rating;
  throw new EngineError('invalid', `invalid ease ${String(rating)}: use 1 (Again) to 4 (Easy)`);
}

/**
 * Answers a card as Anki's reviewer does, in one transaction: the card's new
 * state, a revlog row, the studied-today counters of its deck and parents,
 * sibling burying and the leech tag/suspension. The answer can be undone with
 * `undoLastAnswer`.
 */
export function answerCard(col: Collection, cardId: CardId, rating: Rating, options: AnswerOptions = {}): AnswerResult {
  const ease = checkRating(rating);
  return col.transact(() => {
    const original = requireCard(col, cardId);
    const input = answerInputFor(col, original, options.fuzz ?? true);
    const outcome = applyAnswer(prepareCard(input), ease, { answeredAtMs: col.nowMs(), timeTakenMs: options.timeTakenMs ?? 0 });
    const undo: AnswerUndo = { card: original, after: outcome.card, revlogId: 0, decks: [], siblings: [], note: undefined };

    const revlogId = insertRevlog(col, outcome.revlog);
    undo.revlogId = revlogId;

    const today = input.timing.daysElapsed;
    const deck = deckById(col, original.did)!;
    const decks = [deck, ...parentDecks(col, deck)];
    undo.decks = decks.map(deckCounters);
    updateStatsOf(col, decks, today, {
      newDelta: original.queue === 0 ? 1 : 0,
      reviewDelta: original.queue === 2 || original.queue === 3 ? 1 : 0,
      msDelta: outcome.revlog.time,
    });

    const buried = burySiblings(col, original, buryModeOf(input.config));
    undo.siblings = buried;

    putAnsweredCard(col, original, outcome.card);
    if (outcome.leeched) {
      const before = noteRow(col, original.nid);
      if (addTagToNote(col, original.nid, LEECH_TAG) && before) undo.note = before;
    }
    pushUndo(col, undo);
    return { card: outcome.card, revlog: { ...outcome.revlog, id: revlogId }, leeched: outcome.leeched, buried: buried.map((c) => c.id) };
  });
}
