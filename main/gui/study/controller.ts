import type { ApiHost } from '../../api/host';
import type { BridgeHub } from '../hub';
import type { Collection } from '../../engine/collection';
import type { DeckId } from '../../engine/model/types';
import type { AnswerButton, AnswerEase, CheckDatabaseResult, ReviewerView, StudyNavigatePayload, StudySyncPayload } from '../../../shared/bridge/study';
import { EASE_LABELS, STUDY_COMMANDS } from '../../../shared/bridge/study';
import { deckByName } from '../../engine/decks/store';
import { checkDatabase } from '../../engine/check';
import { ReviewSession } from './session';
import { selectDeck } from './deck-ops';
import { currentCardInfo, type CurrentCardInfo } from './current-card';
import * as sched from './scheduler-port';

/** An answer the add-on gives as an error (e.g. `reviewer is not available`); the API sends its text. */
export class StudyGuiError extends Error {}

const controllers = new WeakMap<BridgeHub, StudyController>();

/** The one study controller of a bridge hub (bridge handlers and gui* actions share it). */
export function studyController(hub: BridgeHub, host: ApiHost): StudyController {
  let controller = controllers.get(hub);
  if (!controller) {
    controller = new StudyController(hub, host);
    controllers.set(hub, controller);
  }
  return controller;
}

/**
 * Keeps the reviewer's state in main (current card, shown side, timer) and drives the
 * renderer through GuiCommands. The renderer's reviewer shows `view()`; gui* actions
 * change the state here and push the new view. With no window attached, reviewer
 * questions answer as the add-on does without its reviewer.
 */
export class StudyController {
  private session: ReviewSession | null = null;
  /** The reviewer screen is showing the session. */
  private active = false;
  /** Sequence number of the last command sent; the renderer echoes the last it saw. */
  private seq = 0;
  private revision = 0;

  constructor(
    private readonly hub: BridgeHub,
    private readonly host: ApiHost,
  ) {}

  private col(): Collection {
    return this.host.collection();
  }

  /** The session, dropped when the profile (collection) changed under it. */
  private liveSession(): ReviewSession | null {
    if (this.session && this.session.col !== this.col()) {
      this.session = null;
      this.active = false;
    }
    return this.session;
  }

  // ---- The renderer's reviewer screen -------------------------------------------------

  /** The reviewer screen opened (or the renderer reloaded it) for a deck. */
  open(deckId: DeckId, seq: number): ReviewerView {
    const session = this.liveSession();
    if (seq < this.seq && this.active && session && session.deckId !== deckId) return this.view();
    if (session && session.deckId === deckId) session.refresh();
    else this.session = this.newSession(deckId);
    this.active = true;
    return this.view();
  }

  close(seq: number): void {
    if (seq >= this.seq) this.active = false;
  }

  view(): ReviewerView {
    const session = this.active ? this.liveSession() : null;
    this.revision++;
    if (!session) return closedView(this.revision);
    const current = session.current;
    const options = session.presetOptions();
    const card = current
      ? { ...current.rendered.view, answerHtml: current.answerHtml, queue: current.queue, buttons: this.buttonsFor(session) }
      : null;
    const notice = session.notice;
    session.notice = null;
    return {
      status: current ? 'reviewing' : 'done',
      deckId: session.deckId,
      deckName: session.deckName,
      side: current?.side ?? 'question',
      card,
      counts: session.counts,
      timerStartedAt: current?.timerStartedAt ?? 0,
      ...options,
      canUndo: session.canUndo,
      revision: this.revision,
      notice,
    };
  }

  private buttonsFor(session: ReviewSession): AnswerButton[] {
    const current = session.current!;
    const labels = sched.nextIntervalLabels(session.col, current.rendered.card.id);
    return ([1, 2, 3, 4] as const).map((ease) => ({ ease, label: EASE_LABELS[ease], interval: labels[ease - 1]! }));
  }

  /** Runs a reviewer action for the renderer and returns the new view. */
  act(action: (session: ReviewSession) => void): ReviewerView {
    const session = this.active ? this.liveSession() : null;
    if (!session) throw new StudyGuiError('the reviewer is not open');
    action(session);
    return this.view();
  }

  // ---- gui* actions ---------------------------------------------------------------------

  /** `guiReviewActive`: the reviewer is showing a card. No window → `reviewer is not available`. */
  reviewActive(): boolean {
    if (!this.hub.attached) throw new StudyGuiError('reviewer is not available');
    return this.active && this.liveSession()?.current != null;
  }

  /** The session when the reviewer is showing a card, else null (after the window check). */
  private reviewing(): ReviewSession | null {
    return this.reviewActive() ? this.session : null;
  }

  currentCard(): CurrentCardInfo {
    const session = this.reviewing();
    if (!session?.current) throw new StudyGuiError('Gui review is not currently active.');
    return currentCardInfo(session.col, session.current.rendered.card, this.buttonsFor(session));
  }

  async startCardTimer(): Promise<boolean> {
    const session = this.reviewing();
    if (!session) return false;
    session.startTimer();
    await this.sync();
    return true;
  }

  async showQuestion(): Promise<boolean> {
    const session = this.reviewing();
    if (!session) return false;
    session.showQuestion();
    session.startTimer();
    await this.sync();
    return true;
  }

  async showAnswer(): Promise<boolean> {
    const session = this.reviewing();
    if (!session) return false;
    session.showAnswer();
    await this.sync();
    return true;
  }

  async answerCard(ease: number): Promise<boolean> {
    const session = this.reviewing();
    if (!session?.current || session.current.side !== 'answer') return false;
    if (!Number.isInteger(ease) || ease <= 0 || ease > 4) return false;
    session.answer(ease as AnswerEase);
    await this.sync();
    return true;
  }

  async playAudio(): Promise<boolean> {
    if (!this.reviewing()) return false;
    await this.send(STUDY_COMMANDS.replayAudio, {});
    return true;
  }

  /** `guiUndo`: undoes the last reviewer action, or the last answer given anywhere. Always true. */
  async undo(): Promise<boolean> {
    const session = this.active ? this.liveSession() : null;
    if (session) session.undo();
    else sched.undoAnswer(this.col());
    if (session && this.hub.attached) await this.sync();
    return true;
  }

  /** `guiDeckOverview`: selects the deck and shows its overview; false for an unknown deck or no window. */
  async deckOverview(name: string): Promise<boolean> {
    const deck = deckByName(this.col(), name);
    if (!deck) return false;
    selectDeck(this.col(), deck.id);
    if (!this.hub.attached) return false;
    this.active = false;
    await this.navigate('overview', { deckId: deck.id });
    return true;
  }

  async deckBrowser(): Promise<null> {
    if (this.hub.attached) {
      this.active = false;
      await this.navigate('decks', {});
    }
    return null;
  }

  /** `guiDeckReview`: the overview, then the reviewer on the deck's first card. */
  async deckReview(name: string): Promise<boolean> {
    if (!(await this.deckOverview(name))) return false;
    const deckId = deckByName(this.col(), name)!.id;
    this.session = this.newSession(deckId);
    this.active = true;
    await this.navigate('review', { deckId });
    await this.sync();
    return true;
  }

  /** `guiCheckDatabase`: runs the check (also without a window) and shows the report. */
  async checkDatabase(): Promise<CheckDatabaseResult> {
    const report = checkDatabase(this.col());
    if (this.hub.attached) await this.navigate('check-database', { report }).catch(() => undefined);
    return report;
  }

  private newSession(deckId: DeckId): ReviewSession {
    selectDeck(this.col(), deckId);
    const session = new ReviewSession(this.col(), deckId);
    session.advance();
    return session;
  }

  private async navigate(screen: string, params: Record<string, unknown>): Promise<void> {
    await this.send(STUDY_COMMANDS.navigate, { screen, params } satisfies Omit<StudyNavigatePayload, 'seq'>);
  }

  /** Pushes the reviewer's view to the renderer. */
  private async sync(): Promise<void> {
    if (!this.hub.attached) return;
    await this.send(STUDY_COMMANDS.sync, { view: this.view() } satisfies Omit<StudySyncPayload, 'seq'>);
  }

  private async send(kind: string, payload: Record<string, unknown>): Promise<void> {
    this.seq++;
    await this.hub.command(kind, { ...payload, seq: this.seq });
  }
}

function closedView(revision: number): ReviewerView {
  return {
    status: 'closed',
    deckId: null,
    deckName: '',
    side: 'question',
    card: null,
    counts: { newCount: 0, learnCount: 0, reviewCount: 0 },
    timerStartedAt: 0,
    maxAnswerSecs: 60,
    showTimer: false,
    autoplay: false,
    canUndo: false,
    revision,
    notice: null,
  };
}
