import type { Collection } from '../../engine/collection';
import type { CardId, CardRow, DeckId } from '../../engine/model/types';
import type { AnswerEase, ReviewSide, StudyCounts } from '../../../shared/bridge/study';
import { EASE_LABELS } from '../../../shared/bridge/study';
import { EngineError } from '../../engine/errors';
import { requireDeck } from '../../engine/decks/store';
import { configForDeck } from '../../engine/decks/config-ops';
import { setCardFlag } from '../../engine/cards/suspend';
import { noteTags, requireNote } from '../../engine/notes/query';
import { updateNote } from '../../engine/notes/update';
import { answerHtmlFor, renderForReview, type RenderedCard } from './card-view';
import * as sched from './scheduler-port';

export interface CurrentCard {
  rendered: RenderedCard;
  queue: sched.QueueName;
  side: ReviewSide;
  typed: string | null;
  answerHtml: string;
  /** ms on the collection's clock. */
  timerStartedAt: number;
}

/** Reviewer actions other than answers that undo restores (answers undo through the scheduler). */
type UndoEntry =
  | { kind: 'answer'; ease: AnswerEase }
  | { kind: 'cards'; label: string; before: CardRow[] }
  | { kind: 'tags'; label: string; noteId: number; tags: string[]; cardId: CardId };

const MAX_UNDO = 30;

/**
 * One deck's review: the current card, the shown side, the timer; the next card is
 * taken from the scheduler's queue after every change. Lives in main; the renderer
 * shows what `ReviewerView` says.
 */
export class ReviewSession {
  current: CurrentCard | null = null;
  counts: StudyCounts = { newCount: 0, learnCount: 0, reviewCount: 0 };
  notice: string | null = null;
  private readonly undoStack: UndoEntry[] = [];

  constructor(
    readonly col: Collection,
    readonly deckId: DeckId,
  ) {
    requireDeck(col, deckId);
  }

  get deckName(): string {
    return requireDeck(this.col, this.deckId).name;
  }

  /** The preset's timer and autoplay settings for the deck. */
  presetOptions(): { maxAnswerSecs: number; showTimer: boolean; autoplay: boolean } {
    const conf = configForDeck(this.col, this.deckId);
    return {
      maxAnswerSecs: conf?.maxTaken ?? 60,
      showTimer: conf?.timer === 1,
      autoplay: conf?.autoplay ?? true,
    };
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || sched.canUndo(this.col);
  }

  /** Shows the scheduler's next card (question side), or nothing when the deck is done. */
  advance(): void {
    const snapshot = sched.studyQueue(this.col, this.deckId);
    this.counts = snapshot.counts;
    this.current = snapshot.next ? this.show(snapshot.next.cardId, snapshot.next.queue) : null;
  }

  /**
   * Keeps the current card (same side, re-rendered: its note may have been edited) while it
   * is unchanged; when it changed elsewhere (answered over the API, deleted…) takes the next.
   */
  refresh(): void {
    const current = this.current;
    const stored = current ? sched.cardById(this.col, current.rendered.card.id) : undefined;
    if (
      current &&
      stored &&
      stored.mod === current.rendered.card.mod &&
      stored.queue === current.rendered.card.queue &&
      stored.did === current.rendered.card.did
    ) {
      this.rerender(current);
      return;
    }
    this.advance();
  }

  private show(cardId: CardId, queue: sched.QueueName): CurrentCard {
    const card = sched.cardById(this.col, cardId);
    if (!card) throw new EngineError('not-found', `Card was not found: ${cardId}`);
    const rendered = renderForReview(this.col, card);
    return {
      rendered,
      queue,
      side: 'question',
      typed: null,
      answerHtml: answerHtmlFor(rendered, null),
      timerStartedAt: this.col.nowMs(),
    };
  }

  private requireCurrent(cardId?: CardId): CurrentCard {
    const current = this.current;
    if (!current) throw new EngineError('invalid', 'there is no card to review');
    if (cardId !== undefined && current.rendered.card.id !== cardId) {
      throw new EngineError('invalid', `card ${cardId} is not the card being reviewed`);
    }
    return current;
  }

  showQuestion(): void {
    const current = this.requireCurrent();
    current.side = 'question';
    current.typed = null;
    current.answerHtml = answerHtmlFor(current.rendered, null);
  }

  showAnswer(cardId?: CardId, typed?: string): void {
    const current = this.requireCurrent(cardId);
    if (typed !== undefined) current.typed = typed;
    current.answerHtml = answerHtmlFor(current.rendered, current.typed);
    current.side = 'answer';
  }

  startTimer(): void {
    this.requireCurrent().timerStartedAt = this.col.nowMs();
  }

  /** Answers the current card (its answer must be shown), then moves to the next. */
  answer(ease: AnswerEase, cardId?: CardId): void {
    const current = this.requireCurrent(cardId);
    if (current.side !== 'answer') throw new EngineError('invalid', 'show the answer before answering');
    sched.answer(this.col, current.rendered.card.id, ease, this.col.nowMs() - current.timerStartedAt);
    this.pushUndo({ kind: 'answer', ease });
    this.notice = null;
    this.advance();
  }

  bury(cardId?: CardId): void {
    const current = this.requireCurrent(cardId);
    this.pushUndo({ kind: 'cards', label: 'Bury', before: [current.rendered.card] });
    sched.bury(this.col, [current.rendered.card.id]);
    this.notice = 'Card buried.';
    this.advance();
  }

  suspend(cardId?: CardId): void {
    const current = this.requireCurrent(cardId);
    this.pushUndo({ kind: 'cards', label: 'Suspend', before: [current.rendered.card] });
    sched.suspend(this.col, [current.rendered.card.id]);
    this.notice = 'Card suspended.';
    this.advance();
  }

  /** Sets the flag (the same flag again clears it, as in Anki). */
  setFlag(flag: number, cardId?: CardId): void {
    const current = this.requireCurrent(cardId);
    const card = current.rendered.card;
    const next = (card.flags & 7) === flag ? 0 : flag;
    this.pushUndo({ kind: 'cards', label: 'Flag', before: [card] });
    setCardFlag(this.col, [card.id], next);
    this.rerender(current);
  }

  toggleMark(cardId?: CardId): void {
    const current = this.requireCurrent(cardId);
    const note = requireNote(this.col, current.rendered.card.nid);
    const tags = noteTags(note);
    const marked = tags.some((t) => t.toLowerCase() === 'marked');
    this.pushUndo({ kind: 'tags', label: 'Mark', noteId: note.id, tags, cardId: current.rendered.card.id });
    updateNote(this.col, note.id, {
      tags: marked ? tags.filter((t) => t.toLowerCase() !== 'marked') : [...tags, 'marked'],
    });
    this.rerender(current);
  }

  /** Re-reads the current card after a change that keeps it on screen (flag, mark). */
  private rerender(current: CurrentCard): void {
    const card = sched.cardById(this.col, current.rendered.card.id);
    if (!card) return this.advance();
    const rendered = renderForReview(this.col, card);
    this.current = { ...current, rendered, answerHtml: answerHtmlFor(rendered, current.typed) };
  }

  /** Undoes the last reviewer action (or the last answer given anywhere); shows that card's question. */
  undo(): boolean {
    const entry = this.undoStack.pop();
    let cardId: CardId | undefined;
    if (!entry || entry.kind === 'answer') {
      cardId = sched.undoAnswer(this.col)?.id;
      this.notice =
        cardId === undefined ? 'Nothing to undo.' : `Undid ${entry ? EASE_LABELS[entry.ease] : 'answer'}.`;
    } else if (entry.kind === 'cards') {
      this.col.transact(() => entry.before.forEach((card) => sched.writeCard(this.col, card)));
      cardId = entry.before[0]?.id;
      this.notice = `Undid ${entry.label}.`;
    } else {
      updateNote(this.col, entry.noteId, { tags: entry.tags });
      cardId = entry.cardId;
      this.notice = `Undid ${entry.label}.`;
    }
    if (cardId === undefined) return false;
    const snapshot = sched.studyQueue(this.col, this.deckId);
    this.counts = snapshot.counts;
    const card = sched.cardById(this.col, cardId);
    this.current = card ? this.show(cardId, queueOf(card)) : null;
    return true;
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
  }
}

function queueOf(card: CardRow): sched.QueueName {
  if (card.queue === 0) return 'new';
  if (card.queue === 2) return 'review';
  return 'learn';
}
