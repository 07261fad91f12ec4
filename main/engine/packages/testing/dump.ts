/**
 * A canonical view of a collection for interoperability tests, the same shape as
 * main/testing/oracle/pkg_anki.py's dump of an Anki collection: objects keyed by
 * guid / name, ids dropped, day-based due numbers relative to today.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Collection } from '../../collection';
import type { CardRow, NoteRow, RevlogRow } from '../../model/types';
import { allDeckConfigs } from '../../deckconfig/store';
import { allDecks } from '../../decks/store';
import { allNotetypes } from '../../notetypes/store';
import { notetypeToLegacyJson } from '../convert/notetype';
import { allTags } from '../../tags/registry';

export type Dump = Record<string, unknown> & {
  notes: Record<string, unknown>;
  cards: Record<string, Record<string, unknown>>;
  revlog: Record<string, unknown>;
  notetypes: Record<string, unknown>;
  decks: Record<string, unknown>;
  deckConfigs: Record<string, unknown>;
  media: Record<string, string>;
  tags: string[];
};

/** JSON round trip with bigint ids as strings, like the Python side. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function omit<T extends Record<string, unknown>>(value: T, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const key of keys) delete out[key];
  return out;
}

function dayBased(queue: number, type: number, due: number): boolean {
  if (queue === 2 || queue === 3) return true;
  if (queue < 0) return type === 2 || ((type === 1 || type === 3) && due <= 1_000_000_000);
  return false;
}

export function dumpCollection(col: Collection): Dump {
  const today = col.timing().daysElapsed;
  const notetypes = new Map(allNotetypes(col).map((nt) => [nt.id, nt]));
  const decks = new Map(allDecks(col).map((d) => [d.id, d]));
  const confNames = new Map(allDeckConfigs(col).map((c) => [c.id, c.name]));
  const notes: Dump['notes'] = {};
  for (const n of col.db.prepare('SELECT id, guid, mid, mod, tags, flds FROM notes').all() as NoteRow[]) {
    notes[n.guid] = {
      notetype: notetypes.get(n.mid)?.name,
      fields: n.flds.split('\x1f'),
      tags: n.tags.split(' ').filter(Boolean).sort(),
      mod: n.mod,
    };
  }
  const cards: Dump['cards'] = {};
  const keyOfCard = new Map<number, string>();
  const rows = col.db
    .prepare('SELECT c.*, n.guid FROM cards c JOIN notes n ON n.id = c.nid')
    .all() as (CardRow & { guid: string })[];
  for (const c of rows) {
    const key = `${c.guid}/${c.ord}`;
    keyOfCard.set(c.id, key);
    cards[key] = {
      deck: decks.get(c.did)?.name ?? `?${c.did}`,
      odeck: c.odid ? (decks.get(c.odid)?.name ?? `?${c.odid}`) : null,
      type: c.type,
      queue: c.queue,
      due: dayBased(c.queue, c.type, c.due) ? c.due - today : c.due,
      odue: c.type === 2 && c.odue ? c.odue - today : c.odue,
      ivl: c.ivl,
      factor: c.factor,
      reps: c.reps,
      lapses: c.lapses,
      left: c.left,
      flags: c.flags,
      data: c.data ? JSON.parse(c.data) : {},
      mod: c.mod,
    };
  }
  const revlog: Dump['revlog'] = {};
  for (const r of col.db.prepare('SELECT * FROM revlog').all() as RevlogRow[]) {
    revlog[String(r.id)] = {
      card: keyOfCard.get(r.cid) ?? `?${r.cid}`,
      ease: r.ease, ivl: r.ivl, lastIvl: r.lastIvl, factor: r.factor, time: r.time, type: r.type,
    };
  }
  const media: Dump['media'] = {};
  for (const name of readdirSync(col.mediaDir).sort()) {
    const path = join(col.mediaDir, name);
    if (statSync(path).isFile()) media[name] = createHash('sha1').update(readFileSync(path)).digest('hex');
  }
  return {
    notes,
    cards,
    revlog,
    notetypes: Object.fromEntries(
      [...notetypes.values()].map((nt) => {
        const json = notetypeToLegacyJson(nt);
        const tmpls = (json.tmpls as Record<string, unknown>[]).map((t) => omit(t, ['did']));
        return [nt.name, plain({ ...omit(json, ['id', 'mod', 'usn', 'originalId', 'did']), tmpls })];
      }),
    ),
    decks: Object.fromEntries(
      [...decks.values()].map((d) => {
        const out = omit(d, ['id', 'mod', 'usn', 'conf']);
        if (!d.dyn) out.confName = confNames.get(d.conf ?? 1) ?? '?';
        return [d.name, plain(out)];
      }),
    ),
    deckConfigs: Object.fromEntries(allDeckConfigs(col).map((c) => [c.name, plain(omit(c, ['id', 'mod', 'usn']))])),
    media,
    tags: allTags(col).sort(),
  };
}
