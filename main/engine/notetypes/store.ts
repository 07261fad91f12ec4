import type { Collection } from '../collection';
import type { Notetype, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { foldCase } from '../text/fold';
import { computeRequirements } from '../template';

/**
 * An upsert, not INSERT OR REPLACE: replacing deletes the row first, which makes SQLite
 * check every referencing row against the foreign key.
 */
const UPSERT_NOTETYPES = `INSERT INTO notetypes (id, name, name_key, mtime, usn, json) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, mtime = excluded.mtime,
    usn = excluded.usn, json = excluded.json`;

/**
 * Notetypes are stored as Anki's legacy JSON. Field and template ids are i64,
 * so they are written as decimal strings and read back as bigint.
 */
function toStoredJson(nt: Notetype): string {
  return JSON.stringify(nt, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

function fromStoredJson(json: string): Notetype {
  const nt = JSON.parse(json) as Notetype;
  for (const f of nt.flds) f.id = BigInt(f.id as unknown as string);
  for (const t of nt.tmpls) t.id = BigInt(t.id as unknown as string);
  return nt;
}

function loadAll(col: Collection): Map<NotetypeId, Notetype> {
  const rows = col.db.prepare('SELECT json FROM notetypes ORDER BY id').pluck().all() as string[];
  return new Map(rows.map((json) => {
    const nt = fromStoredJson(json);
    return [nt.id, nt];
  }));
}

function cache(col: Collection): Map<NotetypeId, Notetype> {
  return col.cached('notetypes', () => loadAll(col));
}

/** All notetypes in id order. Callers must not mutate the returned objects; use structuredClone first. */
export function allNotetypes(col: Collection): Notetype[] {
  return [...cache(col).values()];
}

export function notetypeById(col: Collection, id: NotetypeId): Notetype | undefined {
  return cache(col).get(id);
}

/** Case-insensitive (Unicode folding) lookup, as Anki's unicase collation. */
export function notetypeByName(col: Collection, name: string): Notetype | undefined {
  const key = foldCase(name);
  for (const nt of cache(col).values()) if (foldCase(nt.name) === key) return nt;
  return undefined;
}

export function requireNotetype(col: Collection, id: NotetypeId): Notetype {
  const nt = notetypeById(col, id);
  if (!nt) throw new EngineError('not-found', `notetype not found: ${id}`);
  return nt;
}

/**
 * Inserts (id 0 → a new id) or replaces a notetype. Renumbers ords, recomputes the
 * requirement cache, bumps mod. Returns the stored copy.
 */
export function saveNotetype(col: Collection, input: Notetype): Notetype {
  const nt = structuredClone(input);
  if (!nt.name.trim()) throw new EngineError('invalid', 'notetype name must not be empty');
  const clash = notetypeByName(col, nt.name);
  if (clash && clash.id !== nt.id) throw new EngineError('exists', `a notetype named "${nt.name}" already exists`);
  if (!nt.flds.length) throw new EngineError('invalid', 'a notetype needs at least one field');
  if (!nt.tmpls.length) throw new EngineError('invalid', 'a notetype needs at least one template');
  nt.flds.forEach((f, i) => (f.ord = i));
  nt.tmpls.forEach((t, i) => (t.ord = i));
  if (nt.sortf >= nt.flds.length || nt.sortf < 0) nt.sortf = 0;
  if (!nt.id) nt.id = col.ids.notetypes.next();
  nt.mod = col.nowSecs();
  nt.usn = -1;
  nt.req = computeRequirements(nt);
  col.db
    .prepare(
      UPSERT_NOTETYPES,
    )
    .run(nt.id, nt.name, foldCase(nt.name), nt.mod, nt.usn, toStoredJson(nt));
  col.invalidate('notetypes');
  return nt;
}

/** Writes a notetype exactly as given (import, initialisation): no renumbering, keeps mod/usn. */
export function putNotetypeRaw(col: Collection, nt: Notetype): void {
  col.db
    .prepare(
      UPSERT_NOTETYPES,
    )
    .run(nt.id, nt.name, foldCase(nt.name), nt.mod, nt.usn, toStoredJson(nt));
  col.invalidate('notetypes');
}

export function deleteNotetypeRow(col: Collection, id: NotetypeId): void {
  col.db.prepare('DELETE FROM notetypes WHERE id = ?').run(id);
  col.invalidate('notetypes');
}
