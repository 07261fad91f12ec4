import type { Collection } from '../collection';
import { deckById, putDeckRaw } from '../decks/store';
import { EngineError } from '../errors';
import type { CardRow, Deck, NoteId } from '../model/types';
import { foldCase } from '../text/fold';
import { joinTags, splitTags } from '../text/tags';
import { deleteRevlog, getCard, putCard } from './card-store';
import { LEECH_TAG } from './leech';

/**
 * Undo for answers: what an answer changed, kept in memory per open collection
 * (like Anki's undo queue, it does not survive a restart).
 */

export interface NoteSnapshot {
  id: NoteId;
  tags: string;
  mod: number;
  usn: number;
}

export interface AnswerUndo {
  /** The card before the answer. */
  card: CardRow;
  /** The card as the answer left it (undo refuses if it changed since). */
  after: CardRow;
  revlogId: number;
  /** The studied-today counters (and mod/usn) of the deck and its parents before the answer. */
  decks: DeckCounters[];
  /** Siblings before they were buried. */
  siblings: CardRow[];
  /** The note before the leech tag was added. */
  note: NoteSnapshot | undefined;
}

export type DeckCounters = Pick<Deck, 'id' | 'newToday' | 'revToday' | 'lrnToday' | 'timeToday' | 'mod' | 'usn'>;

/** What undo restores of a deck (decks in the cache are replaced when saved, never changed). */
export function deckCounters(deck: Deck): DeckCounters {
  const pair = <T>(value: T): T => (Array.isArray(value) ? ([...(value as unknown[])] as T) : value);
  return {
    id: deck.id,
    newToday: pair(deck.newToday),
    revToday: pair(deck.revToday),
    lrnToday: pair(deck.lrnToday),
    timeToday: pair(deck.timeToday),
    mod: deck.mod,
    usn: deck.usn,
  };
}

const MAX_UNDO = 30;
const stacks = new WeakMap<Collection, AnswerUndo[]>();

export function pushUndo(col: Collection, entry: AnswerUndo): void {
  const stack = stacks.get(col) ?? [];
  stack.push(entry);
  if (stack.length > MAX_UNDO) stack.shift();
  stacks.set(col, stack);
}

export function noteRow(col: Collection, nid: NoteId): NoteSnapshot | undefined {
  return col.prepare('SELECT id, tags, mod, usn FROM notes WHERE id = ?').get(nid) as NoteSnapshot | undefined;
}

/** True when an answer can be undone. */
export function canUndoAnswer(col: Collection): boolean {
  return (stacks.get(col)?.length ?? 0) > 0;
}

function sameRow(a: CardRow | undefined, b: CardRow): boolean {
  return a !== undefined && (Object.keys(b) as (keyof CardRow)[]).every((k) => a[k] === b[k]);
}

/**
 * Reverts the most recent answer: card, revlog row, deck counters, buried
 * siblings and leech tag. Returns the restored card, or undefined when there is
 * nothing to undo. Throws if the card was changed after the answer.
 */
export function undoLastAnswer(col: Collection): CardRow | undefined {
  const stack = stacks.get(col);
  const entry = stack?.[stack.length - 1];
  if (!stack || !entry) return undefined;
  if (!sameRow(getCard(col, entry.card.id), entry.after)) {
    stack.length = 0;
    throw new EngineError('invalid', 'cannot undo: the card was changed after it was answered');
  }
  stack.pop();
  col.transact(() => {
    putCard(col, entry.card);
    deleteRevlog(col, entry.revlogId);
    // Only the counters: anything else changed on the deck since then stays.
    for (const before of entry.decks) {
      const current = deckById(col, before.id);
      if (!current) continue;
      putDeckRaw(col, {
        ...current,
        newToday: before.newToday,
        revToday: before.revToday,
        lrnToday: before.lrnToday,
        timeToday: before.timeToday,
        mod: before.mod,
        usn: before.usn,
      });
    }
    // Siblings go back only if nothing else has moved them since.
    for (const sibling of entry.siblings) {
      if (getCard(col, sibling.id)?.queue === -2) putCard(col, sibling);
    }
    if (entry.note) removeLeechTag(col, entry.note);
  });
  return entry.card;
}

/** Takes the leech tag off again; other tag edits made since are kept. */
function removeLeechTag(col: Collection, before: NoteSnapshot): void {
  const current = col.prepare('SELECT tags FROM notes WHERE id = ?').pluck().get(before.id) as string | undefined;
  if (current === undefined) return;
  const tags = joinTags(splitTags(current).filter((t) => foldCase(t) !== LEECH_TAG));
  if (tags === before.tags) col.prepare('UPDATE notes SET tags = ?, mod = ?, usn = ? WHERE id = ?').run(tags, before.mod, before.usn, before.id);
  else col.prepare('UPDATE notes SET tags = ?, mod = ?, usn = -1 WHERE id = ?').run(tags, col.nowSecs(), before.id);
}

/** Forgets pending undo entries (e.g. when the collection is replaced). */
export function clearAnswerUndo(col: Collection): void {
  stacks.delete(col);
}
