/**
 * .apkg import: merges a package into the open collection (apkg/import/mod.rs).
 * Everything the database gets happens in one transaction; media files are written
 * inside it and removed again if anything fails, so a failed or cancelled import
 * leaves the collection as it was.
 */
import type { Collection } from '../../collection';
import { EngineError } from '../../errors';
import { minutesWest } from '../../timing';
import type { AnkiCollectionMeta } from '../ankidb/model';
import { configValue } from '../ankidb/model';
import { asEngineError } from '../errors';
import { gather, type Exchange } from '../gather';
import { resolveLimits, type PackageLimits } from '../limits';
import { packageDaysElapsed } from '../package-timing';
import { Progress, type TaskControl } from '../progress';
import { OpenedPackage } from '../read-package';
import { fixFutureIds, upgradeToV2Scheduler } from '../sched';
import { CardImporter } from './cards';
import { ImportLog, type ImportContext, type UpdateCondition } from './context';
import { DeckImporter } from './decks';
import { MediaPlan } from './media';
import { NoteImporter } from './notes';
import { NotetypeImporter } from './notetypes';

export interface ImportPackageOptions extends TaskControl {
  /** Keep cards' scheduling and review history (default true, like AnkiConnect's importer). */
  withScheduling?: boolean;
  /** Import deck-options presets (default: same as withScheduling). */
  withDeckConfigs?: boolean;
  /** When a note with the same guid exists (default 'ifNewer'). */
  updateNotes?: UpdateCondition;
  /** When a notetype with the same id and schema exists (default 'ifNewer'). */
  updateNotetypes?: UpdateCondition;
  /** Merging differing notetypes is not supported; true is refused. */
  mergeNotetypes?: boolean;
  limits?: Partial<PackageLimits>;
}

export interface ImportSummary {
  notesAdded: number;
  notesUpdated: number;
  /** Duplicates (same guid, not newer), conflicts (different notetype) and notes without a notetype. */
  notesSkipped: number;
  cards: number;
  decks: number;
  notetypes: number;
  media: number;
  log: string[];
}

function localOffset(col: Collection, nowMs: number): number {
  return col.getConfig<number | null>('localOffsetOverride', null) ?? minutesWest(nowMs);
}

const READ_CHUNK_ROWS = 2000;

/**
 * Rows of the package's private copy, yielding to the event loop every few thousand
 * (nothing else uses that connection, so its statement may stay open across the awaits).
 */
async function readRows<T>(rows: Iterable<T>, progress: Progress): Promise<T[]> {
  const out: T[] = [];
  for (const row of rows) {
    if (out.push(row) % READ_CHUNK_ROWS === 0) await progress.pause();
  }
  return out;
}

/** The package's collection as Anki's importer gathers it (ids fixed, v1 scheduling upgraded). */
export async function exchangeFromPackage(
  pkg: OpenedPackage,
  options: { withScheduling: boolean; withDeckConfigs: boolean },
  nowMs: number,
  offsetWest: number,
  progress: Progress = new Progress(),
): Promise<{ exchange: Exchange; sourceToday: number; messages: string[] }> {
  const messages: string[] = [];
  const meta: AnkiCollectionMeta = structuredClone(pkg.collection.meta);
  const notes = await readRows(pkg.collection.notes(), progress);
  const cards = await readRows(pkg.collection.cards(), progress);
  const revlog = await readRows(pkg.collection.revlog(), progress);
  const fixed = fixFutureIds(notes, cards, revlog, nowMs);
  if (fixed) messages.push(`${fixed} ids in the package were in the future and were renumbered.`);
  if ((configValue<number>(meta, 'schedVer') ?? 1) !== 2 && cards.some((c) => c.queue !== 0)) {
    upgradeToV2Scheduler(cards, revlog, meta.decks, meta.deckConfigs);
    meta.config = meta.config.filter((c) => c.key !== 'schedVer');
    meta.config.push({ key: 'schedVer', usn: 0, mtime: 0, json: '2' });
    if (configValue(meta, 'creationOffset') === undefined) {
      meta.config.push({ key: 'creationOffset', usn: 0, mtime: 0, json: String(minutesWest(meta.col.crt * 1000)) });
    }
    messages.push('The package used the old v1 scheduler; its scheduling was converted.');
  }
  const sourceToday = packageDaysElapsed(meta, nowMs, offsetWest);
  const exchange = gather(
    {
      notes,
      cards,
      revlog: (ids) => revlog.filter((r) => ids.has(r.cid)),
      notetypes: meta.notetypes,
      decks: meta.decks,
      deckConfigs: meta.deckConfigs,
      nextPos: configValue<number>(meta, 'nextPos') ?? 0,
    },
    options,
  );
  return { exchange, sourceToday, messages };
}

export async function importApkg(col: Collection, path: string, options: ImportPackageOptions = {}): Promise<ImportSummary> {
  if (options.mergeNotetypes) throw new EngineError('unsupported', 'Merging notetypes on import is not supported yet.');
  const progress = new Progress(options);
  const withScheduling = options.withScheduling ?? true;
  const withDeckConfigs = options.withDeckConfigs ?? withScheduling;
  progress.report('reading', 0, 1);
  const pkg = OpenedPackage.open(path, resolveLimits(options.limits));
  try {
    await progress.pause();
    const nowMs = col.nowMs();
    const { exchange, sourceToday, messages } = await exchangeFromPackage(pkg, { withScheduling, withDeckConfigs }, nowMs, localOffset(col, nowMs), progress);
    progress.report('reading', 1, 1);
    const log = new ImportLog();
    messages.forEach((m) => log.note(m));
    const media = new MediaPlan(pkg, col.mediaDir, log);
    await progress.pause();
    const ctx: ImportContext = { col, progress, log, nowSecs: Math.floor(nowMs / 1000) };
    const targetToday = col.timing(nowMs).daysElapsed;
    try {
      col.transact(() => {
        const notetypes = new NotetypeImporter(ctx, options.updateNotetypes ?? 'ifNewer');
        notetypes.importAll(exchange.notetypes);
        const notes = new NoteImporter(ctx, options.updateNotes ?? 'ifNewer', notetypes.remapped, media);
        notes.importAll(exchange.notes);
        const decks = new DeckImporter(ctx, sourceToday, targetToday);
        decks.importConfigs(exchange.deckConfigs);
        decks.importDecks(exchange.decks);
        const cards = new CardImporter(ctx, notes.idMap, decks.idMap, sourceToday - targetToday);
        cards.importCards(exchange.cards);
        cards.importRevlog(exchange.revlog);
        log.media = media.copyUsed((done, total) => progress.report('media', done, total, 50));
        progress.report('finishing', 1, 1);
      });
    } catch (error) {
      media.rollback();
      for (const cache of ['notetypes', 'decks', 'deckConfigs'] as const) col.invalidate(cache);
      throw asEngineError(error, 'The package could not be imported');
    }
    return summarize(log);
  } finally {
    pkg.close();
  }
}

function summarize(log: ImportLog): ImportSummary {
  const skipped = log.notesDuplicate + log.notesConflicting + log.notesMissingNotetype;
  const lines = [
    `${log.notesAdded} notes added, ${log.notesUpdated} updated, ${skipped} skipped.`,
    ...log.messages,
  ];
  if (log.notesDuplicate) lines.push(`${log.notesDuplicate} notes were already up to date.`);
  if (log.notesMissingNotetype) lines.push(`${log.notesMissingNotetype} notes were skipped: their notetype is missing.`);
  return {
    notesAdded: log.notesAdded,
    notesUpdated: log.notesUpdated,
    notesSkipped: skipped,
    cards: log.cards,
    decks: log.decks,
    notetypes: log.notetypes,
    media: log.media,
    log: lines,
  };
}
