/**
 * Decks between Anki's schema-18 rows (`common` + `kind` protobufs, native names
 * joined by \x1f) and the legacy JSON Engram stores (rslib/src/decks/schema11.rs).
 */
import type { Deck } from '../../model/types';
import type { DeckCommonMsg, DeckKindMsg, DayLimitMsg, NormalDeckMsg } from '../proto/messages';
import { emptyNormalDeck } from '../proto/messages';
import {
  asArray,
  asBool,
  asFloats,
  asI64,
  asInt,
  asOptionalInt,
  asString,
  collectOther,
  f32,
  otherFromBytes,
  otherToBytes,
} from './values';

export interface DeckRecord {
  id: number;
  /** Native name: components joined by \x1f. */
  name: string;
  mtime: number;
  usn: number;
  common: DeckCommonMsg;
  kind: DeckKindMsg;
}

export const NATIVE_SEPARATOR = '\x1f';

const DECK_KEYS = new Set([
  'usn', 'revToday', 'newLimit', 'dyn', 'reviewLimit', 'newToday', 'timeToday', 'reviewLimitToday', 'extendNew',
  'mod', 'newLimitToday', 'desc', 'name', 'lrnToday', 'conf', 'browserCollapsed', 'extendRev', 'id', 'collapsed',
  'desiredRetention',
]);
/** Keys the legacy reader consumes (or discards) beyond the reserved ones; never kept as "other". */
const CONSUMED_KEYS = new Set([...DECK_KEYS, 'md', 'resched', 'terms', 'separate', 'delays', 'previewDelay',
  'previewAgainSecs', 'previewHardSecs', 'previewGoodSecs', 'return']);

/** Anki's per-component cleanup (decks/name.rs): NFC, no control characters, trimmed of spaces and ':'. */
export function normalizeNameComponent(component: string): string {
  const clean = component
    .normalize('NFC')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .replace(/^[\s:]+|[\s:]+$/g, '');
  return clean.length ? clean : 'blank';
}

export function humanToNative(human: string): string {
  return human.split('::').map(normalizeNameComponent).join(NATIVE_SEPARATOR);
}

export function nativeToHuman(native: string): string {
  return native.split(NATIVE_SEPARATOR).join('::');
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function todayPair(value: unknown): [number, number] {
  const parts = asArray(value);
  const amount = parts.length ? asInt(parts[parts.length - 1]) : 0;
  const day = parts.length > 1 ? asInt(parts[parts.length - 2]) : 0;
  return [day, amount];
}

function dayLimit(value: unknown): DayLimitMsg | null {
  const v = record(value);
  if (v.limit === undefined || v.today === undefined) return null;
  return { limit: Math.max(0, asInt(v.limit)), today: Math.max(0, asInt(v.today)) };
}

function optionalU32(value: unknown): number | null {
  const n = asOptionalInt(value);
  return n === null || n < 0 ? null : n;
}

function isFilteredLegacy(d: Record<string, unknown>): boolean {
  return typeof d.dyn === 'boolean' ? d.dyn : asInt(d.dyn) === 1;
}

/** Legacy deck JSON (schema-11 file, or Engram's stored shape) → schema-18 record. */
export function deckFromLegacy(raw: unknown): DeckRecord {
  const d = record(raw);
  const lrn = todayPair(d.lrnToday);
  const rev = todayPair(d.revToday);
  const nw = todayPair(d.newToday);
  const time = todayPair(d.timeToday);
  const maxDay = Math.max(time[0], nw[0], rev[0]);
  const common: DeckCommonMsg = {
    studyCollapsed: asBool(d.collapsed),
    browserCollapsed: asBool(d.browserCollapsed),
    lastDayStudied: Math.max(0, maxDay),
    newStudied: nw[0] === maxDay ? nw[1] : 0,
    reviewStudied: rev[0] === maxDay ? rev[1] : 0,
    learningStudied: lrn[0] === maxDay ? lrn[1] : 0,
    millisecondsStudied: time[1],
    other: otherToBytes(collectOther(d, CONSUMED_KEYS)),
  };
  let kind: DeckKindMsg;
  if (isFilteredLegacy(d)) {
    kind = {
      filtered: {
        reschedule: asBool(d.resched),
        searchTerms: asArray(d.terms).map((t) => {
          const parts = asArray(t);
          return { search: asString(parts[0]), limit: Math.max(0, asInt(parts[1])), order: asInt(parts[2]) };
        }),
        delays: d.delays === null ? [] : asFloats(d.delays),
        previewDelay: asInt(d.previewDelay),
        previewAgainSecs: asInt(d.previewAgainSecs),
        previewHardSecs: asInt(d.previewHardSecs),
        previewGoodSecs: asInt(d.previewGoodSecs),
      },
    };
  } else {
    const retention = optionalU32(d.desiredRetention);
    const normal: NormalDeckMsg = {
      configId: asI64(d.conf) ?? 1n,
      extendNew: Math.max(0, asInt(d.extendNew)),
      extendReview: Math.max(0, asInt(d.extendRev)),
      description: asString(d.desc),
      markdownDescription: asBool(d.md),
      reviewLimit: optionalU32(d.reviewLimit),
      newLimit: optionalU32(d.newLimit),
      reviewLimitToday: dayLimit(d.reviewLimitToday),
      newLimitToday: dayLimit(d.newLimitToday),
      desiredRetention: retention === null ? null : Math.fround(retention / 100),
    };
    kind = { normal };
  }
  return {
    id: asInt(d.id),
    name: humanToNative(asString(d.name)),
    mtime: asInt(d.mod),
    usn: asInt(d.usn),
    common,
    kind,
  };
}

/** Schema-18 record → Engram's deck (Anki's legacy JSON shape). */
export function deckToEngram(rec: DeckRecord): Deck {
  const c = rec.common;
  const day = c.lastDayStudied;
  const isNormal = 'normal' in rec.kind;
  const normal = 'normal' in rec.kind ? rec.kind.normal : emptyNormalDeck();
  const deck: Deck = {
    id: rec.id,
    mod: rec.mtime,
    name: nativeToHuman(rec.name),
    usn: rec.usn,
    lrnToday: [day, c.learningStudied],
    revToday: [day, c.reviewStudied],
    newToday: [day, c.newStudied],
    timeToday: [day, c.millisecondsStudied],
    collapsed: c.studyCollapsed,
    browserCollapsed: c.browserCollapsed,
    desc: isNormal ? normal.description : '',
    ...(isNormal && normal.markdownDescription ? { md: true } : {}),
    dyn: isNormal ? 0 : 1,
  };
  Object.assign(deck, otherFromBytes(c.other, DECK_KEYS));
  if ('normal' in rec.kind) {
    const n = rec.kind.normal;
    Object.assign(deck, {
      conf: Number(n.configId),
      extendNew: n.extendNew,
      extendRev: n.extendReview,
      reviewLimit: n.reviewLimit,
      newLimit: n.newLimit,
      reviewLimitToday: n.reviewLimitToday ? { ...n.reviewLimitToday } : null,
      newLimitToday: n.newLimitToday ? { ...n.newLimitToday } : null,
      desiredRetention: n.desiredRetention === null ? null : Math.trunc(Math.fround(Math.fround(n.desiredRetention) * 100)),
    });
  } else {
    const f = rec.kind.filtered;
    Object.assign(deck, {
      resched: f.reschedule,
      terms: f.searchTerms.map((t) => [t.search, t.limit, t.order]),
      separate: true,
      delays: f.delays.length ? f.delays.map(f32) : null,
      previewDelay: f.previewDelay,
      previewAgainSecs: f.previewAgainSecs,
      previewHardSecs: f.previewHardSecs,
      previewGoodSecs: f.previewGoodSecs,
    });
  }
  return deck;
}

/** Round-trips a deck through the schema-18 model, normalising it as Anki does. */
export function normalizeDeck(raw: unknown): Deck {
  return deckToEngram(deckFromLegacy(raw));
}
