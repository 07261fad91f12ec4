import type { Collection } from './collection';
import { defaultDeckConfig, newNormalDeck } from './decks/defaults';
import { putDeckRaw } from './decks/store';
import { saveDeckConfig } from './deckconfig/store';
import { stockNotetypes } from './notetypes/stock';
import { saveNotetype } from './notetypes/store';
import { creationTime, minutesWest } from './timing';

/** What a brand-new Anki collection contains (anki-format.md §1.6), in Engram's tables. */
export function initializeNewCollection(col: Collection): void {
  const nowMs = col.nowMs();
  const crt = creationTime(nowMs);
  col.db.prepare('INSERT INTO col (id, crt, mod, scm, usn, ls) VALUES (1, ?, ?, ?, 0, 0)').run(crt, nowMs, nowMs);
  const defaults: Record<string, unknown> = {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    sched2021: true,
    creationOffset: minutesWest(crt * 1000),
    rollover: 4,
  };
  for (const [key, value] of Object.entries(defaults)) col.setConfig(key, value);
  saveDeckConfig(col, { ...defaultDeckConfig(1, 'Default', 0), usn: 0 }, true);
  putDeckRaw(col, { ...newNormalDeck(1, 'Default', 0), usn: 0, collapsed: true, browserCollapsed: true });
  const stock = stockNotetypes().map((nt) => saveNotetype(col, nt));
  col.setConfig('curModel', stock[0]!.id);
}
