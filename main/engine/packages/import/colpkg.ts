/**
 * .colpkg import: replaces a whole collection (colpkg/import.rs). It works on paths
 * because the target must not be open: call it while the collection is closed, then
 * reopen. The new database is built beside the target, checked, and swapped in; the
 * old file is kept as `<name>.bak-<timestamp>` next to it. Media files are added (or
 * replaced when their content differs); existing extra files are left alone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Collection } from '../../collection';
import { EngineError } from '../../errors';
import { putDeckRaw } from '../../decks/store';
import { saveDeckConfig } from '../../deckconfig/store';
import { newNormalDeck } from '../../decks/defaults';
import { putNotetypeRaw } from '../../notetypes/store';
import { foldCase } from '../../text/fold';
import { splitTags } from '../../text/tags';
import { minutesWest } from '../../timing';
import type { CardRow, NoteRow, RevlogRow } from '../../model/types';
import type { AnkiCollectionMeta, AnkiGrave } from '../ankidb/model';
import { configValue } from '../ankidb/model';
import { asEngineError, corruptPackage } from '../errors';
import { resolveLimits, type PackageLimits } from '../limits';
import { sha1 } from '../media';
import { Progress, type TaskControl } from '../progress';
import { OpenedPackage } from '../read-package';
import { upgradeToV2Scheduler } from '../sched';

export interface ImportColpkgOptions extends TaskControl {
  limits?: Partial<PackageLimits>;
  /** Clock override (ms), for tests. */
  now?: () => number;
}

export interface ColpkgSummary {
  notes: number;
  cards: number;
  media: number;
  /** Where the previous database was kept, if there was one. */
  backupPath: string | null;
  log: string[];
}

const TABLES = ['cards', 'notes', 'revlog', 'graves', 'tags', 'decks', 'deck_config', 'notetypes', 'config', 'col'];

interface Rows {
  notes: NoteRow[];
  cards: CardRow[];
  revlog: RevlogRow[];
}

/** Drops or repairs rows that would break Engram's foreign keys. */
function repairOrphans(meta: AnkiCollectionMeta, rows: Rows, log: string[]): void {
  const notetypes = new Set(meta.notetypes.map((nt) => nt.id));
  const keptNotes = rows.notes.filter((n) => notetypes.has(n.mid));
  if (keptNotes.length !== rows.notes.length) log.push(`${rows.notes.length - keptNotes.length} notes without a notetype were left out.`);
  rows.notes = keptNotes;
  const noteIds = new Set(keptNotes.map((n) => n.id));
  const keptCards = rows.cards.filter((c) => noteIds.has(c.nid));
  if (keptCards.length !== rows.cards.length) log.push(`${rows.cards.length - keptCards.length} cards without a note were left out.`);
  rows.cards = keptCards;
  if (!meta.decks.some((d) => d.id === 1)) meta.decks.unshift(newNormalDeck(1, 'Default', 0));
  const decks = new Set(meta.decks.map((d) => d.id));
  let moved = 0;
  for (const card of keptCards) {
    if (!decks.has(card.did)) {
      card.did = card.odid && decks.has(card.odid) ? card.odid : 1;
      card.odid = 0;
      card.odue = 0;
      moved++;
    } else if (card.odid && !decks.has(card.odid)) {
      card.odid = 0;
      card.odue = 0;
    }
  }
  if (moved) log.push(`${moved} cards whose deck was missing were moved.`);
}

function uniqueDeckNames(meta: AnkiCollectionMeta): void {
  const seen = new Set<string>();
  for (const deck of meta.decks) {
    while (seen.has(foldCase(deck.name))) deck.name += '_';
    seen.add(foldCase(deck.name));
  }
  const names = new Set<string>();
  for (const nt of meta.notetypes) {
    while (names.has(foldCase(nt.name))) nt.name += '_';
    names.add(foldCase(nt.name));
  }
}

function fillDatabase(col: Collection, meta: AnkiCollectionMeta, rows: Rows, graves: Iterable<AnkiGrave>, nowMs: number, progress: Progress): void {
  col.transact(() => {
    for (const table of TABLES) col.db.prepare(`DELETE FROM ${table}`).run();
    col.db.prepare('INSERT INTO col (id, crt, mod, scm, usn, ls) VALUES (1, ?, ?, ?, ?, ?)').run(meta.col.crt, nowMs, nowMs, meta.col.usn, meta.col.ls);
    const config = col.db.prepare('INSERT OR REPLACE INTO config (key, usn, mtime, val) VALUES (?, ?, ?, ?)');
    for (const c of meta.config) config.run(c.key, c.usn, c.mtime, c.json);
    for (const nt of meta.notetypes) putNotetypeRaw(col, nt);
    for (const conf of meta.deckConfigs) saveDeckConfig(col, conf, true);
    for (const deck of meta.decks) putDeckRaw(col, deck);
    const note = col.db.prepare('INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    rows.notes.forEach((n, i) => {
      progress.report('notes', i, rows.notes.length, 1000);
      note.run(n.id, n.guid, n.mid, n.mod, n.usn, n.tags, n.flds, n.sfld, n.csum, n.flags, n.data);
    });
    const card = col.db.prepare(
      `INSERT OR IGNORE INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rows.cards.forEach((c, i) => {
      progress.report('cards', i, rows.cards.length, 1000);
      card.run(c.id, c.nid, c.did, c.ord, c.mod, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.odue, c.odid, c.flags, c.data);
    });
    const revlog = col.db.prepare('INSERT OR IGNORE INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of rows.revlog) revlog.run(r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
    const grave = col.db.prepare('INSERT OR IGNORE INTO graves (oid, type, usn) VALUES (?, ?, ?)');
    for (const g of graves) grave.run(g.oid, g.type, g.usn);
    const tag = col.db.prepare('INSERT OR IGNORE INTO tags (tag, tag_key, usn, collapsed) VALUES (?, ?, ?, ?)');
    for (const t of meta.tags) tag.run(t.tag, foldCase(t.tag), t.usn, t.collapsed ? 1 : 0);
    for (const n of rows.notes) for (const t of splitTags(n.tags)) tag.run(t, foldCase(t), -1, 0);
  });
}

/** Builds the replacement database next to the target; returns its path. */
function buildDatabase(pkg: OpenedPackage, target: string, mediaDir: string, nowMs: number, progress: Progress, log: string[]): { path: string; rows: Rows } {
  const meta: AnkiCollectionMeta = structuredClone(pkg.collection.meta);
  const rows: Rows = { notes: [...pkg.collection.notes()], cards: [...pkg.collection.cards()], revlog: [...pkg.collection.revlog()] };
  if ((configValue<number>(meta, 'schedVer') ?? 1) !== 2) {
    upgradeToV2Scheduler(rows.cards, rows.revlog, meta.decks, meta.deckConfigs);
    meta.config = meta.config.filter((c) => c.key !== 'schedVer');
    meta.config.push({ key: 'schedVer', usn: 0, mtime: 0, json: '2' });
    log.push('The collection used the old v1 scheduler; its scheduling was converted.');
  }
  if (configValue(meta, 'creationOffset') === undefined) {
    meta.config.push({ key: 'creationOffset', usn: 0, mtime: 0, json: String(minutesWest(meta.col.crt * 1000)) });
  }
  repairOrphans(meta, rows, log);
  uniqueDeckNames(meta);
  const path = join(dirname(target), `.${basename(target)}.import-${randomBytes(6).toString('hex')}`);
  const col = Collection.open(path, { mediaDir, now: () => nowMs });
  try {
    fillDatabase(col, meta, rows, pkg.collection.graves(), nowMs, progress);
  } finally {
    col.close();
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = DELETE');
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw corruptPackage('the imported collection fails its integrity check');
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length) throw corruptPackage('the imported collection has inconsistent references');
  } finally {
    db.close();
  }
  return { path, rows };
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** Moves the old database (and any WAL files) aside and puts the new one in its place. */
function swapIn(newPath: string, target: string, nowMs: number): string | null {
  let backup: string | null = null;
  if (existsSync(target)) {
    backup = `${target}.bak-${nowMs}`;
    renameSync(target, backup);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, backup + suffix);
  }
  try {
    renameSync(newPath, target);
  } catch (error) {
    if (backup) renameSync(backup, target);
    throw error;
  }
  return backup;
}

function restoreMedia(pkg: OpenedPackage, mediaDir: string, progress: Progress): number {
  mkdirSync(mediaDir, { recursive: true });
  let written = 0;
  pkg.media.forEach((entry, i) => {
    progress.inform('media', i, pkg.media.length, 50);
    const data = pkg.readMedia(entry);
    if (!data) return;
    const target = join(mediaDir, entry.name);
    if (existsSync(target)) {
      if (!lstatSync(target).isFile()) return;
      if (sha1(readFileSync(target)).equals(sha1(data))) return;
    }
    const temp = join(mediaDir, `.engram-import-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temp, data);
    renameSync(temp, target);
    written++;
  });
  return written;
}

/**
 * Replaces the collection at `targetCollectionPath` with the package's. The collection
 * must be closed; reopen it afterwards with Collection.open.
 */
export async function importColpkg(
  colpkgPath: string,
  targetCollectionPath: string,
  mediaDir: string,
  options: ImportColpkgOptions = {},
): Promise<ColpkgSummary> {
  const progress = new Progress(options);
  const nowMs = (options.now ?? Date.now)();
  progress.report('reading', 0, 1);
  const pkg = OpenedPackage.open(colpkgPath, resolveLimits(options.limits));
  const log: string[] = [];
  let built: { path: string; rows: Rows } | undefined;
  try {
    await progress.pause();
    try {
      built = buildDatabase(pkg, targetCollectionPath, mediaDir, nowMs, progress, log);
    } catch (error) {
      throw asEngineError(error, 'The collection package could not be imported');
    }
    await progress.pause();
    progress.report('finishing', 0, 1);
    let backupPath: string | null;
    try {
      backupPath = swapIn(built.path, targetCollectionPath, nowMs);
    } catch (error) {
      throw new EngineError('io', `could not replace the collection: ${(error as Error).message}`);
    }
    const { notes, cards } = built.rows;
    built = undefined;
    // The collection is replaced now: media is restored even if a cancel arrives.
    const media = restoreMedia(pkg, mediaDir, progress);
    progress.inform('finishing', 1, 1);
    return {
      notes: notes.length,
      cards: cards.length,
      media,
      backupPath,
      log,
    };
  } finally {
    if (built) removeDatabase(built.path);
    pkg.close();
  }
}
