/**
 * Test support: replays sched_manual.py's recorded operations (set due date,
 * forget, reposition, bury, suspend…) on Engram and compares the database.
 */
import type { CardRow, RevlogRow } from '../model/types';
import { buryCards, unburyCards, unburyDeck, unburyIfDayRolledOver } from './bury';
import { forgetCards } from './forget';
import { cardDiff, mergeDiffs, record, type Diff, type Tally, type WorldResult } from './oracle-compare.testkit';
import type { ManualOp } from './oracle-plan.testkit';
import { advanceDays, loadWorld } from './oracle-replay.testkit';
import { repositionNewCards } from './reposition';
import { parseDueDate, setDueDate } from './set-due-date';
import { suspendCards, unsuspendCards } from './suspend';

export interface ManualEvent {
  kind: string;
  op: ManualOp;
  cids: number[];
  deckId: number | null;
  nowMs: number;
  clockOk: boolean;
  timing: { daysElapsed: number; nextDayAt: number; now: number };
  crt: number;
  cards: CardRow[];
  newRevlog: RevlogRow[];
  nextPos: number | null;
  error: string | null;
}

export interface ManualWorld {
  initial: WorldResult['initial'];
  events: Array<ManualEvent | { kind: 'advance'; days: number }>;
}

function hard(diffs: string[]): Diff {
  return { hard: diffs, soft: [] };
}

/** A random source that makes setDueDate pick, card by card, the delays Anki picked. */
function delaysLike(event: ManualEvent, ids: number[]): () => number {
  const spec = parseDueDate((event.op as { days: string }).days);
  const after = new Map(event.cards.map((c) => [c.id, c]));
  const values = [...new Set(ids)].map((id) => {
    const delay = (after.get(id)?.due ?? event.timing.daysElapsed) - event.timing.daysElapsed;
    return (delay - spec.min + 0.5) / (spec.max - spec.min + 1);
  });
  let i = 0;
  return () => values[i++] ?? 0;
}

function revlogKey(r: RevlogRow): string {
  return `${r.cid}:${r.ease}:${r.ivl}:${r.lastIvl}:${r.factor}:${r.time}:${r.type}`;
}

export function replayManualWorld(world: ManualWorld, zoneMinutesWest: number, tally: Tally): void {
  const first = world.events.find((e): e is ManualEvent => e.kind !== 'advance');
  const { col, setNow } = loadWorld(world as unknown as WorldResult, zoneMinutesWest, first?.nowMs ?? Date.now());
  try {
    for (const event of world.events) {
      if (event.kind === 'advance') {
        advanceDays(col, (event as { days: number }).days);
        continue;
      }
      const e = event as ManualEvent;
      setNow(e.nowMs);
      const revlogBefore = col.db.prepare('SELECT max(id) FROM revlog').pluck().get() as number | null;
      const skip = !e.clockOk || e.error !== null;
      if (!skip) {
        const ids = e.cids;
        const op = e.op;
        switch (op.op) {
          case 'setDueDate':
            setDueDate(col, ids, op.days, { random: delaysLike(e, ids) });
            break;
          case 'forget':
            forgetCards(col, ids, { restorePosition: op.restorePosition, resetCounts: op.resetCounts });
            break;
          case 'reposition':
            repositionNewCards(col, ids, { start: op.start, step: op.step, shift: op.shift });
            break;
          case 'bury':
            buryCards(col, ids);
            break;
          case 'unbury':
            unburyCards(col, ids);
            break;
          case 'suspend':
            suspendCards(col, ids);
            break;
          case 'unsuspend':
            unsuspendCards(col, ids);
            break;
          case 'unburyDeck':
            unburyDeck(col, e.deckId!, op.mode);
            break;
          default:
            break;
        }
      }
      // sched_manual.py reads the day after each operation, which unburies at a new day.
      unburyIfDayRolledOver(col);
      const cards = new Map((col.db.prepare('SELECT * FROM cards').all() as CardRow[]).map((c) => [c.id, c]));
      const newRevlog = col.db.prepare('SELECT * FROM revlog WHERE id > ? ORDER BY id').all(revlogBefore ?? 0) as RevlogRow[];
      if (skip) tally.skipped++;
      else {
        const diffs = e.cards.map((expected) => {
          const actual = cards.get(expected.id);
          const d = actual ? cardDiff(expected, actual) : hard(['missing']);
          return { hard: d.hard.map((x) => `card ${expected.id} ${x}`), soft: d.soft };
        });
        const a = e.newRevlog.map(revlogKey).sort().join('|');
        const b = newRevlog.map(revlogKey).sort().join('|');
        const revlog = hard(a === b ? [] : [`revlog: anki ${a} engram ${b}`]);
        const nextPos = hard(e.nextPos !== null && col.getConfig('nextPos', null) !== e.nextPos ? [`nextPos: anki ${e.nextPos} engram ${col.getConfig('nextPos', null)}`] : []);
        record(tally, mergeDiffs(...diffs, revlog, nextPos), `${op(e)} on ${JSON.stringify(e.cids)}`);
      }
      // Continue from Anki's state either way.
      col.transact(() => {
        const insert = col.db.prepare(`INSERT OR REPLACE INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
          VALUES (@id, @nid, @did, @ord, @mod, @usn, @type, @queue, @due, @ivl, @factor, @reps, @lapses, @left, @odue, @odid, @flags, @data)`);
        for (const card of e.cards) insert.run(card);
        col.db.prepare('DELETE FROM revlog WHERE id > ?').run(revlogBefore ?? 0);
        const add = col.db.prepare('INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (@id, @cid, @usn, @ease, @ivl, @lastIvl, @factor, @time, @type)');
        for (const r of e.newRevlog) add.run(r);
        if (e.nextPos !== null) col.setConfig('nextPos', e.nextPos);
      });
    }
  } finally {
    col.close();
  }
}

function op(e: ManualEvent): string {
  return JSON.stringify(e.op).slice(0, 120);
}
