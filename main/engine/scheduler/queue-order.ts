import type { DeckId } from '../model/types';
import { memoryStateOf, parseCardData } from './card-data';
import { add, div, f32, mul, powf, sub } from './f32';
import { fnvHash64 } from './fnv';

/**
 * The orders the v3 queue gathers and sorts cards in (rslib storage/card/mod.rs
 * review_order_sql, queue/builder/gathering.rs and sorting.rs), as numeric sort
 * keys computed once per card. An order whose first key SQL can sort by exactly
 * also names that ORDER BY, so the queue can read candidates in order and stop
 * at the daily limit; ties are then sorted here by the remaining keys.
 */

/** The columns the queue needs (`data` only for FSRS orders). */
export interface QueueCard {
  id: number;
  nid: number;
  did: number;
  odid: number;
  ord: number;
  due: number;
  ivl: number;
  factor: number;
  mod: number;
  reps: number;
  odue: number;
  data?: string;
}

export const QUEUE_COLUMNS = 'id, nid, did, odid, ord, due, ivl, factor, mod, reps, odue';

export interface CardOrder {
  /** SQL ORDER BY sorting exactly by the first key (ties left to `keys`); undefined: sort everything here. */
  leadSql?: string;
  leadParams: number[];
  /** The card's `data` column is needed for the keys. */
  needsData: boolean;
  /** Ascending sort keys; the last ones are tie-breaks. */
  keys(card: QueueCard): number[];
}

/** Ascending; safe with infinities (which stand for SQL NULL). NaN compares equal, as before. */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Sorts by keys computed once per card (stable, like the JS sort it replaces). */
export function sortByKeys<T>(cards: readonly T[], keys: (card: T) => number[]): T[] {
  const keyed = cards.map((card) => ({ card, key: keys(card) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.card);
}

/** fnvhash(a, b) as SQLite returns it (signed i64), as two keys: high half signed, low half unsigned. */
function signedHashKeys(a: number, b: number): [number, number] {
  const [hi, lo] = fnvHash64(a, b);
  return [hi | 0, lo];
}

/** The unsigned u64 hash as two keys. */
export function unsignedHashKeys(a: number, b: number): [number, number] {
  return fnvHash64(a, b);
}

/** fsrs::current_retrievability, in f32. */
function currentRetrievability(stability: number, daysElapsed: number, decay: number): number {
  const factor = sub(powf(f32(0.9), div(1, -decay)), 1);
  return powf(add(mul(div(daysElapsed, stability), factor), 1), -decay);
}

function dueOf(card: QueueCard): number {
  return card.odue !== 0 ? card.odue : card.due;
}

/** storage/sqlite.rs extract_fsrs_retrievability; undefined stands for NULL. */
function retrievability(card: QueueCard, today: number, now: number): number | undefined {
  if (!card.data) return undefined;
  const data = parseCardData(card.data);
  const memory = memoryStateOf(data);
  if (!memory) return undefined;
  const due = dueOf(card);
  let secs: number;
  if (data.lrt !== undefined) secs = Math.max(0, (now >>> 0) - (data.lrt >>> 0));
  else if (due > 365_000) secs = Math.max(0, (now >>> 0) - Math.max(0, (due >>> 0) - (card.ivl >>> 0)));
  else secs = Math.max(0, (today >>> 0) - Math.max(0, (due >>> 0) - (card.ivl >>> 0))) * 86_400;
  return currentRetrievability(memory.stability, div(f32(secs), 86_400), data.decay ?? 0.5);
}

/** storage/sqlite.rs extract_fsrs_relative_retrievability (FSRS "relative overdueness"). */
function relativeRetrievability(card: QueueCard, today: number, now: number): number {
  const due = dueOf(card);
  const secsElapsed = due > 365_000 ? Math.max(0, (now >>> 0) - (due >>> 0)) : Math.max(0, (today >>> 0) - ((due - card.ivl) >>> 0)) * 86_400;
  const data = card.data ? parseCardData(card.data) : {};
  const memory = memoryStateOf(data);
  if (memory && data.dr !== undefined) {
    const desired = Math.max(data.dr, f32(0.0001));
    const decay = data.decay ?? 0.5;
    const secs = data.lrt !== undefined ? Math.max(0, (now >>> 0) - (data.lrt >>> 0)) : secsElapsed;
    const current = Math.max(currentRetrievability(memory.stability, div(f32(secs), 86_400), decay), f32(0.0001));
    const exponent = div(-1, decay);
    return div(-sub(powf(current, exponent), 1), sub(powf(desired, exponent), 1));
  }
  const days = Math.floor(secsElapsed / 86_400);
  return div(-add(f32(days), f32(0.001)), Math.max(f32(card.ivl), 1));
}

interface ReviewOrderContext {
  fsrs: boolean;
  today: number;
  now: number;
  /** Active decks in name order. */
  deckRank: ReadonlyMap<DeckId, number>;
}

type Lead = { sql?: string; params?: number[]; needsData?: boolean; key?: (c: QueueCard) => number[] };

function reviewLead(order: number, ctx: ReviewOrderContext): Lead {
  const { fsrs, today, now, deckRank } = ctx;
  const rank = (c: QueueCard) => deckRank.get(c.did) ?? 0;
  const difficulty = (c: QueueCard) => (c.data ? parseCardData(c.data).d : undefined) ?? -Infinity;
  switch (order) {
    case 0:
      return { sql: 'due', key: (c) => [c.due] };
    case 1:
      return { sql: 'due', key: (c) => [c.due, rank(c)] };
    case 2: {
      const ids = [...deckRank.keys()];
      const sql = ids.length ? `CASE did ${ids.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE 0 END` : '0';
      return { sql, params: ids, key: (c) => [rank(c), c.due] };
    }
    case 3:
      return { sql: 'ivl', key: (c) => [c.ivl] };
    case 4:
      return { sql: 'ivl DESC', key: (c) => [-c.ivl] };
    case 5:
      return fsrs ? { needsData: true, key: (c) => [-difficulty(c)] } : { sql: 'factor', key: (c) => [c.factor] };
    case 6:
      return fsrs ? { needsData: true, key: (c) => [difficulty(c)] } : { sql: 'factor DESC', key: (c) => [-c.factor] };
    case 9:
      return { sql: 'nid', key: (c) => [c.nid, c.ord] };
    case 10:
      return { sql: 'nid DESC', key: (c) => [-c.nid, c.ord] };
    case 7:
      // NULL (no memory state) sorts first ascending, last descending.
      return { needsData: true, key: (c) => [retrievability(c, today, now) ?? -Infinity] };
    case 11:
      return { needsData: true, key: (c) => [-(retrievability(c, today, now) ?? -Infinity)] };
    case 12:
      if (fsrs) return { needsData: true, key: (c) => [relativeRetrievability(c, today, now)] };
      // SQL's x/0 is NULL, which sorts first.
      return { key: (c) => [c.ivl === 0 ? -Infinity : -(1 + (today - c.due + 0.001) / c.ivl)] };
    default:
      // Random (8): only the tie-break.
      return {};
  }
}

/** ORDER BY for reviews and interday learning, then fnvhash(id, mod). */
export function reviewOrder(order: number, ctx: ReviewOrderContext): CardOrder {
  const lead = reviewLead(order, ctx);
  const first = lead.key;
  return {
    leadSql: lead.sql,
    leadParams: lead.params ?? [],
    needsData: lead.needsData ?? false,
    keys: (c) => [...(first ? first(c) : []), ...signedHashKeys(c.id, c.mod)],
  };
}

/** How new cards are gathered (queue/builder/gathering.rs); 0 and 5 gather deck by deck with orders 1 and 3. */
export function newGatherOrder(priority: number, salt: number): CardOrder {
  switch (priority) {
    case 2:
      return { leadSql: 'due DESC, ord, id', leadParams: [], needsData: false, keys: (c) => [-c.due, c.ord, c.id] };
    case 3:
    case 5:
      return { leadParams: [], needsData: false, keys: (c) => [...signedHashKeys(c.nid, salt), c.ord, c.id] };
    case 4:
      return { leadParams: [], needsData: false, keys: (c) => [...signedHashKeys(c.id, salt), c.id] };
    default:
      return { leadSql: 'due, ord, id', leadParams: [], needsData: false, keys: (c) => [c.due, c.ord, c.id] };
  }
}

/** The gathered new cards in the preset's sort order (queue/builder/sorting.rs). */
export function sortNew<T extends Pick<QueueCard, 'id' | 'nid' | 'ord'>>(cards: T[], order: number, today: number): T[] {
  switch (order) {
    case 0:
      return sortByKeys(cards, (c) => [c.ord]);
    case 2:
      return sortByKeys(cards, (c) => [c.ord, ...unsignedHashKeys(c.id, today)]);
    case 3:
      return sortByKeys(cards, (c) => [...unsignedHashKeys(c.nid, today), c.ord]);
    case 4:
      return sortByKeys(cards, (c) => unsignedHashKeys(c.id, today));
    default:
      return cards;
  }
}
