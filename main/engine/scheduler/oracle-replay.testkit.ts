/**
 * Test support: rebuilds an official-engine simulation world inside an Engram
 * collection (same ids, clock, day and settings) and replays it through the
 * collection-level API, so whole-database results can be compared.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../collection';
import { putDeckRaw } from '../decks/store';
import { saveDeckConfig } from '../deckconfig/store';
import type { CardRow, Deck, RevlogRow } from '../model/types';
import { notetypeByName } from '../notetypes/store';
import { answerCard } from './answer-card';
import { putCard } from './card-store';
import { deckCounts, deckTreeCounts, type DeckTreeNode } from './counts';
import { buildQueue } from './queue';
import {
  cardDiff,
  mergeDiffs,
  record,
  revlogDiff,
  type AnswerEvent,
  type CountsEvent,
  type Diff,
  type Tally,
  type WorldResult,
} from './oracle-compare.testkit';
import type { Rating } from './answer';

export interface ReplayCollection {
  col: Collection;
  setNow(ms: number): void;
}

const CARD_INSERT = `INSERT OR REPLACE INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
  VALUES (@id, @nid, @did, @ord, @mod, @usn, @type, @queue, @due, @ivl, @factor, @reps, @lapses, @left, @odue, @odid, @flags, @data)`;

function replaceCards(col: Collection, cards: readonly CardRow[]): void {
  col.db.prepare('DELETE FROM cards').run();
  const insert = col.db.prepare(CARD_INSERT);
  for (const card of cards) insert.run(card);
}

function putDecks(col: Collection, decks: readonly Deck[]): void {
  for (const deck of decks) putDeckRaw(col, deck);
}

/** An Engram collection holding the world's initial state, with a settable clock. */
export function loadWorld(world: WorldResult, zoneMinutesWest: number, startMs: number): ReplayCollection {
  let now = startMs;
  const path = join(mkdtempSync(join(tmpdir(), 'engram-sched-')), 'collection.sqlite');
  const col = Collection.open(path, { now: () => now });
  const init = world.initial;
  col.transact(() => {
    col.db.prepare('UPDATE col SET crt = ?').run(init.crt);
    const config = init.config;
    col.setConfig('creationOffset', config.creationOffset);
    col.setConfig('localOffsetOverride', zoneMinutesWest);
    for (const key of ['rollover', 'fsrs', 'fsrsShortTermWithStepsEnabled', 'collapseTime', 'newCardsIgnoreReviewLimit', 'applyAllParentLimits']) {
      if (config[key] !== null && config[key] !== undefined) col.setConfig(key, config[key]);
    }
    if (typeof config.lastUnburied === 'number') col.setConfig('lastUnburied', config.lastUnburied);
    if (typeof config.nextPos === 'number') col.setConfig('nextPos', config.nextPos);
    for (const preset of init.presets) saveDeckConfig(col, preset, true);
    putDecks(col, init.decks);
    const mid = notetypeByName(col, 'Basic (and reversed card)')!.id;
    const note = col.db.prepare("INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES (?, ?, ?, 0, -1, ?, 'f\x1fb', 'f', 0, 0, '')");
    for (const n of init.notes) note.run(n.id, `g${n.id}`, mid, n.tags);
    replaceCards(col, init.cards);
    const revlog = col.db.prepare('INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (@id, @cid, @usn, @ease, @ivl, @lastIvl, @factor, @time, @type)');
    for (const r of init.revlog) revlog.run(r);
  });
  col.invalidate('decks');
  col.invalidate('deckConfigs');
  return { col, setNow: (ms) => (now = ms) };
}

/** The simulation's time travel: every stored time moves back by `days`. */
export function advanceDays(col: Collection, days: number): void {
  const secs = days * 86_400;
  col.transact(() => {
    col.db.prepare('UPDATE col SET crt = crt - ?').run(secs);
    col.db.prepare('UPDATE cards SET due = due - ? WHERE queue IN (1, 4) OR (queue < 0 AND due > 1000000000)').run(secs);
    col.db.prepare('UPDATE cards SET odue = odue - ? WHERE odue > 1000000000').run(secs);
    const rows = col.db.prepare(`SELECT id, data FROM cards WHERE data LIKE '%"lrt"%'`).all() as Array<{ id: number; data: string }>;
    for (const row of rows) {
      const parsed = JSON.parse(row.data) as Record<string, number>;
      parsed.lrt = (parsed.lrt ?? 0) - secs;
      col.db.prepare('UPDATE cards SET data = ? WHERE id = ?').run(pyJson(parsed, row.data), row.id);
    }
    const ids = col.db.prepare('SELECT id FROM revlog ORDER BY id').pluck().all() as number[];
    for (const id of ids) col.db.prepare('UPDATE revlog SET id = ? WHERE id = ?').run(id - secs * 1000, id);
  });
}

/** Re-serialises like Python's json.dumps(separators=(',', ':')): keeps the original number text. */
function pyJson(parsed: Record<string, number>, original: string): string {
  const numbers = new Map<string, string>();
  for (const match of original.matchAll(/"(\w+)":(-?[\d.eE+-]+)/g)) numbers.set(match[1]!, match[2]!);
  const parts = Object.entries(parsed).map(([key, value]) => {
    const text = key === 'lrt' ? String(value) : (numbers.get(key) ?? JSON.stringify(value));
    return `${JSON.stringify(key)}:${typeof value === 'string' ? JSON.stringify(value) : text}`;
  });
  return `{${parts.join(',')}}`;
}

function flattenTree(nodes: readonly DeckTreeNode[], out: Map<number, [number, number, number]> = new Map()): Map<number, [number, number, number]> {
  for (const node of nodes) {
    out.set(node.deckId, [node.new, node.learn, node.review]);
    flattenTree(node.children, out);
  }
  return out;
}

/** Compares deck-browser counts, study-screen counts and queue order for one recorded moment. */
export function checkCounts(world: WorldResult, event: CountsEvent, zoneMinutesWest: number, tally: Tally): void {
  if (!event.clockOk) {
    tally.skipped++;
    return;
  }
  const replay = loadWorld(world, zoneMinutesWest, event.nowMs);
  try {
    const { col } = replay;
    col.transact(() => {
      col.db.prepare('UPDATE col SET crt = ?').run(event.crt);
      putDecks(col, event.decks);
      replaceCards(col, event.cards);
      if (event.lastUnburied !== null) col.setConfig('lastUnburied', event.lastUnburied);
    });
    col.invalidate('decks');
    const diffs: string[] = [];
    const tree = flattenTree(deckTreeCounts(col));
    for (const [id, expected] of Object.entries(event.tree)) {
      if (id === '0') continue;
      const actual = tree.get(Number(id));
      if (!actual || actual.join() !== expected.join()) diffs.push(`tree ${id}: anki ${expected.join('/')} engram ${actual?.join('/') ?? 'missing'}`);
    }
    const study = deckCounts(col, event.deck);
    const studyList = [study.new, study.learn, study.review];
    if (studyList.join() !== event.queue.join()) diffs.push(`study counts: anki ${event.queue.join('/')} engram ${studyList.join('/')}`);
    const order = buildQueue(col, event.deck).entries.slice(0, 10).map((e) => e.cardId);
    if (order.join() !== event.order.join()) diffs.push(`queue order: anki ${event.order.join(',')} engram ${order.join(',')}`);
    record(tally, hard(diffs), `counts for deck ${event.deck} on day ${event.timing.daysElapsed}`);
  } finally {
    replay.col.close();
  }
}

function hard(diffs: string[]): Diff {
  return { hard: diffs, soft: [] };
}

/**
 * Replays a world's answers with `answerCard` on Engram's own database and
 * compares each answered card, then the whole database at the end.
 */
export function replayWorld(world: WorldResult, zoneMinutesWest: number, answers: Tally, finals: Tally, fuzz = false): void {
  const first = world.events.find((e): e is AnswerEvent => e.kind === 'answer');
  const replay = loadWorld(world, zoneMinutesWest, first?.nowMs ?? Date.now());
  const { col, setNow } = replay;
  const fsrs = world.initial.config.fsrs === true;
  try {
    for (const event of world.events) {
      if (event.kind === 'advance') advanceDays(col, event.days);
      else if (event.kind === 'filter' || event.kind === 'emptyFilter') {
        // Building filtered decks is not the scheduler's job: adopt Anki's result.
        col.transact(() => {
          putDecks(col, event.decks);
          replaceCards(col, event.cards);
        });
        col.invalidate('decks');
      }
      else if (event.kind === 'counts') {
        setNow(event.nowMs);
        deckTreeCounts(col);
      } else {
        setNow(event.nowMs);
        if (!event.clockOk || event.error) {
          // Anki's clock crossed a second while answering: adopt its result.
          if (event.after) putCard(col, event.after);
          if (event.revlog) col.db.prepare('INSERT OR REPLACE INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (@id, @cid, @usn, @ease, @ivl, @lastIvl, @factor, @time, @type)').run(event.revlog);
          answers.skipped++;
          continue;
        }
        let diff: Diff;
        try {
          const result = answerCard(col, event.cid, event.rating as Rating, { timeTakenMs: event.ms, fuzz });
          diff = mergeDiffs(cardDiff(event.after, result.card), event.revlog ? revlogDiff(event.revlog, result.revlog, fsrs) : hard([]));
          // A libm-ulp difference is not carried forward: continue from Anki's numbers.
          if (diff.hard.length === 0 && diff.soft.length) {
            putCard(col, event.after);
            if (event.revlog) col.db.prepare('UPDATE revlog SET factor = ? WHERE id = ?').run(event.revlog.factor, result.revlog.id);
          }
        } catch (error) {
          diff = hard([`engram threw: ${(error as Error).message}`]);
        }
        record(answers, diff, `answer card ${event.cid} rating ${event.rating}`);
      }
    }
    compareFinal(col, world, finals);
  } finally {
    col.close();
  }
}

function compareFinal(col: Collection, world: WorldResult, tally: Tally): void {
  const final = world.final;
  const cards = new Map((col.db.prepare('SELECT * FROM cards').all() as CardRow[]).map((c) => [c.id, c]));
  for (const expected of final.cards) {
    const actual = cards.get(expected.id);
    record(tally, actual ? cardDiff(expected, actual) : hard(['missing']), `final card ${expected.id}`);
  }
  const revlog = col.db.prepare('SELECT * FROM revlog ORDER BY id').all() as RevlogRow[];
  const diffs: string[] = [];
  if (revlog.length !== final.revlog.length) diffs.push(`revlog rows: anki ${final.revlog.length} engram ${revlog.length}`);
  const byCard = (rows: RevlogRow[]) => rows.map((r) => `${r.cid}:${r.ease}:${r.ivl}:${r.lastIvl}:${r.factor}:${r.type}:${r.time}`).sort();
  const a = byCard(final.revlog);
  const b = byCard(revlog);
  const mismatches = a.filter((x, i) => x !== b[i]).length;
  if (mismatches) diffs.push(`${mismatches} revlog rows differ`);
  record(tally, hard(diffs), 'final revlog');
  const decks = new Map((col.db.prepare('SELECT json FROM decks').pluck().all() as string[]).map((j) => JSON.parse(j) as Deck).map((d) => [d.id, d]));
  for (const expected of final.decks) {
    const actual = decks.get(expected.id);
    const keys = ['newToday', 'revToday', 'lrnToday', 'timeToday'] as const;
    const d = keys.filter((k) => JSON.stringify(expected[k]) !== JSON.stringify(actual?.[k])).map((k) => `${k}: anki ${JSON.stringify(expected[k])} engram ${JSON.stringify(actual?.[k])}`);
    record(tally, hard(d), `final deck ${expected.name}`);
  }
  const notes = new Map((col.db.prepare('SELECT id, tags FROM notes').all() as Array<{ id: number; tags: string }>).map((n) => [n.id, n.tags]));
  for (const expected of final.notes) {
    const actual = notes.get(expected.id);
    record(tally, hard(actual === expected.tags ? [] : [`tags: anki "${expected.tags}" engram "${actual}"`]), `final note ${expected.id}`);
  }
  if ((col.getConfig<number | null>('lastUnburied', null) ?? null) !== (final.lastUnburied ?? null)) {
    record(tally, hard([`lastUnburied: anki ${final.lastUnburied} engram ${col.getConfig('lastUnburied', null)}`]), 'final config');
  }
}
