/**
 * Cards and review history of an .apkg (apkg/import/cards.rs): only cards of imported
 * notes whose template ordinal is still free; decks remapped; day-based due numbers
 * shifted to this collection's "today"; colliding ids bumped by 999; revlog entries
 * added unless their id exists.
 */
import type { CardId, CardRow, DeckId, NoteId, RevlogRow } from '../../model/types';
import { CardQueue, CardType } from '../../model/types';
import { deckById } from '../../decks/store';
import { normalizeCardData } from '../card-data';
import type { ImportContext } from './context';

export class CardImporter {
  private readonly existingOrds = new Set<string>();
  private readonly takenIds = new Set<CardId>();
  private readonly imported = new Map<CardId, CardId>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly noteIds: ReadonlyMap<NoteId, NoteId>,
    private readonly deckIds: ReadonlyMap<DeckId, DeckId>,
    /** source today − target today */
    private readonly dayDelta: number,
  ) {
    for (const row of ctx.col.prepare('SELECT id, nid, ord FROM cards').all() as { id: number; nid: number; ord: number }[]) {
      this.existingOrds.add(`${row.nid}:${row.ord}`);
      this.takenIds.add(row.id);
    }
  }

  private resolveDeck(id: DeckId): DeckId | undefined {
    const mapped = this.deckIds.get(id);
    if (mapped !== undefined) return mapped;
    return deckById(this.ctx.col, id) ? id : undefined;
  }

  private shiftDates(card: CardRow): void {
    const dueInDays = card.queue === CardQueue.Review || card.queue === CardQueue.DayLearn || card.type === CardType.Review;
    if (dueInDays) card.due -= this.dayDelta;
    if (card.type === CardType.Review && card.odue !== 0) card.odue -= this.dayDelta;
  }

  importCards(cards: readonly CardRow[]): void {
    const insert = this.ctx.col.prepare(
      `INSERT OR IGNORE INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
       VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    cards.forEach((incoming, i) => {
      this.ctx.progress.report('cards', i, cards.length, 500);
      const nid = this.noteIds.get(incoming.nid);
      if (nid === undefined || this.existingOrds.has(`${nid}:${incoming.ord}`)) return;
      const card = { ...incoming, nid };
      card.did = this.resolveDeck(card.did) ?? 1;
      if (card.odid !== 0) {
        const home = this.resolveDeck(card.odid);
        if (home === undefined) {
          card.odid = 0;
          card.odue = 0;
        } else card.odid = home;
      }
      this.shiftDates(card);
      let id = card.id;
      while (this.takenIds.has(id)) id += 999;
      const result = insert.run(
        id, card.nid, card.did, card.ord, card.mod, card.type, card.queue, card.due, card.ivl, card.factor, card.reps,
        card.lapses, card.left, card.odue, card.odid, card.flags, normalizeCardData(card.data),
      );
      if (!result.changes) return;
      this.takenIds.add(id);
      this.existingOrds.add(`${nid}:${card.ord}`);
      this.ctx.col.ids.cards.observe(id);
      this.imported.set(incoming.id, id);
      this.ctx.log.cards++;
    });
    this.ctx.progress.report('cards', cards.length, cards.length);
  }

  importRevlog(entries: readonly RevlogRow[]): void {
    const insert = this.ctx.col.prepare('INSERT OR IGNORE INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
    entries.forEach((entry, i) => {
      this.ctx.progress.report('revlog', i, entries.length, 1000);
      const cid = this.imported.get(entry.cid);
      if (cid === undefined) return;
      const result = insert.run(entry.id, cid, entry.ease, entry.ivl, entry.lastIvl, entry.factor, entry.time, entry.type);
      if (result.changes) {
        this.ctx.col.ids.revlog.observe(entry.id);
        this.ctx.log.revlog++;
      }
    });
    this.ctx.progress.report('revlog', entries.length, entries.length);
  }
}
