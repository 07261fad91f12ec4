/**
 * .apkg export (a deck with its children, or everything) and .colpkg export (the whole
 * collection), in the modern layout or the legacy one ("support older Anki versions").
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Collection } from '../../collection';
import { defaultDeckConfig, newNormalDeck } from '../../decks/defaults';
import { EngineError } from '../../errors';

import type { DeckId } from '../../model/types';
import type { AnkiCollectionMeta, AnkiConfigEntry } from '../ankidb/model';
import { writeAnkiDbInChunks, type AnkiDbContent } from '../ankidb/write';
import { gather, type Exchange } from '../gather';
import { isSafeMediaName, normalizeFilename, referencedMediaNames } from '../media';
import { Progress, type TaskControl } from '../progress';
import { colRow, configEntries, gatherSource, graveEntries, allCards, allNotes, revlogFor, tagEntries } from './source';
import { writePackage } from './write-package';
import { allDeckConfigs } from '../../deckconfig/store';
import { allDecks } from '../../decks/store';
import { allNotetypes } from '../../notetypes/store';

export interface ExportPackageOptions extends TaskControl {
  /** The deck to export, with its children. */
  deckId?: DeckId | null;
  /** Export every note instead of one deck. */
  all?: boolean;
  /** Keep scheduling and review history (default false, like AnkiConnect's exportPackage). */
  includeSched?: boolean;
  /** Include the decks' options presets (default: same as includeSched). */
  includeDeckConfigs?: boolean;
  /** Include referenced media files (default true). */
  includeMedia?: boolean;
  /** Write the legacy layout (collection.anki21, schema 11, JSON media list) for old Anki versions. */
  legacy?: boolean;
}

export interface ExportCollectionOptions extends TaskControl {
  legacy?: boolean;
  includeMedia?: boolean;
}

export interface ExportSummary {
  notes: number;
  cards: number;
  media: number;
  /** Collection schema inside the package (11 for legacy, or when names need Anki's own upgrade). */
  schema: 11 | 18;
}

function refuseFutureIds(exchange: Pick<Exchange, 'notes' | 'cards' | 'revlog'>, nowMs: number): void {
  const tomorrow = nowMs + 86_400_000;
  const bad = [exchange.notes, exchange.cards, exchange.revlog].some((rows) => rows.some((r) => r.id > tomorrow));
  if (bad) throw new EngineError('invalid', 'Some notes, cards or reviews have ids in the future. Run Check Database, then export again.');
}

/** Regular files of the media folder among `names`, with names Anki accepts, sorted. */
function presentMedia(mediaDir: string, names: Iterable<string>): string[] {
  return [...names]
    .filter((name) => isSafeMediaName(name) && normalizeFilename(name) === name && !name.startsWith('.engram-'))
    .filter((name) => {
      try {
        return statSync(join(mediaDir, name)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

function listMediaFolder(mediaDir: string): string[] {
  try {
    return readdirSync(mediaDir);
  } catch {
    return [];
  }
}

/** The config a brand-new Anki collection has, with the source's day boundaries and positions. */
function packageConfig(col: Collection, exchange: Exchange): AnkiConfigEntry[] {
  const values: [string, unknown][] = [
    ['activeDecks', [1]],
    ['curDeck', 1],
    ['newSpread', 0],
    ['collapseTime', 1200],
    ['timeLim', 0],
    ['estTimes', true],
    ['dueCounts', true],
    ['curModel', exchange.notetypes[0]?.id ?? null],
    ['nextPos', col.getConfig<number>('nextPos', 1)],
    ['sortType', 'noteFld'],
    ['sortBackwards', false],
    ['addToCur', true],
    ['dayLearnFirst', false],
    ['schedVer', 2],
    ['creationOffset', col.getConfig<number | null>('creationOffset', null)],
    ['sched2021', true],
    ['rollover', col.getConfig<number>('rollover', 4)],
  ];
  return values.filter(([, v]) => v !== null).map(([key, v]) => ({ key, usn: 0, mtime: 0, json: JSON.stringify(v) }));
}

function packageMeta(col: Collection, exchange: Exchange): AnkiCollectionMeta {
  const source = colRow(col);
  const decks = exchange.decks.some((d) => d.id === 1)
    ? exchange.decks
    : [{ ...newNormalDeck(1, 'Default', 0), usn: 0, collapsed: true, browserCollapsed: true }, ...exchange.decks];
  const deckConfigs = exchange.deckConfigs.some((c) => c.id === 1)
    ? exchange.deckConfigs
    : [{ ...defaultDeckConfig(1, 'Default', 0), usn: 0 }, ...exchange.deckConfigs];
  return {
    col: { crt: source.crt, mod: source.mod, scm: source.scm, usn: 0, ls: 0 },
    config: packageConfig(col, exchange),
    notetypes: exchange.notetypes,
    decks,
    deckConfigs,
    tags: [],
  };
}

/** Rows written between two yields to the event loop (a few tens of milliseconds). */
const WRITE_CHUNK_ROWS = 1000;

function rowCount(content: AnkiDbContent): number {
  const size = (rows: Iterable<unknown>) => (Array.isArray(rows) ? rows.length : 0);
  return size(content.notes) + size(content.cards) + size(content.revlog) + size(content.graves);
}

async function writeWithTempCollection(
  outPath: string,
  content: AnkiDbContent,
  legacy: boolean,
  media: { names: string[]; dir: string },
  progress: Progress,
): Promise<{ schema: 11 | 18; media: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'engram-export-'));
  try {
    const collectionPath = join(dir, 'collection');
    const rows = rowCount(content);
    progress.report('writing', 0, rows);
    const schema = await writeAnkiDbInChunks(collectionPath, content, { schema: legacy ? 11 : 18, chunkRows: WRITE_CHUNK_ROWS }, async (written) => {
      progress.report('writing', Math.min(written, rows), rows);
      await progress.pause();
    });
    const count = await writePackage(outPath, { collectionPath, media: media.names, mediaDir: media.dir }, legacy, progress);
    return { schema, media: count };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function exportPackage(col: Collection, outPath: string, options: ExportPackageOptions): Promise<ExportSummary> {
  const progress = new Progress(options);
  const deckId = options.all ? null : (options.deckId ?? null);
  if (deckId === null && !options.all) throw new EngineError('invalid', 'Choose a deck to export, or export everything.');
  const withScheduling = options.includeSched ?? false;
  progress.report('gathering', 0, 1);
  const exchange = gather(gatherSource(col, deckId), {
    withScheduling,
    withDeckConfigs: options.includeDeckConfigs ?? withScheduling,
  });
  refuseFutureIds(exchange, col.nowMs());
  progress.report('gathering', 1, 1);
  await progress.pause();
  const mediaNames = options.includeMedia === false ? [] : presentMedia(col.mediaDir, referencedMediaNames(exchange.notes, exchange.notetypes));
  const result = await writeWithTempCollection(
    outPath,
    { meta: packageMeta(col, exchange), notes: exchange.notes, cards: exchange.cards, revlog: exchange.revlog, graves: [] },
    options.legacy ?? false,
    { names: mediaNames, dir: col.mediaDir },
    progress,
  );
  return { notes: exchange.notes.length, cards: exchange.cards.length, ...result };
}

/** The whole collection, as Anki's "Anki Collection Package" export. */
export async function exportCollectionPackage(col: Collection, outPath: string, options: ExportCollectionOptions = {}): Promise<ExportSummary> {
  const progress = new Progress(options);
  progress.report('gathering', 0, 1);
  const notes = allNotes(col);
  const cards = allCards(col);
  const revlog = revlogFor(col, null);
  refuseFutureIds({ notes, cards, revlog }, col.nowMs());
  const meta: AnkiCollectionMeta = {
    col: colRow(col),
    config: configEntries(col),
    notetypes: allNotetypes(col),
    decks: allDecks(col),
    deckConfigs: allDeckConfigs(col),
    tags: tagEntries(col),
  };
  const mediaNames = options.includeMedia === false ? [] : presentMedia(col.mediaDir, listMediaFolder(col.mediaDir));
  progress.report('gathering', 1, 1);
  const result = await writeWithTempCollection(
    outPath,
    { meta, notes, cards, revlog, graves: graveEntries(col) },
    options.legacy ?? false,
    { names: mediaNames, dir: col.mediaDir },
    progress,
  );
  return { notes: notes.length, cards: cards.length, ...result };
}
