import type { Collection } from '../collection';
import { deleteCardsWithoutNote, fixCardProperties } from './cards';
import { recoverMissingDecks } from './decks';
import { fixFutureIds } from './ids';
import { fixNextPosition, fixNotes, rebuildTagRegistry } from './notes';
import { recoverMissingNotetypes } from './notetypes';
import { ReportBuilder, type CheckReport } from './report';

export type { CheckReport } from './report';
export { fixFieldCount } from './notes';

/**
 * Tools › Check Database (rslib/src/dbcheck.rs): finds what Anki considers broken and
 * repairs it. Each fix runs in its own transaction, so one failure keeps the others.
 */
export function checkDatabase(col: Collection): CheckReport {
  const report = new ReportBuilder();
  const quick = col.db.pragma('quick_check', { simple: true }) as string;
  if (quick !== 'ok') {
    report.integrityOk = false;
    report.note(`The collection file is damaged (${quick}). Restore a backup; nothing was changed.`);
    return report.build();
  }
  const steps = [
    fixFutureIds,
    deleteCardsWithoutNote,
    recoverMissingDecks,
    recoverMissingNotetypes,
    fixCardProperties,
    fixNotes,
    rebuildTagRegistry,
    fixNextPosition,
  ];
  for (const step of steps) step(col, report);
  col.db.pragma('optimize');
  return report.build();
}
