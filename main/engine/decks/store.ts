import type { Collection } from '../collection';
import type { Deck, DeckId } from '../model/types';
import { EngineError } from '../errors';
import { foldCase } from '../text/fold';
import { newNormalDeck } from './defaults';
import { DECK_SEPARATOR, normalizeDeckName, parentNames } from './name';

/**
 * An upsert, not INSERT OR REPLACE: replacing deletes the row first, which makes SQLite
 * check every referencing row against the foreign key.
 */
const UPSERT_DECKS = `INSERT INTO decks (id, name, name_key, mtime, usn, json) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, mtime = excluded.mtime,
    usn = excluded.usn, json = excluded.json`;

function loadAll(col: Collection): Map<DeckId, Deck> {
  const rows = col.db.prepare('SELECT json FROM decks ORDER BY id').pluck().all() as string[];
  return new Map(rows.map((json) => {
    const deck = JSON.parse(json) as Deck;
    return [deck.id, deck];
  }));
}

function cache(col: Collection): Map<DeckId, Deck> {
  return col.cached('decks', () => loadAll(col));
}

/** Every deck. Do not mutate the returned objects (structuredClone first). */
export function allDecks(col: Collection): Deck[] {
  return [...cache(col).values()];
}

export function deckById(col: Collection, id: DeckId): Deck | undefined {
  return cache(col).get(id);
}

export function deckByName(col: Collection, name: string): Deck | undefined {
  let key: string;
  try {
    key = foldCase(normalizeDeckName(name));
  } catch {
    return undefined;
  }
  for (const deck of cache(col).values()) if (foldCase(deck.name) === key) return deck;
  return undefined;
}

export function requireDeck(col: Collection, id: DeckId): Deck {
  const deck = deckById(col, id);
  if (!deck) throw new EngineError('not-found', `deck not found: ${id}`);
  return deck;
}

/** The deck and all its descendants. */
export function deckAndChildren(col: Collection, id: DeckId): Deck[] {
  const root = deckById(col, id);
  if (!root) return [];
  const prefix = foldCase(root.name) + DECK_SEPARATOR;
  return allDecks(col).filter((d) => d.id === id || foldCase(d.name).startsWith(prefix));
}

/** Writes a deck row from its JSON (keeps id, name, mod, usn as given). */
export function putDeckRaw(col: Collection, deck: Deck): void {
  col.db
    .prepare(UPSERT_DECKS)
    .run(deck.id, deck.name, foldCase(deck.name), deck.mod, deck.usn, JSON.stringify(deck));
  col.invalidate('decks');
}

/** Saves changes to an existing deck, bumping mod/usn. */
export function saveDeck(col: Collection, deck: Deck): Deck {
  const copy = structuredClone(deck);
  copy.mod = col.nowSecs();
  copy.usn = -1;
  putDeckRaw(col, copy);
  return copy;
}

/**
 * `saveDeck` for a change that keeps the deck's name (e.g. its studied-today
 * counters), made for thousands of answers in one batch: an UPDATE of the JSON
 * (REPLACE deletes the row, so SQLite checks every card of the deck against the
 * foreign key twice) and the cached copy replaced instead of every deck reloaded.
 * The cache keeps a shallow copy: nested values of `deck` must not change afterwards.
 */
export function saveDeckKeepingName(col: Collection, deck: Deck): Deck {
  const cached = cache(col);
  if (cached.get(deck.id)?.name !== deck.name) return saveDeck(col, deck);
  const copy: Deck = { ...deck, mod: col.nowSecs(), usn: -1 };
  const json = JSON.stringify(copy);
  const updated = col
    .prepare('UPDATE decks SET mtime = ?, usn = ?, json = ? WHERE id = ? AND name = ? AND name_key = ?')
    .run(copy.mod, copy.usn, json, copy.id, copy.name, foldCase(copy.name));
  if (updated.changes === 0) return saveDeck(col, deck);
  cached.set(copy.id, copy);
  return copy;
}

/**
 * Returns the id of the deck with this name, creating it (and any missing parents)
 * when absent — Anki's `decks.id(name)`.
 */
export function ensureDeck(col: Collection, rawName: string): DeckId {
  const name = normalizeDeckName(rawName);
  const existing = deckByName(col, name);
  if (existing) return existing.id;
  return col.transact(() => {
    let parentCasedPrefix = '';
    for (const parent of parentNames(name)) {
      const found = deckByName(col, parent);
      if (found) {
        parentCasedPrefix = found.name;
        continue;
      }
      const casedName = parentCasedPrefix ? `${parentCasedPrefix}${DECK_SEPARATOR}${parent.split(DECK_SEPARATOR).pop()}` : parent;
      const deck = newNormalDeck(col.ids.decks.next(), casedName, col.nowSecs());
      if (deckById(col, deck.id)) throw new EngineError('exists', `deck id clash: ${deck.id}`);
      putDeckRaw(col, deck);
      parentCasedPrefix = casedName;
    }
    const leaf = name.split(DECK_SEPARATOR).pop()!;
    const finalName = parentCasedPrefix ? `${parentCasedPrefix}${DECK_SEPARATOR}${leaf}` : name;
    const deck = newNormalDeck(col.ids.decks.next(), finalName, col.nowSecs());
    putDeckRaw(col, deck);
    return deck.id;
  });
}

/** Renames a deck and moves its children with it. Parents of the new name are created. */
export function renameDeck(col: Collection, id: DeckId, rawNewName: string): void {
  const deck = requireDeck(col, id);
  const newName = normalizeDeckName(rawNewName);
  const clash = deckByName(col, newName);
  if (clash && clash.id !== id) throw new EngineError('exists', `a deck named "${newName}" already exists`);
  const oldPrefix = foldCase(deck.name) + DECK_SEPARATOR;
  if (foldCase(newName).startsWith(oldPrefix)) {
    throw new EngineError('invalid', `cannot move deck "${deck.name}" into its own child`);
  }
  col.transact(() => {
    for (const parent of parentNames(newName)) ensureDeck(col, parent);
    const children = deckAndChildren(col, id).filter((d) => d.id !== id);
    saveDeck(col, { ...deck, name: newName });
    for (const child of children) {
      saveDeck(col, { ...child, name: newName + child.name.slice(deck.name.length) });
    }
  });
}
