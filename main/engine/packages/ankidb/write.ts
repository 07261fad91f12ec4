/**
 * Writes an Anki collection file at schema 11 (legacy JSON in `col`) or schema 18
 * (protobuf rows). Schema-18 name columns are built with SQLite's `nocase` and then
 * re-declared `unicase`, which is only sound when both collations order every name the
 * same way; when they would not (e.g. Cyrillic names differing in case), the file is
 * written at schema 11 instead and Anki upgrades it on open.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { CardRow, NoteRow, RevlogRow } from '../../model/types';
import { stringifyJson } from '../json';
import { deckFromLegacy, normalizeDeck } from '../convert/deck';
import { deckConfigFromLegacy, deckConfigToEngram } from '../convert/deckconfig';
import { notetypeFromLegacy, notetypeToLegacyJson } from '../convert/notetype';
import {
  encodeDeckCommon,
  encodeDeckConfig,
  encodeDeckKind,
  encodeFieldConfig,
  encodeNotetypeConfig,
  encodeTemplateConfig,
} from '../proto/messages';
import { ANKI_COLLATION, COLLATION_PLACEHOLDER, SCHEMA11_DDL, SCHEMA18_DDL } from './ddl';
import type { AnkiCollectionMeta, AnkiGrave } from './model';
import { unicaseOrderingIsSafe } from './collation';

export interface AnkiDbContent {
  meta: AnkiCollectionMeta;
  notes: Iterable<NoteRow>;
  cards: Iterable<CardRow>;
  revlog: Iterable<RevlogRow>;
  graves: Iterable<AnkiGrave>;
}

export interface WriteOptions {
  schema: 11 | 18;
  pageSize?: number;
}

/** Writes a new collection file; returns the schema actually written. */
export function writeAnkiDb(path: string, content: AnkiDbContent, options: WriteOptions): 11 | 18 {
  const schema = chooseSchema(content, options);
  const db = createDb(path, schema, options);
  try {
    db.transaction(() => {
      const rows = writeContent(db, content, schema, Infinity);
      while (!rows.next().done) continue;
    })();
    if (schema === 18) declareUnicase(db);
  } finally {
    db.close();
  }
  return schema;
}

/**
 * writeAnkiDb for large exports: after every `chunkRows` rows it awaits `between(rowsWritten)`,
 * so the event loop keeps serving requests (and a cancel can arrive; `between` throws to
 * stop, which leaves a file the caller discards). The file is private, so the transaction
 * can stay open across the awaits.
 */
export async function writeAnkiDbInChunks(
  path: string,
  content: AnkiDbContent,
  options: WriteOptions & { chunkRows: number },
  between: (rowsWritten: number) => Promise<void>,
): Promise<11 | 18> {
  const schema = chooseSchema(content, options);
  const db = createDb(path, schema, options);
  try {
    db.exec('BEGIN');
    try {
      for (const written of writeContent(db, content, schema, options.chunkRows)) await between(written);
      db.exec('COMMIT');
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
    if (schema === 18) declareUnicase(db);
  } finally {
    db.close();
  }
  return schema;
}

function chooseSchema(content: AnkiDbContent, options: WriteOptions): 11 | 18 {
  return options.schema === 18 && unicaseOrderingIsSafe(content.meta) ? 18 : 11;
}

function createDb(path: string, schema: 11 | 18, options: WriteOptions): Db {
  const db = new Database(path);
  try {
    db.pragma(`page_size = ${options.pageSize ?? 4096}`);
    db.pragma('journal_mode = DELETE');
    // A private temporary file: no fsync per DDL statement (slow on a busy disk).
    db.pragma('synchronous = OFF');
    db.exec(schema === 18 ? SCHEMA18_DDL : SCHEMA11_DDL);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Writes the metadata and then the rows, yielding the running row count every `chunkRows` rows. */
function* writeContent(db: Db, content: AnkiDbContent, schema: 11 | 18, chunkRows: number): Generator<number> {
  if (schema === 18) writeSchema18Meta(db, content.meta);
  else writeSchema11Meta(db, content.meta);
  let written = 0;
  const counted = function* <T>(rows: Iterable<T>, insert: (row: T) => void): Generator<number> {
    for (const row of rows) {
      insert(row);
      if (++written % chunkRows === 0) yield written;
    }
  };
  const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  yield* counted(content.notes, (n) => note.run(n.id, n.guid, n.mid, n.mod, n.usn, n.tags, n.flds, n.sfld, n.csum, n.flags, n.data));
  const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  yield* counted(content.cards, (c) =>
    card.run(c.id, c.nid, c.did, c.ord, c.mod, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.odue, c.odid, c.flags, c.data),
  );
  const revlog = db.prepare('INSERT OR IGNORE INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  yield* counted(content.revlog, (r) => revlog.run(r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type));
  const grave = db.prepare(
    schema === 18
      ? 'INSERT OR IGNORE INTO graves (oid, type, usn) VALUES (?, ?, ?)'
      : 'INSERT INTO graves (oid, type, usn) VALUES (?, ?, ?)',
  );
  yield* counted(content.graves, (g) => grave.run(g.oid, g.type, g.usn));
  yield written;
}

function insertCol(db: Db, meta: AnkiCollectionMeta, ver: number, json: [string, string, string, string, string]): void {
  const { crt, mod, scm, usn, ls } = meta.col;
  db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)').run(crt, mod, scm, ver, usn, ls, ...json);
}

function writeSchema18Meta(db: Db, meta: AnkiCollectionMeta): void {
  insertCol(db, meta, 18, ['', '', '', '', '']);
  const config = db.prepare('INSERT INTO config (KEY, usn, mtime_secs, val) VALUES (?, ?, ?, ?)');
  for (const c of meta.config) config.run(c.key, c.usn, c.mtime, Buffer.from(c.json, 'utf8'));
  const notetype = db.prepare('INSERT INTO notetypes VALUES (?, ?, ?, ?, ?)');
  const field = db.prepare('INSERT INTO fields VALUES (?, ?, ?, ?)');
  const template = db.prepare('INSERT INTO templates VALUES (?, ?, ?, ?, ?, ?)');
  for (const nt of meta.notetypes) {
    const rec = notetypeFromLegacy(nt);
    notetype.run(rec.id, rec.name, rec.mtime, rec.usn, encodeNotetypeConfig(rec.config));
    rec.fields.forEach((f, ord) => field.run(rec.id, ord, f.name, encodeFieldConfig(f.config)));
    rec.templates.forEach((t, ord) => template.run(rec.id, ord, t.name, rec.mtime, rec.usn, encodeTemplateConfig(t.config)));
  }
  const deck = db.prepare('INSERT INTO decks VALUES (?, ?, ?, ?, ?, ?)');
  for (const d of meta.decks) {
    const rec = deckFromLegacy(d);
    deck.run(rec.id, rec.name, rec.mtime, rec.usn, encodeDeckCommon(rec.common), encodeDeckKind(rec.kind));
  }
  const deckConfig = db.prepare('INSERT INTO deck_config VALUES (?, ?, ?, ?, ?)');
  for (const c of meta.deckConfigs) {
    const rec = deckConfigFromLegacy(c);
    deckConfig.run(rec.id, rec.name, rec.mtime, rec.usn, encodeDeckConfig(rec.config));
  }
  const tag = db.prepare('INSERT OR IGNORE INTO tags (tag, usn, collapsed, config) VALUES (?, ?, ?, NULL)');
  for (const t of meta.tags) tag.run(t.tag, t.usn, t.collapsed ? 1 : 0);
}

function keyedJson(entries: [number | string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(String(k))}:${stringifyJson(v)}`).join(',')}}`;
}

function writeSchema11Meta(db: Db, meta: AnkiCollectionMeta): void {
  const conf = `{${meta.config.map((c) => `${JSON.stringify(c.key)}:${c.json}`).join(',')}}`;
  const models = keyedJson(
    meta.notetypes.map((nt) => {
      const json = notetypeToLegacyJson(nt);
      for (const key of ['flds', 'tmpls'] as const) {
        const list = json[key] as Record<string, unknown>[];
        list.forEach((item, ord) => (item.ord = ord));
      }
      return [nt.id, json];
    }),
  );
  const decks = keyedJson(meta.decks.map((d) => [d.id, normalizeDeck(d)]));
  const dconf = keyedJson(meta.deckConfigs.map((c) => [c.id, deckConfigToEngram(deckConfigFromLegacy(c))]));
  const tags = keyedJson(meta.tags.map((t) => [t.tag, t.usn]));
  insertCol(db, meta, 11, [conf, models, decks, dconf, tags]);
}

/** Swaps the `nocase` placeholder for Anki's `unicase` in the stored schema. */
function declareUnicase(db: Db): void {
  db.unsafeMode(true);
  try {
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.pragma('writable_schema = ON');
    db.prepare('UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = ? AND instr(sql, ?) > 0').run(
      COLLATION_PLACEHOLDER,
      ANKI_COLLATION,
      'table',
      COLLATION_PLACEHOLDER,
    );
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

