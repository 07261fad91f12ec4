/**
 * Decks and presets of an .apkg (apkg/import/decks.rs): presets are added only when
 * their id is free; decks are matched by name (case-insensitive), parents first. A
 * deck of the other kind (normal vs filtered) is imported under "<name> <unix secs>".
 */
import type { Deck, DeckConfig, DeckId } from '../../model/types';
import { deckById, deckByName, ensureDeck, putDeckRaw } from '../../decks/store';
import { deckConfigById, saveDeckConfig } from '../../deckconfig/store';
import { foldCase } from '../../text/fold';
import type { ImportContext } from './context';

const SEP = '::';

function level(deck: Deck): number {
  return deck.name.split(SEP).length;
}

function parentOf(name: string): string | undefined {
  const at = name.lastIndexOf(SEP);
  return at > 0 ? name.slice(0, at) : undefined;
}

export class DeckImporter {
  /** Package deck id → deck id here. */
  readonly idMap = new Map<DeckId, DeckId>();
  private readonly renamedParents: [string, string][] = [];
  private readonly suffix: string;

  constructor(
    private readonly ctx: ImportContext,
    private readonly sourceToday: number,
    private readonly targetToday: number,
  ) {
    this.suffix = String(ctx.nowSecs);
  }

  importConfigs(configs: readonly DeckConfig[]): void {
    for (const conf of configs) {
      if (deckConfigById(this.ctx.col, conf.id)) continue;
      saveDeckConfig(this.ctx.col, { ...structuredClone(conf), usn: -1 }, true);
      this.ctx.col.ids.deckConfigs.observe(conf.id);
    }
  }

  importDecks(decks: readonly Deck[]): void {
    const ordered = decks.map((d, i) => ({ d, i })).sort((a, b) => level(a.d) - level(b.d) || a.i - b.i);
    ordered.forEach(({ d }, i) => {
      this.ctx.progress.report('decks', i, ordered.length);
      const deck = structuredClone(d);
      this.reparent(deck);
      this.correctDayLimits(deck);
      this.importOne(deck);
    });
    this.ctx.progress.report('decks', ordered.length, ordered.length);
  }

  private reparent(deck: Deck): void {
    for (const [oldPrefix, newPrefix] of this.renamedParents) {
      if (foldCase(deck.name).startsWith(foldCase(oldPrefix))) {
        deck.name = newPrefix + deck.name.slice(oldPrefix.length);
        return;
      }
    }
  }

  /** A one-day limit set "today" in the package applies today here; older ones stay in the past. */
  private correctDayLimits(deck: Deck): void {
    if (deck.dyn !== 0) return;
    const fix = (limit: { limit: number; today: number } | null | undefined): { limit: number; today: number } | null => {
      if (!limit) return null;
      if (limit.today === this.sourceToday) return { ...limit, today: this.targetToday };
      if (this.targetToday > 0) return { ...limit, today: Math.min(limit.today, this.targetToday - 1) };
      return null;
    };
    deck.newLimitToday = fix(deck.newLimitToday);
    deck.reviewLimitToday = fix(deck.reviewLimitToday);
  }

  private importOne(deck: Deck): void {
    const existing = deckByName(this.ctx.col, deck.name);
    if (existing) {
      if (existing.dyn === deck.dyn) {
        this.updateExisting(deck, existing);
        return;
      }
      this.uniquifyName(deck);
    }
    this.ensureNormalAncestor(deck);
    this.add(deck);
  }

  private uniquifyName(deck: Deck): void {
    const oldPrefix = deck.name + SEP;
    deck.name = `${deck.name} ${this.suffix}`;
    this.renamedParents.push([oldPrefix, deck.name + SEP]);
  }

  /** Decks cannot live under a filtered deck: such a parent is replaced by a new normal deck. */
  private ensureNormalAncestor(deck: Deck): void {
    for (let name = parentOf(deck.name); name; name = parentOf(name)) {
      const ancestor = deckByName(this.ctx.col, name);
      if (!ancestor) continue;
      if (ancestor.dyn === 1) {
        const stand: Deck = { ...structuredClone(deck), name: ancestor.name };
        this.uniquifyName(stand);
        ensureDeck(this.ctx.col, stand.name);
        this.reparent(deck);
      }
      return;
    }
  }

  private add(deck: Deck): void {
    const parent = parentOf(deck.name);
    if (parent) {
      const parentId = ensureDeck(this.ctx.col, parent);
      const parentName = deckById(this.ctx.col, parentId)!.name;
      deck.name = parentName + SEP + deck.name.slice(parent.length + SEP.length);
    }
    const oldId = deck.id;
    deck.id = this.ctx.col.ids.decks.next();
    deck.mod = this.ctx.nowSecs;
    deck.usn = -1;
    putDeckRaw(this.ctx.col, deck);
    this.idMap.set(oldId, deck.id);
    this.ctx.log.decks++;
  }

  private updateExisting(incoming: Deck, original: Deck): void {
    const updated = structuredClone(original);
    if (incoming.dyn === 0) {
      if (incoming.desc) {
        updated.desc = incoming.desc;
        if (incoming.md) updated.md = true;
        else delete updated.md;
      }
      if (incoming.conf !== undefined && incoming.conf !== 1) updated.conf = incoming.conf;
      updated.reviewLimit = incoming.reviewLimit ?? updated.reviewLimit ?? null;
      updated.newLimit = incoming.newLimit ?? updated.newLimit ?? null;
      updated.reviewLimitToday = incoming.reviewLimitToday ?? updated.reviewLimitToday ?? null;
      updated.newLimitToday = incoming.newLimitToday ?? updated.newLimitToday ?? null;
    } else {
      for (const key of ['resched', 'terms', 'separate', 'delays', 'previewDelay', 'previewAgainSecs', 'previewHardSecs', 'previewGoodSecs']) {
        if (incoming[key] !== undefined) updated[key] = structuredClone(incoming[key]);
      }
    }
    updated.mod = this.ctx.nowSecs;
    updated.usn = -1;
    putDeckRaw(this.ctx.col, updated);
    this.idMap.set(incoming.id, original.id);
  }
}
