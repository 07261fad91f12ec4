import type { Collection } from '../collection';
import { defaultDeckConfig } from '../decks/defaults';
import { parentNames } from '../decks/name';
import { deckById, deckByName, saveDeck } from '../decks/store';
import { deckConfigById } from '../deckconfig/store';
import type { Deck, DeckConfig, DeckId } from '../model/types';

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
  saveDeck(col, withStudied(deck, s));
}

/** The deck's ancestors, nearest first (missing ones skipped). */
export function parentDecks(col: Collection, deck: Deck): Deck[] {
  return parentNames(deck.name)
    .reverse()
    .map((name) => deckByName(col, name))
    .filter((d): d is Deck => d !== undefined);
}

/** Adds to the studied-today counters of a deck and all its parents (Anki's update_deck_stats). */
export function updateDeckStats(col: Collection, deckId: DeckId, today: number, delta: StudyDelta): void {
  const deck = deckById(col, deckId);
  if (!deck) return;
  const parents = parentDecks(col, deck);
  applyDelta(col, deck, today, delta);
  for (const parent of parents) applyDelta(col, parent, today, delta);
}

/** The preset of a (normal) deck, or Anki's built-in defaults when it is missing. */
export function presetForDeck(col: Collection, deck: Deck | undefined): DeckConfig {
  const id = deck?.conf ?? 1;
  return deckConfigById(col, id) ?? defaultDeckConfig(id, 'Default', 0);
}
