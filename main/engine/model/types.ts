/**
 * Anki's data model as Engram stores it. Decks, presets and notetypes keep
 * Anki's legacy (schema-11) JSON shape, which is also what AnkiConnect returns.
 * Field and template ids are random i64 values, so they are bigint.
 */

export type NoteId = number;
export type CardId = number;
export type DeckId = number;
export type NotetypeId = number;
export type DeckConfigId = number;

export const enum NotetypeKind {
  Normal = 0,
  Cloze = 1,
}

export interface NotetypeField {
  name: string;
  ord: number;
  sticky: boolean;
  rtl: boolean;
  font: string;
  size: number;
  description: string;
  plainText: boolean;
  collapsed: boolean;
  excludeFromSearch: boolean;
  id: bigint;
  tag: number | null;
  preventDeletion: boolean;
  /** Unknown legacy keys, kept so they round-trip. */
  other?: Record<string, unknown>;
}

export interface NotetypeTemplate {
  name: string;
  ord: number;
  qfmt: string;
  afmt: string;
  bqfmt: string;
  bafmt: string;
  /** Deck override for new cards of this template; null = none. */
  did: DeckId | null;
  bfont: string;
  bsize: number;
  id: bigint;
  other?: Record<string, unknown>;
}

/** Legacy requirement cache entry: [card ord, "any"|"all"|"none", field ords]. */
export type TemplateRequirement = [number, 'any' | 'all' | 'none', number[]];

export interface Notetype {
  id: NotetypeId;
  name: string;
  type: NotetypeKind;
  mod: number;
  usn: number;
  sortf: number;
  did: DeckId | null;
  tmpls: NotetypeTemplate[];
  flds: NotetypeField[];
  css: string;
  latexPre: string;
  latexPost: string;
  latexsvg: boolean;
  req: TemplateRequirement[];
  originalStockKind: number;
  originalId?: number | null;
  other?: Record<string, unknown>;
}

export interface DayCounter extends Array<number> {
  0: number;
  1: number;
}

/** Legacy deck JSON (normal and filtered decks share these keys). */
export interface Deck {
  id: DeckId;
  mod: number;
  name: string;
  usn: number;
  lrnToday: [number, number];
  revToday: [number, number];
  newToday: [number, number];
  timeToday: [number, number];
  collapsed: boolean;
  browserCollapsed: boolean;
  desc: string;
  dyn: 0 | 1;
  /** Normal decks. */
  conf?: DeckConfigId;
  extendNew?: number;
  extendRev?: number;
  reviewLimit?: number | null;
  newLimit?: number | null;
  reviewLimitToday?: { limit: number; today: number } | null;
  newLimitToday?: { limit: number; today: number } | null;
  desiredRetention?: number | null;
  md?: boolean;
  /** Filtered decks (reserved). */
  resched?: boolean;
  terms?: [string, number, number][];
  separate?: boolean;
  delays?: number[] | null;
  previewDelay?: number;
  previewAgainSecs?: number;
  previewHardSecs?: number;
  previewGoodSecs?: number;
  [other: string]: unknown;
}

export interface DeckConfigNew {
  bury: boolean;
  delays: number[];
  initialFactor: number;
  ints: number[];
  order: number;
  perDay: number;
  [other: string]: unknown;
}

export interface DeckConfigRev {
  bury: boolean;
  ease4: number;
  ivlFct: number;
  maxIvl: number;
  perDay: number;
  hardFactor: number;
  [other: string]: unknown;
}

export interface DeckConfigLapse {
  delays: number[];
  leechAction: number;
  leechFails: number;
  minInt: number;
  mult: number;
  [other: string]: unknown;
}

/** Legacy deck-options preset JSON, the shape getDeckConfig returns. */
export interface DeckConfig {
  id: DeckConfigId;
  mod: number;
  name: string;
  usn: number;
  maxTaken: number;
  autoplay: boolean;
  timer: number;
  replayq: boolean;
  dyn: boolean;
  new: DeckConfigNew;
  rev: DeckConfigRev;
  lapse: DeckConfigLapse;
  newMix: number;
  newPerDayMinimum: number;
  interdayLearningMix: number;
  reviewOrder: number;
  newSortOrder: number;
  newGatherPriority: number;
  buryInterdayLearning: boolean;
  fsrsWeights: number[];
  fsrsParams5: number[];
  fsrsParams6: number[];
  desiredRetention: number;
  ignoreRevlogsBeforeDate: string;
  easyDaysPercentages: number[];
  stopTimerOnAnswer: boolean;
  secondsToShowQuestion: number;
  secondsToShowAnswer: number;
  questionAction: number;
  answerAction: number;
  waitForAudio: boolean;
  sm2Retention: number;
  weightSearch: string;
  [other: string]: unknown;
}

/** A row of the notes table (Anki's columns). */
export interface NoteRow {
  id: NoteId;
  guid: string;
  mid: NotetypeId;
  mod: number;
  usn: number;
  tags: string;
  flds: string;
  sfld: string | number;
  csum: number;
  flags: number;
  data: string;
}

/** A row of the cards table (Anki's columns). */
export interface CardRow {
  id: CardId;
  nid: NoteId;
  did: DeckId;
  ord: number;
  mod: number;
  usn: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  odue: number;
  odid: number;
  flags: number;
  data: string;
}

/** A row of the revlog table (Anki's columns). */
export interface RevlogRow {
  id: number;
  cid: CardId;
  usn: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export const CardType = { New: 0, Learn: 1, Review: 2, Relearn: 3 } as const;
export const CardQueue = {
  New: 0,
  Learn: 1,
  Review: 2,
  DayLearn: 3,
  Preview: 4,
  Suspended: -1,
  SchedBuried: -2,
  UserBuried: -3,
} as const;
