/** Deck.Common and Deck.KindContainer (proto/anki/decks.proto). */
import { ProtoWriter } from './wire';
import { decode, EMPTY } from './decode';

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
