/**
 * What goes into (or comes out of) a package: Anki's ExchangeData::gather_data
 * (rslib/src/import_export/gather.rs). Export runs it on Engram's collection, import on
 * the package's own collection, so both strip scheduling the same way.
 */
import type { CardRow, Deck, DeckConfig, NoteRow, Notetype, RevlogRow } from '../model/types';
import { foldCase } from '../text/fold';
import { removeFromFilteredDeck, scheduleAsNew, withoutSystemTags } from './sched';

export interface GatherSource {
  /** The notes matched by the search. */
  notes: NoteRow[];
  /** Cards of the collection (only those of matched notes are kept). */
  cards: CardRow[];
  revlog: (cardIds: ReadonlySet<number>) => RevlogRow[];
  notetypes: readonly Notetype[];
  decks: readonly Deck[];
  deckConfigs: readonly DeckConfig[];
  /** The collection's nextPos, where reset cards start. */
  nextPos: number;
}

export interface GatherOptions {
  withScheduling: boolean;
  withDeckConfigs: boolean;
}

export interface Exchange {
  notes: NoteRow[];
  cards: CardRow[];
  revlog: RevlogRow[];
  notetypes: Notetype[];
  decks: Deck[];
  deckConfigs: DeckConfig[];
}

const FILTERED_KEYS = ['resched', 'terms', 'separate', 'delays', 'previewDelay', 'previewAgainSecs', 'previewHardSecs', 'previewGoodSecs'];

function parentName(name: string): string | undefined {
  const at = name.lastIndexOf('::');
  return at > 0 ? name.slice(0, at) : undefined;
}

function gatherDecks(source: GatherSource, cards: readonly CardRow[], withOriginal: boolean, skipDefault: boolean): Deck[] {
  const wanted = new Set<number>();
  for (const card of cards) {
    wanted.add(card.did);
    if (withOriginal && card.odid !== 0) wanted.add(card.odid);
  }
  const decks = source.decks.filter((d) => wanted.has(d.id));
  const byName = new Map(source.decks.map((d) => [foldCase(d.name), d]));
  const seenNames = new Set(decks.map((d) => foldCase(d.name)));
  const parents: Deck[] = [];
  const addParents = (name: string): void => {
    const parent = parentName(name);
    if (!parent || seenNames.has(foldCase(parent))) return;
    seenNames.add(foldCase(parent));
    const deck = byName.get(foldCase(parent));
    if (deck) {
      parents.push(deck);
      addParents(deck.name);
    }
  };
  for (const deck of decks) addParents(deck.name);
  return [...decks, ...parents].filter((d) => !(skipDefault && d.id === 1)).map((d) => structuredClone(d));
}

function filteredDecksAllowed(cards: readonly CardRow[], decks: readonly Deck[]): boolean {
  const byId = new Map(decks.map((d) => [d.id, d]));
  return cards.every((card) => {
    const normalHere = card.odid === 0 && byId.get(card.did)?.dyn === 0;
    return normalHere || card.odid === 1 || byId.has(card.odid);
  });
}

function toNormalDeck(deck: Deck): Deck {
  const normal: Deck = { ...deck, dyn: 0, desc: '', conf: 1, extendNew: 0, extendRev: 0, reviewLimit: null, newLimit: null,
    reviewLimitToday: null, newLimitToday: null, desiredRetention: null };
  delete normal.md;
  for (const key of FILTERED_KEYS) delete normal[key];
  return normal;
}

function resetDecks(decks: Deck[], resetConfigIds: boolean, resetStudyInfo: boolean, allowFiltered: boolean): Deck[] {
  return decks.map((deck) => {
    let d = deck;
    if (resetStudyInfo) {
      d = { ...d, lrnToday: [0, 0], revToday: [0, 0], newToday: [0, 0], timeToday: [0, 0], collapsed: false, browserCollapsed: false };
    }
    if (d.dyn === 1) return resetStudyInfo || !allowFiltered ? toNormalDeck(d) : d;
    if (resetConfigIds) d = { ...d, conf: 1 };
    if (resetStudyInfo) {
      d = { ...d, extendNew: 0, extendRev: 0, reviewLimit: null, reviewLimitToday: null, newLimit: null, newLimitToday: null };
    }
    return d;
  });
}

function gatherDeckConfigs(source: GatherSource, decks: readonly Deck[], withScheduling: boolean): DeckConfig[] {
  const ids = [...new Set(decks.filter((d) => d.dyn === 0).map((d) => d.conf ?? 1))];
  const byId = new Map(source.deckConfigs.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const conf = byId.get(id);
    if (!conf) return [];
    const copy = structuredClone(conf);
    if (!withScheduling) {
      copy.fsrsWeights = [];
      copy.fsrsParams5 = [];
      copy.fsrsParams6 = [];
    }
    return [copy];
  });
}

export function gather(source: GatherSource, options: GatherOptions): Exchange {
  const notes = source.notes.map((n) => ({ ...n }));
  const noteIds = new Set(notes.map((n) => n.id));
  const cards = source.cards.filter((c) => noteIds.has(c.nid)).map((c) => ({ ...c }));
  const decks = gatherDecks(source, cards, options.withScheduling, !options.withScheduling);
  const usedNotetypes = new Set(notes.map((n) => n.mid));
  const notetypes = source.notetypes.filter((nt) => usedNotetypes.has(nt.id)).map((nt) => structuredClone(nt));
  const allowFiltered = filteredDecksAllowed(cards, decks);
  let revlog: RevlogRow[] = [];
  if (options.withScheduling) {
    revlog = source.revlog(new Set(cards.map((c) => c.id))).map((r) => ({ ...r }));
    if (!allowFiltered) {
      for (const card of cards) {
        if (card.odid > 0) {
          // The filtered deck becomes a normal deck, so the card stays in it.
          card.odid = card.did;
          removeFromFilteredDeck(card);
        }
      }
    }
  } else {
    for (const note of notes) note.tags = withoutSystemTags(note.tags);
    let position = source.nextPos;
    for (const card of cards) {
      if (scheduleAsNew(card, position)) position++;
      card.flags = 0;
    }
  }
  const deckConfigs = options.withDeckConfigs ? gatherDeckConfigs(source, decks, options.withScheduling) : [];
  return {
    notes,
    cards,
    revlog,
    notetypes,
    decks: resetDecks(decks, !options.withDeckConfigs, !options.withScheduling, allowFiltered),
    deckConfigs,
  };
}
