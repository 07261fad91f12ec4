import type { Collection } from '../collection';
import { newNormalDeck } from '../decks/defaults';
import { deckById, putDeckRaw } from '../decks/store';
import { plural, type ReportBuilder } from './report';

/** Cards pointing at a deck that does not exist get that deck back, named `recovered<id>` like Anki. */
export function recoverMissingDecks(col: Collection, report: ReportBuilder): void {
  const recovered = col.transact(() => {
    const ids = col.db
      .prepare(
        `SELECT DISTINCT did FROM cards WHERE did NOT IN (SELECT id FROM decks)
         UNION SELECT DISTINCT odid FROM cards WHERE odid != 0 AND odid NOT IN (SELECT id FROM decks)`,
      )
      .pluck()
      .all() as number[];
    for (const id of ids) {
      if (deckById(col, id)) continue;
      putDeckRaw(col, newNormalDeck(id, `recovered${id}`, col.nowSecs()));
    }
    return ids.length;
  });
  report.add('missingDecks', recovered, (n) => `Recreated ${plural(n, 'missing deck')}.`);
}
