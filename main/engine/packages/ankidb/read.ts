/**
 * Reads an Anki collection file (schema 11 or 18) without the `unicase` collation:
 * only whole-table scans and integer ORDER BYs touch the name tables.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import type { CardRow, Deck, DeckConfig, NoteRow, Notetype, RevlogRow } from '../../model/types';
import { corruptPackage, tooNewPackage } from '../errors';
import { isJsonObject, parseJson, stringifyJson, type JsonValue } from '../json';
import { decodeDeckCommon, decodeDeckConfig, decodeDeckKind, decodeFieldConfig, decodeNotetypeConfig, decodeTemplateConfig } from '../proto/messages';
import { deckFromLegacy, deckToEngram } from '../convert/deck';
import { deckConfigFromLegacy, deckConfigToEngram } from '../convert/deckconfig';
import { notetypeFromLegacy, notetypeToEngram, type NotetypeRecord } from '../convert/notetype';
import type { AnkiCollectionMeta, AnkiConfigEntry, AnkiGrave, AnkiTag } from './model';
import { foldCase } from '../../text/fold';

const SQLITE_MAGIC = 'SQLite format 3\0';
const utf8 = new TextDecoder();

type Row = Record<string, unknown>;

function int(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8.decode(value);
  if (value === null || value === undefined) return '';
  return String(value);
}

function blob(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return new Uint8Array(0);
}

/** Checks the 16-byte SQLite header before handing the file to SQLite. */
export function assertSqliteFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const n = readSync(fd, header, 0, 16, 0);
    if (n < 16 || header.toString('latin1') !== SQLITE_MAGIC) throw corruptPackage('the collection inside is not an SQLite database');
  } finally {
    closeSync(fd);
  }
}

function wrapSqlite<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'EngineError') throw error;
    throw corruptPackage(`the collection inside cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * SQLite refuses to scan tables declared `COLLATE unicase` without the collation. The
 * reader works on its own temporary copy, so it re-declares them `nocase` there.
 */
function replaceUnicaseCollation(db: Db): void {
  const affected = db.prepare("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%COLLATE unicase%'").pluck().get() as number;
  if (!affected) return;
  db.unsafeMode(true);
  try {
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = replace(sql, 'COLLATE unicase', 'COLLATE nocase') WHERE sql LIKE '%COLLATE unicase%'").run();
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

export class AnkiDbReader {
  readonly schema: 11 | 18;
  readonly meta: AnkiCollectionMeta;

  private constructor(private readonly db: Db) {
    const col = db.prepare('SELECT crt, mod, scm, ver, usn, ls, conf, models, decks, dconf, tags FROM col LIMIT 1').get() as Row | undefined;
    if (!col) throw corruptPackage('the collection has no col row');
    const ver = int(col.ver);
    if (ver < 11) throw corruptPackage('the collection was made by Anki 1.x, which current Anki cannot read either');
    if (ver > 18) throw tooNewPackage();
    if (ver !== 11 && ver !== 18) throw corruptPackage(`collection schema ${ver} is not used by packages`);
    this.schema = ver;
    const colRow = { crt: int(col.crt), mod: int(col.mod), scm: int(col.scm), usn: int(col.usn), ls: int(col.ls) };
    this.meta = ver === 11 ? readSchema11(col, colRow) : readSchema18(db, colRow);
  }

  static open(path: string): AnkiDbReader {
    assertSqliteFile(path);
    return wrapSqlite(() => {
      const patcher = new Database(path, { fileMustExist: true });
      try {
        replaceUnicaseCollation(patcher);
      } finally {
        patcher.close();
      }
      const db = new Database(path, { fileMustExist: true });
      try {
        db.pragma('trusted_schema = OFF');
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw corruptPackage(`the collection inside is damaged (${String(check)})`);
        db.pragma('query_only = ON');
        return new AnkiDbReader(db);
      } catch (error) {
        db.close();
        throw error;
      }
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  count(table: 'notes' | 'cards' | 'revlog'): number {
    return wrapSqlite(() => int(this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()));
  }

  *notes(): Generator<NoteRow> {
    const rows = this.iterate(
      'SELECT id, guid, mid, mod, usn, tags, flds, cast(sfld AS text) AS sfld, csum, flags, data FROM notes ORDER BY id',
    );
    for (const r of rows) {
      yield {
        id: int(r.id), guid: text(r.guid), mid: int(r.mid), mod: int(r.mod), usn: int(r.usn), tags: text(r.tags),
        flds: text(r.flds), sfld: text(r.sfld), csum: int(r.csum), flags: int(r.flags), data: text(r.data),
      };
    }
  }

  *cards(): Generator<CardRow> {
    for (const r of this.iterate('SELECT * FROM cards ORDER BY id')) {
      yield {
        id: int(r.id), nid: int(r.nid), did: int(r.did), ord: int(r.ord), mod: int(r.mod), usn: int(r.usn),
        type: int(r.type), queue: int(r.queue), due: int(r.due), ivl: int(r.ivl), factor: int(r.factor),
        reps: int(r.reps), lapses: int(r.lapses), left: int(r.left), odue: int(r.odue), odid: int(r.odid),
        flags: int(r.flags), data: text(r.data),
      };
    }
  }

  *revlog(): Generator<RevlogRow> {
    for (const r of this.iterate('SELECT * FROM revlog ORDER BY id')) {
      yield {
        id: int(r.id), cid: int(r.cid), usn: int(r.usn), ease: int(r.ease), ivl: int(r.ivl), lastIvl: int(r.lastIvl),
        factor: int(r.factor), time: int(r.time), type: int(r.type),
      };
    }
  }

  *graves(): Generator<AnkiGrave> {
    for (const r of this.iterate('SELECT oid, type, usn FROM graves')) yield { oid: int(r.oid), type: int(r.type), usn: int(r.usn) };
  }

  private *iterate(sql: string): Generator<Row> {
    const iterator = wrapSqlite(() => this.db.prepare(sql).iterate() as IterableIterator<Row>);
    try {
      for (;;) {
        const next = wrapSqlite(() => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A consumer that stops early (a cancelled import) must free the connection.
      iterator.return?.();
    }
  }
}

function parseColJson(value: unknown, what: string): JsonValue {
  const raw = text(value);
  if (!raw.trim()) return {};
  try {
    return parseJson(raw);
  } catch {
    throw corruptPackage(`the collection's ${what} cannot be parsed`);
  }
}

function mapEntries(value: JsonValue): [string, JsonValue][] {
  return isJsonObject(value) ? Object.entries(value) : [];
}

/** Anki forces an inner id that disagrees with the map key to the key (buggy old clients). */
function withKeyId(key: string, value: JsonValue): JsonValue {
  if (!isJsonObject(value)) return value;
  const id = Number(key);
  return Number.isSafeInteger(id) && id !== 0 ? { ...value, id } : value;
}

function suffixDuplicates<T>(items: T[], get: (item: T) => string, set: (item: T, name: string) => void): void {
  const seen = new Set<string>();
  for (const item of items) {
    let name = get(item);
    while (seen.has(foldCase(name))) name += '_';
    seen.add(foldCase(name));
    set(item, name);
  }
}

function readSchema11(col: Row, colRow: AnkiCollectionMeta['col']): AnkiCollectionMeta {
  const config: AnkiConfigEntry[] = mapEntries(parseColJson(col.conf, 'configuration')).map(([key, value]) => ({
    key, usn: 0, mtime: 0, json: stringifyJson(value),
  }));
  const notetypes: Notetype[] = mapEntries(parseColJson(col.models, 'notetypes')).map(([key, value]) =>
    notetypeToEngram(notetypeFromLegacy(withKeyId(key, value))),
  );
  const decks: Deck[] = mapEntries(parseColJson(col.decks, 'decks')).map(([key, value]) =>
    deckToEngram(deckFromLegacy(withKeyId(key, value))),
  );
  // Anki's schema-15 upgrade makes names unique by appending "_" (its order is a hash map's; ours is the file's).
  suffixDuplicates(notetypes, (nt) => nt.name.normalize('NFC'), (nt, name) => (nt.name = name));
  suffixDuplicates(decks, (d) => d.name, (d, name) => (d.name = name));
  const deckConfigs: DeckConfig[] = mapEntries(parseColJson(col.dconf, 'deck options')).map(([key, value]) =>
    deckConfigToEngram(deckConfigFromLegacy(withKeyId(key, value))),
  );
  const tags: AnkiTag[] = mapEntries(parseColJson(col.tags, 'tags')).map(([tag, usn]) => ({
    tag, usn: typeof usn === 'number' ? usn : 0, collapsed: false,
  }));
  return { col: colRow, config, notetypes, decks, deckConfigs, tags };
}

function decodeOrCorrupt<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'EngineError') throw error;
    throw corruptPackage(`${what} cannot be decoded`);
  }
}

function readSchema18(db: Db, colRow: AnkiCollectionMeta['col']): AnkiCollectionMeta {
  const rows = (sql: string): Row[] => db.prepare(sql).all() as Row[];
  const config = rows('SELECT KEY AS key, usn, mtime_secs, val FROM config').map((r) => ({
    key: text(r.key), usn: int(r.usn), mtime: int(r.mtime_secs), json: text(r.val),
  }));
  const records = new Map<number, NotetypeRecord>();
  for (const r of rows('SELECT id, name, mtime_secs, usn, config FROM notetypes ORDER BY id')) {
    const id = int(r.id);
    records.set(id, {
      id, name: text(r.name), mtime: int(r.mtime_secs), usn: int(r.usn),
      config: decodeOrCorrupt(`notetype ${id}`, () => decodeNotetypeConfig(blob(r.config))),
      fields: [], templates: [],
    });
  }
  // fields/templates may hold orphan rows of deleted notetypes (Anki's own exports do): join in code.
  for (const r of rows('SELECT ntid, ord, name, config FROM fields ORDER BY ntid, ord')) {
    const nt = records.get(int(r.ntid));
    if (nt) nt.fields.push({ ord: int(r.ord), name: text(r.name), config: decodeOrCorrupt('a field', () => decodeFieldConfig(blob(r.config))) });
  }
  for (const r of rows('SELECT ntid, ord, name, mtime_secs, usn, config FROM templates ORDER BY ntid, ord')) {
    const nt = records.get(int(r.ntid));
    if (nt) {
      nt.templates.push({
        ord: int(r.ord), name: text(r.name), mtime: int(r.mtime_secs), usn: int(r.usn),
        config: decodeOrCorrupt('a template', () => decodeTemplateConfig(blob(r.config))),
      });
    }
  }
  const notetypes = [...records.values()].map(notetypeToEngram);
  const decks = rows('SELECT id, name, mtime_secs, usn, common, kind FROM decks ORDER BY id').map((r) => {
    const id = int(r.id);
    return deckToEngram({
      id, name: text(r.name), mtime: int(r.mtime_secs), usn: int(r.usn),
      common: decodeOrCorrupt(`deck ${id}`, () => decodeDeckCommon(blob(r.common))),
      kind: decodeOrCorrupt(`deck ${id}`, () => decodeDeckKind(blob(r.kind))),
    });
  });
  const deckConfigs = rows('SELECT id, name, mtime_secs, usn, config FROM deck_config ORDER BY id').map((r) => {
    const id = int(r.id);
    return deckConfigToEngram({
      id, name: text(r.name), mtime: int(r.mtime_secs), usn: int(r.usn),
      config: decodeOrCorrupt(`deck options ${id}`, () => decodeDeckConfig(blob(r.config))),
    });
  });
  const tags = rows('SELECT tag, usn, collapsed FROM tags').map((r) => ({
    tag: text(r.tag), usn: int(r.usn), collapsed: Boolean(int(r.collapsed)),
  }));
  return { col: colRow, config, notetypes, decks, deckConfigs, tags };
}
