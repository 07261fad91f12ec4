import type { Collection } from '../../collection';
import type { Deck, Notetype } from '../../model/types';
import { NotetypeKind } from '../../model/types';
import { allDecks, ensureDeck, putDeckRaw, saveDeck, deckById } from '../../decks/store';
import { newNormalDeck, defaultDeckConfig } from '../../decks/defaults';
import { saveDeckConfig } from '../../deckconfig/store';
import { allNotetypes, notetypeByName, saveNotetype } from '../../notetypes/store';
import { emptyNotetype, newField, newTemplate } from '../../notetypes/stock';
import type { Dataset, NotetypeSpec } from './dataset';

export interface EngineIds {
  mid: Record<string, number>;
  did: Record<string, number>;
  dcid: Record<string, number>;
}

function createNotetype(col: Collection, spec: NotetypeSpec): void {
  if (spec.base) {
    const base = structuredClone(notetypeByName(col, spec.base)!);
    const extra = spec.fields.slice(base.flds.length).map((name, i) => newField(name, base.flds.length + i));
    saveNotetype(col, { ...base, id: 0, name: spec.name, flds: [...base.flds, ...extra], sortf: spec.sortf ?? 0 });
    return;
  }
  const nt: Notetype = {
    ...emptyNotetype(spec.name, spec.cloze ? NotetypeKind.Cloze : NotetypeKind.Normal),
    flds: spec.fields.map((name, i) => newField(name, i)),
    tmpls: spec.templates.map((t, i) => newTemplate(t.name, i, t.qfmt, t.afmt)),
    sortf: spec.sortf ?? 0,
  };
  saveNotetype(col, nt);
}

function filteredDeck(id: number, name: string, mod: number): Deck {
  const base = newNormalDeck(id, name, mod);
  delete base.conf;
  return { ...base, dyn: 1, resched: true, terms: [['', 100, 0]], separate: true, delays: null, previewDelay: 10 };
}

/** Loads the dataset's rows into an open Engram collection (clock and timing are the caller's). */
export function loadDataset(col: Collection, ds: Dataset): EngineIds {
  const dcid: Record<string, number> = { Default: 1 };
  col.transact(() => {
    col.db.prepare('UPDATE col SET crt = ? WHERE id = 1').run(ds.crt);
    col.setConfig('creationOffset', ds.creationOffset);
    col.setConfig('rollover', ds.rollover);
    for (const name of ds.presets) dcid[name] = saveDeckConfig(col, defaultDeckConfig(0, name, 0)).id;
    for (const deck of ds.decks) {
      if (deck.filtered) {
        putDeckRaw(col, filteredDeck(col.ids.decks.next(), deck.name, col.nowSecs()));
        continue;
      }
      const id = ensureDeck(col, deck.name);
      if (deck.preset) saveDeck(col, { ...deckById(col, id)!, conf: dcid[deck.preset]! });
    }
    for (const spec of ds.notetypes) createNotetype(col, spec);
  });
  const mid = Object.fromEntries(allNotetypes(col).map((nt) => [nt.name, nt.id]));
  const did = Object.fromEntries(allDecks(col).map((d) => [d.name, d.id]));
  col.transact(() => {
    const note = col.db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')");
    for (const n of ds.notes) note.run(n.id, n.guid, mid[n.notetype], n.mod, n.usn, n.tags, n.flds, n.sfld, n.csum);
    const card = col.db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of ds.cards) {
      const odid = c.odeck ? did[c.odeck] : 0;
      card.run(c.id, c.nid, did[c.deck], c.ord, c.mod, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.odue, odid, c.flags, c.data);
    }
    const rev = col.db.prepare('INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of ds.revlog) rev.run(r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
    col.setConfig('curDeck', did[ds.curDeck]);
  });
  return { mid, did, dcid };
}
