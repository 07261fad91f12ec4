import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './db/migrations';
import { IdAllocator } from './ids';
import { creationTime, minutesWest, schedTimingToday, type SchedTimingToday } from './timing';
import { initializeNewCollection } from './init';

export interface OpenOptions {
  /** The media folder; defaults to `<dir>/collection.media`. */
  mediaDir?: string;
  /** Clock override (ms), for tests and simulations. */
  now?: () => number;
}

type CacheName = 'notetypes' | 'decks' | 'deckConfigs';

/** Id allocators per table, seeded from the largest id in use. */
export interface IdAllocators {
  notes: IdAllocator;
  cards: IdAllocator;
  decks: IdAllocator;
  notetypes: IdAllocator;
  deckConfigs: IdAllocator;
  revlog: IdAllocator;
}

/**
 * An open collection: one SQLite database (WAL) plus its media folder.
 * Feature modules (notes, cards, decks, …) are functions that take a Collection.
 */
export class Collection {
  readonly db: Db;
  readonly ids: IdAllocators;
  private readonly clock: () => number;
  private readonly caches = new Map<CacheName, unknown>();
  private readonly statements = new Map<string, Statement>();
  private listeners = new Set<(change: ChangeEvent) => void>();
  /** One wrapper for all transactions; nested calls become savepoints. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  private constructor(
    readonly path: string,
    readonly mediaDir: string,
    db: Db,
    clock: () => number,
  ) {
    this.db = db;
    this.clock = clock;
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    this.ids = {
      notes: this.allocator('notes'),
      cards: this.allocator('cards'),
      decks: this.allocator('decks'),
      notetypes: this.allocator('notetypes'),
      deckConfigs: this.allocator('deck_config'),
      revlog: this.allocator('revlog'),
    };
  }

  /** Opens (creating if needed) the collection at `path`. A file from a newer Engram is refused. */
  static open(path: string, options: OpenOptions = {}): Collection {
    mkdirSync(dirname(path), { recursive: true });
    const mediaDir = options.mediaDir ?? `${dirname(path)}/collection.media`;
    mkdirSync(mediaDir, { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -40960');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    const col = new Collection(path, mediaDir, db, options.now ?? Date.now);
    const hasCol = db.prepare('SELECT count(*) FROM col').pluck().get() as number;
    if (!hasCol) col.transact(() => initializeNewCollection(col));
    return col;
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** Milliseconds since the epoch, from the collection's clock. */
  nowMs(): number {
    return this.clock();
  }

  nowSecs(): number {
    return Math.floor(this.clock() / 1000);
  }

  /**
   * Runs `fn` as one transaction (nested calls become savepoints), bumps col.mod
   * and notifies listeners once the outermost transaction commits.
   */
  transact<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    const result = this.runInTransaction(() => {
      const value = fn();
      if (outermost) this.prepare('UPDATE col SET mod = ? WHERE id = 1').run(this.nowMs());
      return value;
    }) as T;
    if (outermost) this.emit({ kind: 'changed' });
    return result;
  }

  /** A prepared statement, cached for the life of the connection. */
  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Records a schema-level change (forces a full sync in Anki terms). */
  markSchemaChanged(): void {
    this.db.prepare('UPDATE col SET scm = ? WHERE id = 1').run(this.nowMs());
  }

  getConfig<T>(key: string, fallback: T): T {
    const row = this.prepare('SELECT val FROM config WHERE key = ?').pluck().get(key) as string | undefined;
    if (row === undefined) return fallback;
    try {
      return JSON.parse(row) as T;
    } catch {
      return fallback;
    }
  }

  setConfig(key: string, value: unknown): void {
    this.prepare('INSERT OR REPLACE INTO config (key, usn, mtime, val) VALUES (?, -1, ?, ?)').run(
      key,
      this.nowSecs(),
      JSON.stringify(value),
    );
  }

  removeConfig(key: string): void {
    this.prepare('DELETE FROM config WHERE key = ?').run(key);
  }

  /** col.crt, seconds. */
  get crt(): number {
    return this.prepare('SELECT crt FROM col WHERE id = 1').pluck().get() as number;
  }

  /** Today's day number and the next day boundary, per Anki's v3 timing. */
  timing(nowMs: number = this.nowMs()): SchedTimingToday {
    return schedTimingToday({
      crt: this.crt,
      creationOffset: this.getConfig<number>('creationOffset', minutesWest(this.crt * 1000)),
      localOffset: this.getConfig<number | null>('localOffsetOverride', null) ?? minutesWest(nowMs),
      rollover: this.getConfig<number>('rollover', 4),
      nowMs,
    });
  }

  cached<T>(name: CacheName, load: () => T): T {
    if (!this.caches.has(name)) this.caches.set(name, load());
    return this.caches.get(name) as T;
  }

  invalidate(name: CacheName): void {
    this.caches.delete(name);
  }

  onChange(listener: (change: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ChangeEvent): void {
    for (const listener of this.listeners) listener(change);
  }

  private allocator(table: string): IdAllocator {
    const allocator = new IdAllocator(() => this.clock());
    const max = this.db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null;
    allocator.observe(max ?? 0);
    return allocator;
  }

  /** Called by initialisation only. */
  static creationTime(nowMs: number): number {
    return creationTime(nowMs);
  }
}

export interface ChangeEvent {
  kind: 'changed';
}
