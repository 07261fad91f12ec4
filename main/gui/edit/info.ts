import type { Collection } from '../../engine/collection';
import type { Notetype } from '../../engine/model/types';
import { NotetypeKind } from '../../engine/model/types';
import { allDecks, deckById } from '../../engine/decks/store';
import { allNotetypes, notetypeById } from '../../engine/notetypes/store';
import { allTags } from '../../engine/tags/registry';
import type { AddDefaults, DeckOption, NotetypeInfo } from '../../../shared/bridge/edit';

const DEFAULT_DECK_ID = 1;

/** Every deck by full name, for deck choosers. */
export function deckOptions(col: Collection): DeckOption[] {
  return allDecks(col)
    .map((d) => ({ id: d.id, name: d.name, filtered: d.dyn === 1 }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

function noteCounts(col: Collection): Map<number, number> {
  const rows = col.prepare('SELECT mid, count(*) AS n FROM notes GROUP BY mid').all() as { mid: number; n: number }[];
  return new Map(rows.map((r) => [r.mid, r.n]));
}

export function notetypeInfo(nt: Notetype, noteCount: number): NotetypeInfo {
  return {
    id: nt.id,
    name: nt.name,
    cloze: nt.type === NotetypeKind.Cloze,
    sortf: nt.sortf,
    css: nt.css,
    fields: nt.flds.map((f) => ({
      name: f.name,
      ord: f.ord,
      sticky: f.sticky,
      rtl: f.rtl,
      font: f.font,
      size: f.size,
      plainText: f.plainText,
      description: f.description,
      collapsed: f.collapsed,
    })),
    templates: nt.tmpls.map((t) => ({ name: t.name, ord: t.ord, qfmt: t.qfmt, afmt: t.afmt })),
    noteCount,
  };
}

export function notetypeInfos(col: Collection): NotetypeInfo[] {
  const counts = noteCounts(col);
  return allNotetypes(col)
    .map((nt) => notetypeInfo(nt, counts.get(nt.id) ?? 0))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export function singleNotetypeInfo(col: Collection, id: number): NotetypeInfo | null {
  const nt = notetypeById(col, id);
  if (!nt) return null;
  const count = col.prepare('SELECT count(*) FROM notes WHERE mid = ?').pluck().get(id) as number;
  return notetypeInfo(nt, count);
}

export function tagList(col: Collection): string[] {
  return allTags(col);
}

/** The deck new cards go to when nothing else says: the current deck unless it is filtered (Anki's rule). */
function currentDeckForAdding(col: Collection): number {
  const current = deckById(col, col.getConfig<number>('curDeck', DEFAULT_DECK_ID));
  return current && current.dyn === 0 ? current.id : DEFAULT_DECK_ID;
}

/**
 * What the Add screen starts with, as Anki's defaults_for_adding: with "add to current
 * deck" on, the current deck and the note type last used in it; otherwise the current
 * note type and the deck last used with it.
 */
export function addDefaults(col: Collection): AddDefaults {
  const fallbackNotetype = (): number => {
    const current = col.getConfig<number>('curModel', 0);
    return notetypeById(col, current)?.id ?? allNotetypes(col)[0]?.id ?? 0;
  };
  if (col.getConfig<boolean>('addToCur', true)) {
    const deckId = currentDeckForAdding(col);
    const lastInDeck = deckById(col, deckId)?.mid;
    const notetypeId = typeof lastInDeck === 'number' && notetypeById(col, lastInDeck) ? lastInDeck : fallbackNotetype();
    return { deckId, notetypeId };
  }
  const notetypeId = fallbackNotetype();
  const lastDeck = col.getConfig<number | null>(`_nt_${notetypeId}_lastDeck`, null);
  const deck = lastDeck === null ? undefined : deckById(col, lastDeck);
  return { notetypeId, deckId: deck && deck.dyn === 0 ? deck.id : currentDeckForAdding(col) };
}
