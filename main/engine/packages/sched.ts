/**
 * Scheduling transformations Anki applies to exchanged cards: reset to new
 * (schedule_as_new), leaving a filtered deck, the v1→v2 scheduler upgrade, and
 * renumbering ids from the future (rslib/src/scheduler/{new,upgrade}.rs, filtered/card.rs, dbcheck.rs).
 */
import type { CardRow, Deck, DeckConfig, NoteRow, RevlogRow } from '../model/types';
import { CardQueue, CardType } from '../model/types';
import { parseCardData, serializeCardData } from './card-data';

const isUnixTimestamp = (due: number): boolean => due > 1_000_000_000;

export function restoreQueueFromType(card: CardRow): void {
  if (card.type === CardType.Learn || card.type === CardType.Relearn) {
    card.queue = isUnixTimestamp(card.due) ? CardQueue.Learn : CardQueue.DayLearn;
  } else if (card.type === CardType.New) {
    card.queue = CardQueue.New;
  } else {
    card.queue = CardQueue.Review;
  }
}

/** Moves a card back to its home deck, restoring due and queue. */
export function removeFromFilteredDeck(card: CardRow): void {
  if (card.odid === 0) return;
  card.did = card.odid;
  card.odid = 0;
  if (card.odue !== 0) card.due = card.odue;
  if (card.queue >= 0) restoreQueueFromType(card);
  card.odue = 0;
}

/**
 * Resets a card to new at `position` unless it remembers an earlier position; returns
 * whether `position` was used. The deck is left as is (export keeps cards where they are).
 */
export function scheduleAsNew(card: CardRow, position: number): boolean {
  const data = parseCardData(card.data);
  const lastPosition = card.type === CardType.New ? (card.odid !== 0 ? card.odue : card.due) : data.pos;
  if (card.odid !== 0) {
    card.odid = 0;
    card.odue = 0;
  }
  card.due = lastPosition ?? position;
  card.type = CardType.New;
  card.queue = CardQueue.New;
  card.ivl = 0;
  card.factor = 0;
  card.reps = 0;
  card.lapses = 0;
  delete data.pos;
  delete data.s;
  delete data.d;
  card.data = serializeCardData(data);
  return lastPosition === undefined;
}

/** Drops the system tags `marked` and `leech` (case-insensitively) from a notes.tags column. */
export function withoutSystemTags(tags: string): string {
  const kept = tags.split(/[ \u3000]+/).filter((t) => t && !/^(marked|leech)$/i.test(t));
  return kept.length ? ` ${kept.join(' ')} ` : '';
}

/** The v1 → v2 scheduler conversion of cards and revlog (upgrade.rs). */
export function upgradeToV2Scheduler(cards: CardRow[], revlog: RevlogRow[], decks: readonly Deck[], configs: readonly DeckConfig[]): void {
  for (const entry of revlog) {
    if ((entry.ease === 2 || entry.ease === 3) && (entry.type === 0 || entry.type === 2)) entry.ease += 1;
  }
  const deckById = new Map(decks.map((d) => [d.id, d]));
  const configById = new Map(configs.map((c) => [c.id, c]));
  for (const card of cards) {
    const deck = deckById.get(card.did);
    const inFiltered = deck?.dyn === 1;
    if (!inFiltered && card.type !== CardType.Review && card.type !== CardType.Relearn) continue;
    if (card.type === CardType.Review && (card.queue === CardQueue.Learn || card.queue === CardQueue.DayLearn)) {
      card.type = CardType.Relearn;
    }
    if (card.odid === 0 || !deck || deck.dyn !== 1) continue;
    const delays = Array.isArray(deck.delays) ? deck.delays : [];
    if (delays.length) {
      const home = deckById.get(card.odid);
      const conf = configById.get(home?.conf ?? 1);
      const steps = conf ? (card.type === CardType.Review ? conf.lapse.delays : conf.new.delays).length : 0;
      card.left = Math.min(card.left, steps);
    }
    if (deck.resched) {
      if (card.queue === CardQueue.New && card.type !== CardType.New) restoreQueueFromType(card);
    } else {
      if (card.queue === CardQueue.New) card.queue = CardQueue.Review;
      if (card.type === CardType.Learn) {
        card.queue = CardQueue.Preview;
        card.type = CardType.New;
      }
    }
  }
}

/**
 * Ids more than a day in the future are renumbered from now (maybe_fix_invalid_ids),
 * following references. Returns how many ids changed.
 */
export function fixFutureIds(notes: NoteRow[], cards: CardRow[], revlog: RevlogRow[], nowMs: number): number {
  const cutoff = nowMs + 86_400_000;
  const renumber = <T extends { id: number }>(rows: T[]): Map<number, number> => {
    const map = new Map<number, number>();
    const maxValid = rows.reduce((max, r) => (r.id <= cutoff && r.id > max ? r.id : max), 0);
    let next = nowMs > maxValid ? nowMs : maxValid + 1;
    for (const row of [...rows].filter((r) => r.id > cutoff).sort((a, b) => a.id - b.id)) {
      map.set(row.id, next);
      row.id = next++;
    }
    return map;
  };
  const noteMap = renumber(notes);
  for (const card of cards) card.nid = noteMap.get(card.nid) ?? card.nid;
  const cardMap = renumber(cards);
  for (const entry of revlog) entry.cid = cardMap.get(entry.cid) ?? entry.cid;
  const revlogMap = renumber(revlog);
  return noteMap.size + cardMap.size + revlogMap.size;
}
