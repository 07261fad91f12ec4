import type { Collection } from '../collection';
import { defaultDeckConfig } from '../decks/defaults';
import { normalizeDeckName, parentNames } from '../decks/name';
import { allDecks, deckById, saveDeckKeepingName } from '../decks/store';
import { deckConfigById } from '../deckconfig/store';
import type { Deck, DeckConfig, DeckId } from '../model/types';
import { foldCase } from '../text/fold';

/**
 * The "studied today" counters in a deck's legacy JSON (`newToday`, `revToday`,
 * `lrnToday`, `timeToday`: [day, amount]), read and written the way rslib's
 * schema-11 conversion does (decks/schema11.rs, decks/stats.rs).
 */

export interface StudiedToday {
  day: number;
  newStudied: number;
  reviewStudied: number;
  learningStudied: number;
  msStudied: number;
}

function pair(value: unknown): [number, number] {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
  return [0, 0];
}

/** Days of different counters are merged into one; amounts from an older day count as 0. */
export function studiedToday(deck: Deck): StudiedToday {
  const lrn = pair(deck.lrnToday);
  const rev = pair(deck.revToday);
  const nw = pair(deck.newToday);
  const time = pair(deck.timeToday);
  const day = Math.max(time[0], nw[0], rev[0]);
  return {
    day,
    newStudied: nw[0] === day ? nw[1] : 0,
    reviewStudied: rev[0] === day ? rev[1] : 0,
    learningStudied: lrn[0] === day ? lrn[1] : 0,
    msStudied: time[1],
  };
}

/** [new, review] studied today, or zeros if the counters are from another day. */
export function newReviewStudied(deck: Deck, today: number): [number, number] {
  const s = studiedToday(deck);
  return s.day === today ? [s.newStudied, s.reviewStudied] : [0, 0];
}

function withStudied(deck: Deck, s: StudiedToday): Deck {
  return {
    ...deck,
    lrnToday: [s.day, s.learningStudied],
    revToday: [s.day, s.reviewStudied],
    newToday: [s.day, s.newStudied],
    timeToday: [s.day, s.msStudied],
  };
}

export interface StudyDelta {
  newDelta: number;
  reviewDelta: number;
  msDelta: number;
}

function applyDelta(col: Collection, deck: Deck, today: number, delta: StudyDelta): void {
  let s = studiedToday(deck);
  if (s.day !== today) s = { day: today, newStudied: 0, reviewStudied: 0, learningStudied: 0, msStudied: 0 };
  s.newStudied += delta.newDelta;
  s.reviewStudied += delta.reviewDelta;
  s.msStudied += delta.msDelta;
  saveDeckKeepingName(col, withStudied(deck, s));
}

/** Folded deck names, remembered: answers look up the same few parents thousands of times. */
const foldedStored = new Map<string, string>();
const foldedLookups = new Map<string, string | null>();

function remember<V>(memo: Map<string, V>, name: string, compute: () => V): V {
  let value = memo.get(name);
  if (value === undefined) {
    value = compute();
    if (memo.size > 10_000) memo.clear();
    memo.set(name, value);
  }
  return value;
}

/** What deckByName compares a stored name by. */
function storedKey(name: string): string {
  return remember(foldedStored, name, () => foldCase(name));
}

/** What deckByName looks a name up by (null when the name is invalid). */
function lookupKey(name: string): string | null {
  return remember(foldedLookups, name, () => {
    try {
      return foldCase(normalizeDeckName(name));
    } catch {
      return null;
    }
  });
}

/** Per collection: a deck name → its parents' ids, when all were found. */
const parentIds = new WeakMap<Collection, Map<string, DeckId[]>>();

/** The remembered parents, if each still exists under the name looked up (names are unique). */
function rememberedParents(col: Collection, names: readonly string[], ids: readonly DeckId[] | undefined): Deck[] | undefined {
  if (!ids || ids.length !== names.length) return undefined;
  const decks: Deck[] = [];
  for (let i = 0; i < ids.length; i++) {
    const deck = deckById(col, ids[i]!);
    if (!deck || storedKey(deck.name) !== lookupKey(names[names.length - 1 - i]!)) return undefined;
    decks.push(deck);
  }
  return decks;
}

/** The deck's ancestors, nearest first (missing ones skipped), found as deckByName finds them. */
export function parentDecks(col: Collection, deck: Deck): Deck[] {
  const names = parentNames(deck.name);
  if (names.length === 0) return [];
  let memo = parentIds.get(col);
  if (!memo) parentIds.set(col, (memo = new Map()));
  const remembered = rememberedParents(col, names, memo.get(deck.name));
  if (remembered) return remembered;
  const found = findParents(col, names);
  if (found.length === names.length) {
    if (memo.size > 10_000) memo.clear();
    memo.set(deck.name, found.map((d) => d.id));
  }
  return found;
}

function findParents(col: Collection, names: string[]): Deck[] {
  const byKey = new Map<string, Deck>();
  for (const d of allDecks(col)) {
    const key = storedKey(d.name);
    if (!byKey.has(key)) byKey.set(key, d);
  }
  return [...names]
    .reverse()
    .map((name) => {
      const key = lookupKey(name);
      return key === null ? undefined : byKey.get(key);
    })
    .filter((d): d is Deck => d !== undefined);
}

/** Adds to the studied-today counters of a deck and all its parents (Anki's update_deck_stats). */
export function updateDeckStats(col: Collection, deckId: DeckId, today: number, delta: StudyDelta): void {
  const deck = deckById(col, deckId);
  if (!deck) return;
  updateStatsOf(col, [deck, ...parentDecks(col, deck)], today, delta);
}

/** updateDeckStats for a deck and its parents already looked up. */
export function updateStatsOf(col: Collection, decks: readonly Deck[], today: number, delta: StudyDelta): void {
  for (const deck of decks) applyDelta(col, deck, today, delta);
}

/** The preset of a (normal) deck, or Anki's built-in defaults when it is missing. */
export function presetForDeck(col: Collection, deck: Deck | undefined): DeckConfig {
  const id = deck?.conf ?? 1;
  return deckConfigById(col, id) ?? defaultDeckConfig(id, 'Default', 0);
}
