/** Engram's collection as the input of a package export. */
import type { Collection } from '../../collection';
import type { CardRow, DeckId, NoteRow, RevlogRow } from '../../model/types';
import { allDeckConfigs } from '../../deckconfig/store';
import { allDecks, deckAndChildren, requireDeck } from '../../decks/store';
import { allNotetypes } from '../../notetypes/store';
import type { AnkiColRow, AnkiConfigEntry, AnkiGrave, AnkiTag } from '../ankidb/model';
import type { GatherSource } from '../gather';

export function colRow(col: Collection): AnkiColRow {
  return col.db.prepare('SELECT crt, mod, scm, usn, ls FROM col WHERE id = 1').get() as AnkiColRow;
}

export function allCards(col: Collection): CardRow[] {
  return col.db.prepare('SELECT * FROM cards ORDER BY id').all() as CardRow[];
}

export function allNotes(col: Collection): NoteRow[] {
  return col.db.prepare('SELECT * FROM notes ORDER BY id').all() as NoteRow[];
}

export function revlogFor(col: Collection, cardIds: ReadonlySet<number> | null): RevlogRow[] {
  const rows = col.db.prepare('SELECT * FROM revlog ORDER BY id').all() as RevlogRow[];
  return cardIds ? rows.filter((r) => cardIds.has(r.cid)) : rows;
}

export function configEntries(col: Collection): AnkiConfigEntry[] {
  return (col.db.prepare('SELECT key, usn, mtime, val FROM config ORDER BY key').all() as { key: string; usn: number; mtime: number; val: string }[]).map(
    (r) => ({ key: r.key, usn: r.usn, mtime: r.mtime, json: r.val }),
  );
}

export function tagEntries(col: Collection): AnkiTag[] {
  return (col.db.prepare('SELECT tag, usn, collapsed FROM tags ORDER BY tag_key').all() as { tag: string; usn: number; collapsed: number }[]).map(
    (r) => ({ tag: r.tag, usn: r.usn, collapsed: Boolean(r.collapsed) }),
  );
}

export function graveEntries(col: Collection): AnkiGrave[] {
  return col.db.prepare('SELECT oid, type, usn FROM graves ORDER BY type, oid').all() as AnkiGrave[];
}

/** The notes a deck export covers: those with a card in the deck or its children (by home deck too). */
function notesInDecks(col: Collection, deckId: DeckId, cards: readonly CardRow[]): NoteRow[] {
  requireDeck(col, deckId);
  const deckIds = new Set(deckAndChildren(col, deckId).map((d) => d.id));
  const noteIds = new Set(cards.filter((c) => deckIds.has(c.did) || (c.odid !== 0 && deckIds.has(c.odid))).map((c) => c.nid));
  return allNotes(col).filter((n) => noteIds.has(n.id));
}

export function gatherSource(col: Collection, deckId: DeckId | null): GatherSource {
  const cards = allCards(col);
  return {
    notes: deckId === null ? allNotes(col) : notesInDecks(col, deckId, cards),
    cards,
    revlog: (ids) => revlogFor(col, ids),
    notetypes: allNotetypes(col),
    decks: allDecks(col),
    deckConfigs: allDeckConfigs(col),
    nextPos: col.getConfig<number>('nextPos', 0),
  };
}
