/**
 * Test support for the scheduler's unit tests: a collection with a fixed clock
 * and helpers that write notes and cards in chosen states directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../collection';
import { saveDeckConfig, deckConfigById } from '../deckconfig/store';
import { ensureDeck, deckById, saveDeck } from '../decks/store';
import type { CardRow, DeckConfig, DeckId } from '../model/types';
import { notetypeByName } from '../notetypes/store';

/** 2026-03-10 12:00 local (zone fixed at UTC via localOffsetOverride), rollover 4. */
export const START_MS = Date.UTC(2026, 2, 10, 12, 0, 0);

export interface TestCollection {
  col: Collection;
  now: { ms: number };
  advance(seconds: number): void;
}

export function testCollection(): TestCollection {
  const now = { ms: START_MS };
  const path = join(mkdtempSync(join(tmpdir(), 'engram-sched-unit-')), 'collection.sqlite');
  const col = Collection.open(path, { now: () => now.ms });
  col.transact(() => {
    col.setConfig('localOffsetOverride', 0);
    col.setConfig('creationOffset', 0);
    col.setConfig('rollover', 4);
    // Created 10 days ago at 04:00 UTC: today is day 10.
    col.db.prepare('UPDATE col SET crt = ?').run(Date.UTC(2026, 2, 0, 4, 0, 0) / 1000);
  });
  return { col, now, advance: (seconds) => (now.ms += seconds * 1000) };
}

let nextId = 1_700_000_000_000;

export interface CardSpec {
  deckId?: DeckId;
  type?: number;
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  left?: number;
  data?: string;
  odid?: number;
  odue?: number;
}

/** Adds a note with one card per spec (ords 0, 1, …). Returns the card rows. */
export function addNote(col: Collection, specs: CardSpec[], tags = ''): CardRow[] {
  const nid = nextId++;
  const mid = notetypeByName(col, 'Basic (and reversed card)')!.id;
  col.db
    .prepare("INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES (?, ?, ?, 0, 0, ?, 'front\x1fback', 'front', 0, 0, '')")
    .run(nid, `g${nid}`, mid, tags);
  return specs.map((spec, ord) => {
    const card: CardRow = {
      id: nextId++,
      nid,
      did: spec.deckId ?? 1,
      ord,
      mod: 0,
      usn: 0,
      type: spec.type ?? 0,
      queue: spec.queue ?? spec.type ?? 0,
      due: spec.due ?? 1,
      ivl: spec.ivl ?? 0,
      factor: spec.factor ?? 0,
      reps: spec.reps ?? 0,
      lapses: spec.lapses ?? 0,
      left: spec.left ?? 0,
      odue: spec.odue ?? 0,
      odid: spec.odid ?? 0,
      flags: 0,
      data: spec.data ?? '{}',
    };
    col.db
      .prepare(
        `INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
         VALUES (@id, @nid, @did, @ord, @mod, @usn, @type, @queue, @due, @ivl, @factor, @reps, @lapses, @left, @odue, @odid, @flags, @data)`,
      )
      .run(card);
    return card;
  });
}

export function card(col: Collection, id: number): CardRow {
  return col.db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow;
}

/** Changes the Default preset (id 1); `change` edits a copy. */
export function editPreset(col: Collection, change: (conf: DeckConfig) => void, id = 1): void {
  const conf = structuredClone(deckConfigById(col, id)!);
  change(conf);
  col.transact(() => saveDeckConfig(col, conf));
}

/** A new preset cloned from Default and edited. Returns its id. */
export function addPreset(col: Collection, change: (conf: DeckConfig) => void): number {
  const conf = structuredClone(deckConfigById(col, 1)!);
  conf.id = 0;
  conf.name = `Preset ${nextId++}`;
  change(conf);
  return col.transact(() => saveDeckConfig(col, conf)).id;
}

export function deckWithPreset(col: Collection, name: string, presetId: number): DeckId {
  const id = ensureDeck(col, name);
  col.transact(() => saveDeck(col, { ...deckById(col, id)!, conf: presetId }));
  return id;
}

export const TODAY = 10;
