import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Collection } from '../collection';
import { minutesWest } from '../timing';
import { EngineError } from '../errors';
import { runOracle } from '../../testing/oracle';
import { notetypeByName, saveNotetype } from '../notetypes/store';
import { findCards, findNotes, parseSearch, type Node, type SearchNode } from './index';
import { buildDataset, type Dataset } from './test-support/dataset';
import { loadDataset, type EngineIds } from './test-support/load-engram';

/**
 * Differential test: the same seeded collection is built in Engram and in the official
 * engine (anki 26.9.3), every query in queries.txt runs in both, and the card and note
 * id sets must be identical. Malformed queries must fail in both, with Anki's exact text
 * for parse and regex errors.
 */

type Result = { cards: number[]; notes: number[] } | { error: { type: string; message: string } };

interface OracleOutput {
  timing: { today: number; dayCutoff: number };
  ids: EngineIds;
  passes: Result[][];
}

interface Pass {
  config: Record<string, unknown>;
  excludeFromSearch?: Record<string, string[]>;
  /** Only queries that use one of these search kinds (the ones the pass's settings affect). */
  kinds?: SearchNode['kind'][];
}

function kindsIn(nodes: Node[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.type === 'search') out.add(node.search.kind);
    else if (node.type === 'not') kindsIn([node.node], out);
    else if (node.type === 'group') kindsIn(node.nodes, out);
  }
  return out;
}

/** Queries a pass runs: all of them, or those (parsable) using a kind the pass is about. */
function queriesFor(pass: Pass, queries: string[]): string[] {
  const kinds = pass.kinds;
  if (!kinds) return queries;
  return queries.filter((q) => {
    try {
      const used = kindsIn(parseSearch(q));
      return kinds.some((k) => used.has(k));
    } catch {
      return false;
    }
  });
}

function excludeFields(col: Collection, notetype: string, fields: string[]): void {
  const nt = structuredClone(notetypeByName(col, notetype)!);
  nt.flds.forEach((f) => (f.excludeFromSearch = fields.includes(f.name)));
  col.transact(() => saveNotetype(col, nt));
}

const here = dirname(fileURLToPath(import.meta.url));
const NOTE_COUNT = 2400;
const SEED = 20261;

function loadQueries(): string[] {
  return readFileSync(join(here, 'queries.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => (line === '«empty»' ? '' : line === '«space»' ? '   ' : line));
}

/** «nid:i» / «cid:i»: the same ids in both engines. */
function withRowIds(query: string, ds: Dataset): string {
  return query
    .replace(/«nid:(\d+)»/g, (_m, i: string) => String(ds.notes[Number(i)]!.id))
    .replace(/«cid:(\d+)»/g, (_m, i: string) => String(ds.cards[Number(i)]!.id));
}

function withEngineIds(query: string, ids: EngineIds): string {
  return query.replace(/«(mid|did|dcid):([^»]*)»/g, (_m, kind: keyof EngineIds, name: string) => String(ids[kind][name]));
}

function runEngram(col: Collection, query: string): Result {
  try {
    return { cards: findCards(col, query), notes: findNotes(col, query) };
  } catch (error) {
    if (error instanceof EngineError) return { error: { type: error.code, message: error.message } };
    throw error;
  }
}

function describeDiff(expected: number[], actual: number[]): string {
  const want = new Set(expected);
  const got = new Set(actual);
  const missing = expected.filter((id) => !got.has(id)).slice(0, 5);
  const extra = actual.filter((id) => !want.has(id)).slice(0, 5);
  return `anki ${expected.length}, engram ${actual.length}; missing ${missing.join(',')}; extra ${extra.join(',')}`;
}

/** Why `engram` disagrees with `anki`, or undefined when they agree. */
function mismatch(anki: Result, engram: Result): string | undefined {
  if ('error' in anki) {
    if (!('error' in engram)) return `anki failed (${anki.error.type}: ${anki.error.message}) but engram matched ${engram.cards.length} cards`;
    const comparable = anki.error.type === 'SearchError' || anki.error.type === 'InvalidInput';
    if (comparable && anki.error.message !== engram.error.message) {
      return `messages differ:\n  anki:   ${anki.error.message}\n  engram: ${engram.error.message}`;
    }
    return undefined;
  }
  if ('error' in engram) return `engram failed: ${engram.error.message}`;
  if (anki.cards.join() !== engram.cards.join()) return `cards: ${describeDiff(anki.cards, engram.cards)}`;
  if (anki.notes.join() !== engram.notes.join()) return `notes: ${describeDiff(anki.notes, engram.notes)}`;
  return undefined;
}

describe('search matches the official engine', () => {
  let dir: string;
  let col: Collection;
  let dataset: Dataset;
  let ids: EngineIds;
  const nowMs = Date.now();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'engram-search-oracle-'));
    col = Collection.open(join(dir, 'collection.anki2'), { now: () => nowMs });
    // The day boundary is put half a day away so both engines, running seconds apart, agree on "today".
    const localHour = new Date(nowMs).getHours();
    const rollover = (localHour + 12) % 24;
    const crt = Math.floor(nowMs / 1000) - 400 * 86_400;
    col.setConfig('rollover', rollover);
    col.setConfig('creationOffset', minutesWest(crt * 1000));
    col.db.prepare('UPDATE col SET crt = ? WHERE id = 1').run(crt);
    const timing = col.timing();
    dataset = buildDataset(SEED, NOTE_COUNT, timing, nowMs, rollover, crt, minutesWest(crt * 1000));
    ids = loadDataset(col, dataset);
  });

  afterAll(() => {
    col?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on every query in queries.txt (card and note id sets, and errors)', { timeout: 300_000 }, () => {
    const queries = loadQueries().map((q) => withRowIds(q, dataset));
    expect(queries.length).toBeGreaterThanOrEqual(500);
    const passes: Pass[] = [
      { config: {} },
      { config: { ignoreAccentsInSearch: true }, kinds: ['text', 'sc', 'word'] },
      {
        config: { ignoreAccentsInSearch: false },
        excludeFromSearch: { 'Vocab Ünï': ['Meaning', 'Example'], 'Basic (type in the answer)': ['Back'] },
        kinds: ['text', 'nc', 'sc', 'word', 'regex'],
      },
    ];
    const passQueries = passes.map((p) => queriesFor(p, queries));
    const oracle = runOracle<OracleOutput>('search.py', {
      dataset,
      passes: passes.map((p, i) => ({ config: p.config, excludeFromSearch: p.excludeFromSearch, queries: passQueries[i] })),
    });
    const timing = col.timing();
    expect({ today: timing.daysElapsed, dayCutoff: timing.nextDayAt }).toEqual(oracle.timing);

    const failures: string[] = [];
    let passed = 0;
    passes.forEach((pass, passIndex) => {
      for (const [key, value] of Object.entries(pass.config)) col.setConfig(key, value);
      for (const [name, fields] of Object.entries(pass.excludeFromSearch ?? {})) excludeFields(col, name, fields);
      passQueries[passIndex]!.forEach((query, i) => {
        const anki = oracle.passes[passIndex]![i]!;
        const engram = runEngram(col, withEngineIds(query, ids));
        const problem = mismatch(anki, engram);
        if (problem) failures.push(`[pass ${passIndex}] ${JSON.stringify(query)}: ${problem}`);
        else passed++;
      });
    });
    console.log(`search differential: ${passed} passed, ${failures.length} failed`);
    if (failures.length) console.log(failures.slice(0, 60).map((f) => f.slice(0, 600)).join('\n'));
    expect(failures).toEqual([]);
  });
});
