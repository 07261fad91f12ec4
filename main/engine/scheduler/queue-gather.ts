import type { Collection } from '../collection';
import { deckConfigById } from '../deckconfig/store';
import { deckById } from '../decks/store';
import type { Deck, DeckId, NoteId } from '../model/types';
import type { BuryMode } from './bury';
import { schedulingConfig } from './config';
import type { LimitTree } from './limits';
import { QUEUE_COLUMNS, sortByKeys, type CardOrder, type QueueCard } from './queue-order';

/**
 * Reading queue candidates in order and taking them while the daily limits
 * allow (rslib queue/builder/gathering.rs). Candidates are read lazily, so a
 * deck with thousands of due cards costs only what its limits let through.
 */

/**
 * The cards matching `where`, in `order`. With a SQL lead the rows are read as
 * SQLite sorts them and each run of equal first keys is sorted here; otherwise
 * all rows are read and sorted.
 */
export function* cardsInOrder(col: Collection, where: string, params: readonly unknown[], order: CardOrder): Generator<QueueCard> {
  const columns = order.needsData ? `${QUEUE_COLUMNS}, data` : QUEUE_COLUMNS;
  if (!order.leadSql) {
    const rows = col.prepare(`SELECT ${columns} FROM cards WHERE ${where}`).all(...params) as QueueCard[];
    yield* sortByKeys(rows, order.keys);
    return;
  }
  const statement = col.prepare(`SELECT ${columns} FROM cards WHERE ${where} ORDER BY ${order.leadSql}`);
  let run: QueueCard[] = [];
  let runLead: number | undefined;
  for (const row of statement.iterate(...params, ...order.leadParams) as IterableIterator<QueueCard>) {
    const lead = order.keys(row)[0];
    if (run.length && lead !== runLead) {
      yield* sortByKeys(run, order.keys);
      run = [];
    }
    runLead = lead;
    run.push(row);
  }
  yield* sortByKeys(run, order.keys);
}

export class QueueBuilder {
  readonly learning: QueueCard[] = [];
  readonly dayLearning: QueueCard[] = [];
  readonly review: QueueCard[] = [];
  readonly fresh: QueueCard[] = [];
  private readonly seenNotes = new Map<NoteId, BuryMode>();
  private readonly buryModes = new Map<DeckId, BuryMode>();

  constructor(
    private readonly col: Collection,
    private readonly limits: LimitTree,
  ) {}

  private buryModeFor(deckId: DeckId): BuryMode {
    let mode = this.buryModes.get(deckId);
    if (!mode) {
      const deck = deckById(this.col, deckId);
      const preset = deck && deck.dyn !== 1 ? deckConfigById(this.col, deck.conf ?? 1) : undefined;
      const c = preset ? schedulingConfig(preset) : undefined;
      mode = { buryNew: c?.buryNew ?? false, buryReviews: c?.buryReviews ?? false, buryInterdayLearning: c?.buryInterdayLearning ?? false };
      this.buryModes.set(deckId, mode);
    }
    return mode;
  }

  /** Records the note; returns the note's bury mode from cards seen before this one. */
  noteSeen(card: QueueCard): BuryMode | undefined {
    const mode = this.buryModeFor(card.odid || card.did);
    const previous = this.seenNotes.get(card.nid);
    if (previous) {
      this.seenNotes.set(card.nid, {
        buryNew: previous.buryNew || mode.buryNew,
        buryReviews: previous.buryReviews || mode.buryReviews,
        buryInterdayLearning: previous.buryInterdayLearning || mode.buryInterdayLearning,
      });
      return previous;
    }
    this.seenNotes.set(card.nid, mode);
    return undefined;
  }

  /** Takes due cards in order until the root's review limit is used up. */
  gatherDue(cards: Iterable<QueueCard>, kind: 'review' | 'dayLearning'): void {
    if (this.limits.rootLimitReached('review')) return;
    for (const card of cards) {
      if (this.limits.limitReached(card.did, 'review')) continue;
      const previous = this.noteSeen(card);
      const bury = kind === 'review' ? previous?.buryReviews : previous?.buryInterdayLearning;
      if (bury) continue;
      (kind === 'review' ? this.review : this.dayLearning).push(card);
      this.limits.decrement(card.did, 'review');
      if (this.limits.rootLimitReached('review')) return;
    }
  }

  /** True if the card was taken. */
  private takeNew(card: QueueCard): boolean {
    if (this.noteSeen(card)?.buryNew) return false;
    this.fresh.push(card);
    return true;
  }

  /** Deck by deck (name order), each deck's new cards in `order` until its limit is used up. */
  gatherNewByDeck(decks: readonly Deck[], cardsOfDeck: (deckId: DeckId) => Iterable<QueueCard>): void {
    for (const deck of decks) {
      if (this.limits.rootLimitReached('new')) break;
      if (this.limits.limitReached(deck.id, 'new')) continue;
      for (const card of cardsOfDeck(deck.id)) {
        if (!this.takeNew(card)) continue;
        this.limits.decrement(deck.id, 'new');
        if (this.limits.limitReached(deck.id, 'new')) break;
      }
    }
  }

  /** All decks' new cards in one order until the root's new limit is used up. */
  gatherNewSorted(cards: Iterable<QueueCard>): void {
    if (this.limits.rootLimitReached('new')) return;
    for (const card of cards) {
      if (!this.limits.limitReached(card.did, 'new') && this.takeNew(card)) this.limits.decrement(card.did, 'new');
      if (this.limits.rootLimitReached('new')) return;
    }
  }
}
