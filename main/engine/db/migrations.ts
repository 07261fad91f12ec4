import type { Database } from 'better-sqlite3';
import { EngineError } from '../errors';

/**
 * Numbered schema migrations. Each runs inside one transaction together with
 * the `user_version` bump, so a crash leaves the database at the previous version.
 */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
}

/** Notes, cards, revlog and graves keep Anki's exact columns; decks, presets and notetypes hold Anki's legacy JSON. */
const initialSchema = `
CREATE TABLE col (
  id integer PRIMARY KEY CHECK (id = 1),
  crt integer NOT NULL,
  mod integer NOT NULL,
  scm integer NOT NULL,
  usn integer NOT NULL DEFAULT 0,
  ls integer NOT NULL DEFAULT 0
);
CREATE TABLE decks (
  id integer PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL UNIQUE,
  mtime integer NOT NULL,
  usn integer NOT NULL,
  json text NOT NULL
);
CREATE TABLE deck_config (
  id integer PRIMARY KEY,
  name text NOT NULL,
  mtime integer NOT NULL,
  usn integer NOT NULL,
  json text NOT NULL
);
CREATE TABLE notetypes (
  id integer PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL UNIQUE,
  mtime integer NOT NULL,
  usn integer NOT NULL,
  json text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY,
  guid text NOT NULL,
  mid integer NOT NULL REFERENCES notetypes (id),
  mod integer NOT NULL,
  usn integer NOT NULL,
  tags text NOT NULL,
  flds text NOT NULL,
  sfld integer NOT NULL,
  csum integer NOT NULL,
  flags integer NOT NULL DEFAULT 0,
  data text NOT NULL DEFAULT ''
);
CREATE INDEX ix_notes_guid ON notes (guid);
CREATE INDEX ix_notes_csum ON notes (csum);
CREATE INDEX ix_notes_mid ON notes (mid);
CREATE TABLE cards (
  id integer PRIMARY KEY,
  nid integer NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  did integer NOT NULL REFERENCES decks (id),
  ord integer NOT NULL,
  mod integer NOT NULL,
  usn integer NOT NULL,
  type integer NOT NULL,
  queue integer NOT NULL,
  due integer NOT NULL,
  ivl integer NOT NULL,
  factor integer NOT NULL,
  reps integer NOT NULL,
  lapses integer NOT NULL,
  left integer NOT NULL,
  odue integer NOT NULL,
  odid integer NOT NULL,
  flags integer NOT NULL,
  data text NOT NULL
);
CREATE UNIQUE INDEX ix_cards_nid_ord ON cards (nid, ord);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_cards_odid ON cards (odid) WHERE odid != 0;
CREATE TABLE revlog (
  id integer PRIMARY KEY,
  cid integer NOT NULL,
  usn integer NOT NULL,
  ease integer NOT NULL,
  ivl integer NOT NULL,
  lastIvl integer NOT NULL,
  factor integer NOT NULL,
  time integer NOT NULL,
  type integer NOT NULL
);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE TABLE graves (
  oid integer NOT NULL,
  type integer NOT NULL,
  usn integer NOT NULL,
  PRIMARY KEY (oid, type)
) WITHOUT ROWID;
CREATE TABLE tags (
  tag text NOT NULL PRIMARY KEY,
  tag_key text NOT NULL UNIQUE,
  usn integer NOT NULL,
  collapsed integer NOT NULL DEFAULT 0
);
CREATE TABLE config (
  key text NOT NULL PRIMARY KEY,
  usn integer NOT NULL,
  mtime integer NOT NULL,
  val text NOT NULL
) WITHOUT ROWID;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial schema', up: (db) => db.exec(initialSchema) },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to the latest version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) {
    throw new EngineError(
      'too-new',
      `This collection was written by a newer Engram (schema ${current}; this version understands up to ${latest}). Update Engram to open it.`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
