/**
 * Bridge methods of the study screens: deck browser actions, overview, reviewer,
 * deck options, statistics, check database. Types only, plus tiny pure helpers.
 */
import type { DeckTreeNode } from '../bridge';

export interface StudyCounts {
  newCount: number;
  learnCount: number;
  reviewCount: number;
}

export interface DeckOverviewData {
  deckId: number;
  /** Full `A::B` name. */
  name: string;
  /** The deck description (user HTML; shown in a sandboxed frame). */
  description: string;
  filtered: boolean;
  /** Today's remaining counts, daily limits applied (what the deck list shows). */
  counts: StudyCounts;
  /** Counts without daily limits, to tell when a limit hides cards. */
  unlimited: StudyCounts;
  limitsReached: { newLimit: boolean; reviewLimit: boolean };
  /** Cards answered today in this deck and its children. */
  studiedToday: number;
  totalCards: number;
  suspendedCards: number;
  buriedCards: number;
}

export type AnswerEase = 1 | 2 | 3 | 4;

export interface AnswerButton {
  ease: AnswerEase;
  /** "Again", "Hard", "Good", "Easy". */
  label: string;
  /** The next interval as Anki labels it ("<1m", "10m", "4d"). */
  interval: string;
}

/** A card as the reviewer shows it. HTML is rendered by main and shown in a sandboxed frame. */
export interface ReviewCard {
  cardId: number;
  noteId: number;
  ord: number;
  deckName: string;
  notetypeName: string;
  templateName: string;
  /** Question body: `[anki:play]` markers removed, `[[type:…]]` removed (the box is outside the frame). */
  questionHtml: string;
  /** Answer body; `[[type:…]]` replaced with the typed-answer comparison once the answer is shown. */
  answerHtml: string;
  css: string;
  /** `card card<ord+1>`: the classes Anki puts on the card body. */
  cardClass: string;
  /** Media file names of `[sound:…]` tags on each side, in order. */
  questionAudio: string[];
  answerAudio: string[];
  /** The field whose answer is typed in (`[[type:Field]]`), or null. */
  typeAnswerField: string | null;
  /** 0 = none, 1 red … 7 purple. */
  flag: number;
  marked: boolean;
  /** Which queue the card was taken from. */
  queue: 'new' | 'learn' | 'review';
  buttons: AnswerButton[];
}

export type ReviewSide = 'question' | 'answer';

export interface ReviewerView {
  /** 'reviewing': a card is shown; 'done': nothing left today (congratulations); 'closed': reviewer not open. */
  status: 'reviewing' | 'done' | 'closed';
  deckId: number | null;
  deckName: string;
  side: ReviewSide;
  card: ReviewCard | null;
  counts: StudyCounts;
  /** When the current card's timer started (ms, main's clock), and the preset's cap on answer time. */
  timerStartedAt: number;
  maxAnswerSecs: number;
  showTimer: boolean;
  /** Play a side's audio when it is shown (the preset's autoplay). */
  autoplay: boolean;
  /** An answer (or bury/suspend) can be undone. */
  canUndo: boolean;
  /** Increases on every change, so the renderer can drop stale updates. */
  revision: number;
  /** A short notice to show once ("Card suspended.", "Undid Good."). */
  notice: string | null;
}

/** A deck options preset in the units the options screen edits. */
export interface PresetSettings {
  id: number;
  name: string;
  newPerDay: number;
  reviewsPerDay: number;
  /** Minutes. */
  learnSteps: number[];
  relearnSteps: number[];
  graduatingInterval: number;
  easyInterval: number;
  /** Starting ease as a multiplier (2.5). */
  startingEase: number;
  easyBonus: number;
  hardInterval: number;
  intervalModifier: number;
  maximumInterval: number;
  /** Lapse "New interval" multiplier. */
  newInterval: number;
  minimumInterval: number;
  leechThreshold: number;
  leechAction: 'suspend' | 'tag';
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
  desiredRetention: number;
  maxAnswerSecs: number;
  showTimer: boolean;
  autoplay: boolean;
}

export interface DeckOptionsData {
  deckId: number;
  deckName: string;
  filtered: boolean;
  /** The preset the deck uses. */
  presetId: number;
  presets: (PresetSettings & { deckCount: number })[];
  /** Collection-wide FSRS switch (config `fsrs`). */
  fsrs: boolean;
}

export interface StatsData {
  deckId: number | null;
  /** "Whole collection" or the deck's full name. */
  scopeName: string;
  today: { reviews: number; minutes: number; again: number; learn: number; review: number; relearn: number; correctPercent: number };
  cardCounts: { new: number; learning: number; young: number; mature: number; suspended: number; buried: number };
  /** Reviews per day, oldest first; `day` is relative to today (0 = today, −1 = yesterday). */
  reviewsPerDay: { day: number; learn: number; review: number; relearn: number; other: number }[];
  /** Cards due per coming day (day 0 = today, overdue included). */
  futureDue: { day: number; count: number }[];
  /** Review intervals bucketed: label like "≤ 7d". */
  intervals: { label: string; count: number }[];
  /** Answer buttons in the last 30 days per card kind: counts of Again, Hard, Good, Easy. */
  answerButtons: { kind: 'learning' | 'young' | 'mature'; counts: number[] }[];
}

export interface CheckDatabaseResult {
  integrityOk: boolean;
  problems: string[];
  fixed: Record<string, number>;
}

/** Parameters that carry the sequence number of the last study command the renderer processed. */
export interface Sequenced {
  seq: number;
}

/** Bridge methods of the study screens: deck browser actions, overview, reviewer, options, statistics. */
export interface StudyMethods {
  /** The deck tree with the scheduler's limited counts. */
  'study.decks.tree': [Record<string, never>, DeckTreeNode[]];
  'study.decks.create': [{ name: string }, { id: number }];
  'study.decks.rename': [{ id: number; name: string }, null];
  /** Moves a deck under another (null = top level), keeping its own name. */
  'study.decks.reparent': [{ id: number; parentId: number | null }, null];
  'study.decks.delete': [{ id: number }, { cardsDeleted: number }];
  'study.decks.setCollapsed': [{ id: number; collapsed: boolean }, null];
  'study.overview': [{ deckId: number }, DeckOverviewData];

  /** The reviewer screen opened for a deck: returns what to show (the current card if already open). */
  'study.review.open': [{ deckId: number } & Sequenced, ReviewerView];
  /** The reviewer screen closed (ignored when the controller has moved on since `seq`). */
  'study.review.close': [Sequenced, null];
  'study.review.view': [Record<string, never>, ReviewerView];
  'study.review.showAnswer': [{ cardId: number; typed?: string }, ReviewerView];
  /** Answers and returns the next card with its intervals, in one call. */
  'study.review.answer': [{ cardId: number; ease: AnswerEase }, ReviewerView];
  'study.review.undo': [Record<string, never>, ReviewerView];
  'study.review.setFlag': [{ cardId: number; flag: number }, ReviewerView];
  'study.review.toggleMark': [{ cardId: number }, ReviewerView];
  'study.review.bury': [{ cardId: number }, ReviewerView];
  'study.review.suspend': [{ cardId: number }, ReviewerView];

  'study.options.get': [{ deckId: number }, DeckOptionsData];
  'study.options.save': [{ deckId: number; preset: PresetSettings; fsrs: boolean }, null];
  'study.options.addPreset': [{ deckId: number; name: string; cloneFrom: number | null }, { id: number }];
  'study.options.renamePreset': [{ id: number; name: string }, null];
  'study.options.removePreset': [{ id: number }, null];

  'study.stats': [{ deckId: number | null }, StatsData];
  'study.checkDatabase': [Record<string, never>, CheckDatabaseResult];
}

/** GuiCommand kinds the study area's controller sends to the renderer. */
export const STUDY_COMMANDS = {
  /** Navigate to a study screen: { screen, params, seq }. */
  navigate: 'study.navigate',
  /** The reviewer's state changed in main: { view, seq }. */
  sync: 'study.review.sync',
  /** Replay the current side's audio: { seq }. */
  replayAudio: 'study.review.replayAudio',
} as const;

export interface StudyNavigatePayload extends Sequenced {
  screen: string;
  params: Record<string, unknown>;
}

export interface StudySyncPayload extends Sequenced {
  view: ReviewerView;
}

export const FLAG_NAMES = ['', 'Red', 'Orange', 'Green', 'Blue', 'Pink', 'Turquoise', 'Purple'] as const;

export const EASE_LABELS: Record<AnswerEase, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
