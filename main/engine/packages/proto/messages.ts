/**
 * Anki's stored protobuf messages (proto/anki/{notetypes,decks,deck_config,import_export}.proto),
 * decoded to plain objects and encoded back in ascending field order, as prost does.
 */
import { ProtoReader, ProtoWriter, WireType } from './wire';

const EMPTY: Uint8Array = new Uint8Array(0);

function decode<T>(buf: Uint8Array, init: T, onField: (msg: T, r: ProtoReader, field: number, wire: number) => boolean): T {
  const r = new ProtoReader(buf);
  for (let key = r.key(); key; key = r.key()) {
    if (!onField(init, r, key.field, key.wire)) r.skip(key.wire);
  }
  return init;
}

// ---------------------------------------------------------------- notetypes

export interface CardRequirementMsg {
  cardOrd: number;
  /** 0 none, 1 any, 2 all. */
  kind: number;
  fieldOrds: number[];
}

export interface NotetypeConfigMsg {
  kind: number;
  sortFieldIdx: number;
  css: string;
  targetDeckIdUnused: bigint;
  latexPre: string;
  latexPost: string;
  latexSvg: boolean;
  reqs: CardRequirementMsg[];
  originalStockKind: number;
  originalId: bigint | null;
  other: Uint8Array;
}

function decodeRequirement(buf: Uint8Array): CardRequirementMsg {
  return decode(buf, { cardOrd: 0, kind: 0, fieldOrds: [] as number[] }, (m, r, f, w) => {
    if (f === 1) m.cardOrd = r.uint32();
    else if (f === 2) m.kind = r.int32();
    else if (f === 3) r.uint32s(w, m.fieldOrds);
    else return false;
    return true;
  });
}

export function decodeNotetypeConfig(buf: Uint8Array): NotetypeConfigMsg {
  const init: NotetypeConfigMsg = {
    kind: 0, sortFieldIdx: 0, css: '', targetDeckIdUnused: 0n, latexPre: '', latexPost: '', latexSvg: false,
    reqs: [], originalStockKind: 0, originalId: null, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.kind = r.int32(); break;
      case 2: m.sortFieldIdx = r.uint32(); break;
      case 3: m.css = r.string(); break;
      case 4: m.targetDeckIdUnused = r.int64(); break;
      case 5: m.latexPre = r.string(); break;
      case 6: m.latexPost = r.string(); break;
      case 7: m.latexSvg = r.bool(); break;
      case 8: m.reqs.push(decodeRequirement(r.bytes())); break;
      case 9: m.originalStockKind = r.int32(); break;
      case 10: m.originalId = r.int64(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeNotetypeConfig(m: NotetypeConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .varintField(1, m.kind)
    .varintField(2, m.sortFieldIdx)
    .stringField(3, m.css)
    .varintField(4, m.targetDeckIdUnused)
    .stringField(5, m.latexPre)
    .stringField(6, m.latexPost)
    .varintField(7, m.latexSvg);
  for (const req of m.reqs) {
    w.message(8, new ProtoWriter().varintField(1, req.cardOrd).varintField(2, req.kind).packedUint32s(3, req.fieldOrds));
  }
  w.varintField(9, m.originalStockKind);
  if (m.originalId !== null) w.varint(10, m.originalId);
  return w.bytesField(255, m.other).finish();
}

export interface FieldConfigMsg {
  sticky: boolean;
  rtl: boolean;
  fontName: string;
  fontSize: number;
  description: string;
  plainText: boolean;
  collapsed: boolean;
  excludeFromSearch: boolean;
  id: bigint | null;
  tag: number | null;
  preventDeletion: boolean;
  other: Uint8Array;
}

export function decodeFieldConfig(buf: Uint8Array): FieldConfigMsg {
  const init: FieldConfigMsg = {
    sticky: false, rtl: false, fontName: '', fontSize: 0, description: '', plainText: false, collapsed: false,
    excludeFromSearch: false, id: null, tag: null, preventDeletion: false, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.sticky = r.bool(); break;
      case 2: m.rtl = r.bool(); break;
      case 3: m.fontName = r.string(); break;
      case 4: m.fontSize = r.uint32(); break;
      case 5: m.description = r.string(); break;
      case 6: m.plainText = r.bool(); break;
      case 7: m.collapsed = r.bool(); break;
      case 8: m.excludeFromSearch = r.bool(); break;
      case 9: m.id = r.int64(); break;
      case 10: m.tag = r.uint32(); break;
      case 11: m.preventDeletion = r.bool(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeFieldConfig(m: FieldConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .varintField(1, m.sticky)
    .varintField(2, m.rtl)
    .stringField(3, m.fontName)
    .varintField(4, m.fontSize)
    .stringField(5, m.description)
    .varintField(6, m.plainText)
    .varintField(7, m.collapsed)
    .varintField(8, m.excludeFromSearch);
  if (m.id !== null) w.varint(9, m.id);
  if (m.tag !== null) w.varint(10, m.tag);
  return w.varintField(11, m.preventDeletion).bytesField(255, m.other).finish();
}

export interface TemplateConfigMsg {
  qFormat: string;
  aFormat: string;
  qFormatBrowser: string;
  aFormatBrowser: string;
  targetDeckId: bigint;
  browserFontName: string;
  browserFontSize: number;
  id: bigint | null;
  other: Uint8Array;
}

export function decodeTemplateConfig(buf: Uint8Array): TemplateConfigMsg {
  const init: TemplateConfigMsg = {
    qFormat: '', aFormat: '', qFormatBrowser: '', aFormatBrowser: '', targetDeckId: 0n, browserFontName: '',
    browserFontSize: 0, id: null, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.qFormat = r.string(); break;
      case 2: m.aFormat = r.string(); break;
      case 3: m.qFormatBrowser = r.string(); break;
      case 4: m.aFormatBrowser = r.string(); break;
      case 5: m.targetDeckId = r.int64(); break;
      case 6: m.browserFontName = r.string(); break;
      case 7: m.browserFontSize = r.uint32(); break;
      case 8: m.id = r.int64(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeTemplateConfig(m: TemplateConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .stringField(1, m.qFormat)
    .stringField(2, m.aFormat)
    .stringField(3, m.qFormatBrowser)
    .stringField(4, m.aFormatBrowser)
    .varintField(5, m.targetDeckId)
    .stringField(6, m.browserFontName)
    .varintField(7, m.browserFontSize);
  if (m.id !== null) w.varint(8, m.id);
  return w.bytesField(255, m.other).finish();
}

// ---------------------------------------------------------------- decks

export interface DeckCommonMsg {
  studyCollapsed: boolean;
  browserCollapsed: boolean;
  lastDayStudied: number;
  newStudied: number;
  reviewStudied: number;
  learningStudied: number;
  millisecondsStudied: number;
  other: Uint8Array;
}

export function decodeDeckCommon(buf: Uint8Array): DeckCommonMsg {
  const init: DeckCommonMsg = {
    studyCollapsed: false, browserCollapsed: false, lastDayStudied: 0, newStudied: 0, reviewStudied: 0,
    learningStudied: 0, millisecondsStudied: 0, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.studyCollapsed = r.bool(); break;
      case 2: m.browserCollapsed = r.bool(); break;
      case 3: m.lastDayStudied = r.uint32(); break;
      case 4: m.newStudied = r.int32(); break;
      case 5: m.reviewStudied = r.int32(); break;
      case 6: m.learningStudied = r.int32(); break;
      case 7: m.millisecondsStudied = r.int32(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeDeckCommon(m: DeckCommonMsg): Uint8Array {
  return new ProtoWriter()
    .varintField(1, m.studyCollapsed)
    .varintField(2, m.browserCollapsed)
    .varintField(3, m.lastDayStudied)
    .varintField(4, m.newStudied)
    .varintField(5, m.reviewStudied)
    .varintField(6, m.learningStudied)
    .varintField(7, m.millisecondsStudied)
    .bytesField(255, m.other)
    .finish();
}

export interface DayLimitMsg {
  limit: number;
  today: number;
}

export interface NormalDeckMsg {
  configId: bigint;
  extendNew: number;
  extendReview: number;
  description: string;
  markdownDescription: boolean;
  reviewLimit: number | null;
  newLimit: number | null;
  reviewLimitToday: DayLimitMsg | null;
  newLimitToday: DayLimitMsg | null;
  desiredRetention: number | null;
}

export interface SearchTermMsg {
  search: string;
  limit: number;
  order: number;
}

export interface FilteredDeckMsg {
  reschedule: boolean;
  searchTerms: SearchTermMsg[];
  delays: number[];
  previewDelay: number;
  previewAgainSecs: number;
  previewHardSecs: number;
  previewGoodSecs: number;
}

export type DeckKindMsg = { normal: NormalDeckMsg } | { filtered: FilteredDeckMsg };

export function emptyNormalDeck(): NormalDeckMsg {
  return {
    configId: 0n, extendNew: 0, extendReview: 0, description: '', markdownDescription: false, reviewLimit: null,
    newLimit: null, reviewLimitToday: null, newLimitToday: null, desiredRetention: null,
  };
}

function decodeDayLimit(buf: Uint8Array): DayLimitMsg {
  return decode(buf, { limit: 0, today: 0 }, (m, r, f) => {
    if (f === 1) m.limit = r.uint32();
    else if (f === 2) m.today = r.uint32();
    else return false;
    return true;
  });
}

function decodeNormalDeck(buf: Uint8Array): NormalDeckMsg {
  return decode(buf, emptyNormalDeck(), (m, r, f) => {
    switch (f) {
      case 1: m.configId = r.int64(); break;
      case 2: m.extendNew = r.uint32(); break;
      case 3: m.extendReview = r.uint32(); break;
      case 4: m.description = r.string(); break;
      case 5: m.markdownDescription = r.bool(); break;
      case 6: m.reviewLimit = r.uint32(); break;
      case 7: m.newLimit = r.uint32(); break;
      case 8: m.reviewLimitToday = decodeDayLimit(r.bytes()); break;
      case 9: m.newLimitToday = decodeDayLimit(r.bytes()); break;
      case 10: m.desiredRetention = r.float(); break;
      default: return false;
    }
    return true;
  });
}

function decodeSearchTerm(buf: Uint8Array): SearchTermMsg {
  return decode(buf, { search: '', limit: 0, order: 0 }, (m, r, f) => {
    if (f === 1) m.search = r.string();
    else if (f === 2) m.limit = r.uint32();
    else if (f === 3) m.order = r.int32();
    else return false;
    return true;
  });
}

function decodeFilteredDeck(buf: Uint8Array): FilteredDeckMsg {
  const init: FilteredDeckMsg = {
    reschedule: false, searchTerms: [], delays: [], previewDelay: 0, previewAgainSecs: 0, previewHardSecs: 0,
    previewGoodSecs: 0,
  };
  return decode(buf, init, (m, r, f, w) => {
    switch (f) {
      case 1: m.reschedule = r.bool(); break;
      case 2: m.searchTerms.push(decodeSearchTerm(r.bytes())); break;
      case 3: r.floats(w, m.delays); break;
      case 4: m.previewDelay = r.uint32(); break;
      case 5: m.previewHardSecs = r.uint32(); break;
      case 6: m.previewGoodSecs = r.uint32(); break;
      case 7: m.previewAgainSecs = r.uint32(); break;
      default: return false;
    }
    return true;
  });
}

/** decks.kind (KindContainer). A blob with neither variant reads as a normal deck with defaults. */
export function decodeDeckKind(buf: Uint8Array): DeckKindMsg {
  let kind: DeckKindMsg = { normal: emptyNormalDeck() };
  decode(buf, null, (_m, r, f) => {
    if (f === 1) kind = { normal: decodeNormalDeck(r.bytes()) };
    else if (f === 2) kind = { filtered: decodeFilteredDeck(r.bytes()) };
    else return false;
    return true;
  });
  return kind;
}

function dayLimitWriter(limit: DayLimitMsg): ProtoWriter {
  return new ProtoWriter().varintField(1, limit.limit).varintField(2, limit.today);
}

export function encodeDeckKind(kind: DeckKindMsg): Uint8Array {
  if ('normal' in kind) {
    const n = kind.normal;
    const w = new ProtoWriter()
      .varintField(1, n.configId)
      .varintField(2, n.extendNew)
      .varintField(3, n.extendReview)
      .stringField(4, n.description)
      .varintField(5, n.markdownDescription);
    if (n.reviewLimit !== null) w.varint(6, n.reviewLimit);
    if (n.newLimit !== null) w.varint(7, n.newLimit);
    if (n.reviewLimitToday) w.message(8, dayLimitWriter(n.reviewLimitToday));
    if (n.newLimitToday) w.message(9, dayLimitWriter(n.newLimitToday));
    if (n.desiredRetention !== null) w.floatValue(10, n.desiredRetention);
    return new ProtoWriter().message(1, w).finish();
  }
  const f = kind.filtered;
  const w = new ProtoWriter().varintField(1, f.reschedule);
  for (const term of f.searchTerms) {
    w.message(2, new ProtoWriter().stringField(1, term.search).varintField(2, term.limit).varintField(3, term.order));
  }
  w.packedFloats(3, f.delays)
    .varintField(4, f.previewDelay)
    .varintField(5, f.previewHardSecs)
    .varintField(6, f.previewGoodSecs)
    .varintField(7, f.previewAgainSecs);
  return new ProtoWriter().message(2, w).finish();
}

// ---------------------------------------------------------------- deck options

export interface DeckConfigMsg {
  learnSteps: number[];
  relearnSteps: number[];
  fsrsParams4: number[];
  easyDaysPercentages: number[];
  fsrsParams5: number[];
  fsrsParams6: number[];
  newPerDay: number;
  reviewsPerDay: number;
  initialEase: number;
  easyMultiplier: number;
  hardMultiplier: number;
  lapseMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  minimumLapseInterval: number;
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  newCardInsertOrder: number;
  leechAction: number;
  leechThreshold: number;
  disableAutoplay: boolean;
  capAnswerTimeToSecs: number;
  showTimer: boolean;
  skipQuestionWhenReplayingAnswer: boolean;
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
  newMix: number;
  interdayLearningMix: number;
  newCardSortOrder: number;
  reviewOrder: number;
  newCardGatherPriority: number;
  newPerDayMinimum: number;
  questionAction: number;
  desiredRetention: number;
  stopTimerOnAnswer: boolean;
  historicalRetention: number;
  secondsToShowQuestion: number;
  secondsToShowAnswer: number;
  answerAction: number;
  waitForAudio: boolean;
  paramSearch: string;
  ignoreRevlogsBeforeDate: string;
  other: Uint8Array;
}

export function emptyDeckConfig(): DeckConfigMsg {
  return {
    learnSteps: [], relearnSteps: [], fsrsParams4: [], easyDaysPercentages: [], fsrsParams5: [], fsrsParams6: [],
    newPerDay: 0, reviewsPerDay: 0, initialEase: 0, easyMultiplier: 0, hardMultiplier: 0, lapseMultiplier: 0,
    intervalMultiplier: 0, maximumReviewInterval: 0, minimumLapseInterval: 0, graduatingIntervalGood: 0,
    graduatingIntervalEasy: 0, newCardInsertOrder: 0, leechAction: 0, leechThreshold: 0, disableAutoplay: false,
    capAnswerTimeToSecs: 0, showTimer: false, skipQuestionWhenReplayingAnswer: false, buryNew: false,
    buryReviews: false, buryInterdayLearning: false, newMix: 0, interdayLearningMix: 0, newCardSortOrder: 0,
    reviewOrder: 0, newCardGatherPriority: 0, newPerDayMinimum: 0, questionAction: 0, desiredRetention: 0,
    stopTimerOnAnswer: false, historicalRetention: 0, secondsToShowQuestion: 0, secondsToShowAnswer: 0,
    answerAction: 0, waitForAudio: false, paramSearch: '', ignoreRevlogsBeforeDate: '', other: EMPTY,
  };
}

export function decodeDeckConfig(buf: Uint8Array): DeckConfigMsg {
  return decode(buf, emptyDeckConfig(), (m, r, f, w) => {
    switch (f) {
      case 1: r.floats(w, m.learnSteps); break;
      case 2: r.floats(w, m.relearnSteps); break;
      case 3: r.floats(w, m.fsrsParams4); break;
      case 4: r.floats(w, m.easyDaysPercentages); break;
      case 5: r.floats(w, m.fsrsParams5); break;
      case 6: r.floats(w, m.fsrsParams6); break;
      case 9: m.newPerDay = r.uint32(); break;
      case 10: m.reviewsPerDay = r.uint32(); break;
      case 11: m.initialEase = r.float(); break;
      case 12: m.easyMultiplier = r.float(); break;
      case 13: m.hardMultiplier = r.float(); break;
      case 14: m.lapseMultiplier = r.float(); break;
      case 15: m.intervalMultiplier = r.float(); break;
      case 16: m.maximumReviewInterval = r.uint32(); break;
      case 17: m.minimumLapseInterval = r.uint32(); break;
      case 18: m.graduatingIntervalGood = r.uint32(); break;
      case 19: m.graduatingIntervalEasy = r.uint32(); break;
      case 20: m.newCardInsertOrder = r.int32(); break;
      case 21: m.leechAction = r.int32(); break;
      case 22: m.leechThreshold = r.uint32(); break;
      case 23: m.disableAutoplay = r.bool(); break;
      case 24: m.capAnswerTimeToSecs = r.uint32(); break;
      case 25: m.showTimer = r.bool(); break;
      case 26: m.skipQuestionWhenReplayingAnswer = r.bool(); break;
      case 27: m.buryNew = r.bool(); break;
      case 28: m.buryReviews = r.bool(); break;
      case 29: m.buryInterdayLearning = r.bool(); break;
      case 30: m.newMix = r.int32(); break;
      case 31: m.interdayLearningMix = r.int32(); break;
      case 32: m.newCardSortOrder = r.int32(); break;
      case 33: m.reviewOrder = r.int32(); break;
      case 34: m.newCardGatherPriority = r.int32(); break;
      case 35: m.newPerDayMinimum = r.uint32(); break;
      case 36: m.questionAction = r.int32(); break;
      case 37: m.desiredRetention = r.float(); break;
      case 38: m.stopTimerOnAnswer = r.bool(); break;
      case 40: m.historicalRetention = r.float(); break;
      case 41: m.secondsToShowQuestion = r.float(); break;
      case 42: m.secondsToShowAnswer = r.float(); break;
      case 43: m.answerAction = r.int32(); break;
      case 44: m.waitForAudio = r.bool(); break;
      case 45: m.paramSearch = r.string(); break;
      case 46: m.ignoreRevlogsBeforeDate = r.string(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeDeckConfig(m: DeckConfigMsg): Uint8Array {
  return new ProtoWriter()
    .packedFloats(1, m.learnSteps)
    .packedFloats(2, m.relearnSteps)
    .packedFloats(3, m.fsrsParams4)
    .packedFloats(4, m.easyDaysPercentages)
    .packedFloats(5, m.fsrsParams5)
    .packedFloats(6, m.fsrsParams6)
    .varintField(9, m.newPerDay)
    .varintField(10, m.reviewsPerDay)
    .floatField(11, m.initialEase)
    .floatField(12, m.easyMultiplier)
    .floatField(13, m.hardMultiplier)
    .floatField(14, m.lapseMultiplier)
    .floatField(15, m.intervalMultiplier)
    .varintField(16, m.maximumReviewInterval)
    .varintField(17, m.minimumLapseInterval)
    .varintField(18, m.graduatingIntervalGood)
    .varintField(19, m.graduatingIntervalEasy)
    .varintField(20, m.newCardInsertOrder)
    .varintField(21, m.leechAction)
    .varintField(22, m.leechThreshold)
    .varintField(23, m.disableAutoplay)
    .varintField(24, m.capAnswerTimeToSecs)
    .varintField(25, m.showTimer)
    .varintField(26, m.skipQuestionWhenReplayingAnswer)
    .varintField(27, m.buryNew)
    .varintField(28, m.buryReviews)
    .varintField(29, m.buryInterdayLearning)
    .varintField(30, m.newMix)
    .varintField(31, m.interdayLearningMix)
    .varintField(32, m.newCardSortOrder)
    .varintField(33, m.reviewOrder)
    .varintField(34, m.newCardGatherPriority)
    .varintField(35, m.newPerDayMinimum)
    .varintField(36, m.questionAction)
    .floatField(37, m.desiredRetention)
    .varintField(38, m.stopTimerOnAnswer)
    .floatField(40, m.historicalRetention)
    .floatField(41, m.secondsToShowQuestion)
    .floatField(42, m.secondsToShowAnswer)
    .varintField(43, m.answerAction)
    .varintField(44, m.waitForAudio)
    .stringField(45, m.paramSearch)
    .stringField(46, m.ignoreRevlogsBeforeDate)
    .bytesField(255, m.other)
    .finish();
}

// ---------------------------------------------------------------- package container

export interface MediaEntryMsg {
  name: string;
  size: number;
  sha1: Uint8Array;
  legacyZipFilename: number | null;
}

export function decodeMediaEntries(buf: Uint8Array): MediaEntryMsg[] {
  const entries: MediaEntryMsg[] = [];
  decode(buf, null, (_m, r, f) => {
    if (f !== 1) return false;
    entries.push(
      decode(r.bytes(), { name: '', size: 0, sha1: EMPTY, legacyZipFilename: null as number | null }, (e, er, ef) => {
        if (ef === 1) e.name = er.string();
        else if (ef === 2) e.size = er.uint32();
        else if (ef === 3) e.sha1 = er.bytes();
        else if (ef === 255) e.legacyZipFilename = er.uint32();
        else return false;
        return true;
      }),
    );
    return true;
  });
  return entries;
}

export function encodeMediaEntries(entries: readonly MediaEntryMsg[]): Uint8Array {
  const w = new ProtoWriter();
  for (const e of entries) {
    const inner = new ProtoWriter().stringField(1, e.name).varintField(2, e.size).bytesField(3, e.sha1);
    if (e.legacyZipFilename !== null) inner.varint(255, e.legacyZipFilename);
    w.message(1, inner);
  }
  return w.finish();
}

/** PackageMetadata.version: 1 legacy-1, 2 legacy-2, 3 latest; anything else is unknown. */
export function decodePackageVersion(buf: Uint8Array): number {
  let version = 0;
  decode(buf, null, (_m, r, f, w) => {
    if (f !== 1 || w !== WireType.Varint) return false;
    version = r.int32();
    return true;
  });
  return version;
}

export function encodePackageVersion(version: number): Uint8Array {
  return new ProtoWriter().varintField(1, version).finish();
}
