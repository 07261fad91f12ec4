import { describe, expect, it } from 'vitest';
import type { Collection } from '../collection';
import { allDecks, deckById, ensureDeck, saveDeck } from '../decks/store';
import type { DeckId } from '../model/types';
import { deckTreeCounts } from './counts';
import { deckTreeCountsReference } from './counts-reference.testkit';
import { fnvHash64, fnvHashU64 } from './fnv';
import { buildQueue } from './queue';
import { buildQueueReference } from './queue-reference.testkit';
import { addNote, addPreset, START_MS, testCollection, TODAY, type CardSpec } from './unit.testkit';

/**
 * The study queue reads candidates in SQL order and stops at the limits, and the
 * deck tree counts come from grouped index counts; both must give exactly what
 * loading every card and sorting in JS gave (kept in the *-reference testkits),
 * across random decks, presets (every order, mix and bury option), limits and cards.
 */

const NOW = START_MS / 1000;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

function rng(seed: number): Rng {
  const next = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { int, chance: (p) => next() < p, pick: (list) => list[int(0, list.length - 1)]! };
}

const REVIEW_ORDERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function memoryData(r: Rng): string {
  const data: Record<string, number> = { s: r.int(1, 40000) / 100, d: r.int(100, 1000) / 100 };
  if (r.chance(0.5)) data.dr = r.pick([0.8, 0.85, 0.9, 0.95]);
  if (r.chance(0.4)) data.decay = r.pick([0.1542, 0.5]);
  if (r.chance(0.5)) data.lrt = NOW - r.int(0, 40) * 86_400 - r.int(0, 80_000);
  return JSON.stringify(data);
}

function randomCard(r: Rng, deckId: DeckId, sharedDue: number): CardSpec {
  const roll = r.int(0, 9);
  if (roll <= 3) return { deckId, due: r.chance(0.5) ? sharedDue : r.int(0, 40), ...(r.chance(0.1) ? { queue: -3 } : {}) };
  if (roll === 4) return { deckId, type: 1, queue: 1, due: NOW + r.int(-3000, 90_000), left: 2, reps: r.int(0, 2) };
  if (roll === 5) return { deckId, type: 3, queue: 3, due: TODAY - r.int(0, 3), ivl: r.int(1, 5), factor: 2500, left: 1, reps: 3 };
  const review: CardSpec = {
    deckId,
    type: 2,
    queue: r.chance(0.05) ? -1 : 2,
    // Few distinct due days, so runs of equal first keys are long.
    due: TODAY - r.int(-2, 4),
    ivl: r.chance(0.05) ? 0 : r.int(1, 6) * r.pick([1, 10]),
    factor: r.pick([1300, 2500, 2500, 2700]),
    reps: r.int(1, 9),
    data: r.chance(0.6) ? memoryData(r) : r.pick(['', '{}']),
  };
  return review;
}

function randomWorld(seed: number): { col: Collection; decks: DeckId[] } {
  const r = rng(seed);
  const { col } = testCollection();
  const presets = [1];
  for (let i = 0; i < 3; i++) {
    presets.push(
      addPreset(col, (c) => {
        c.new.perDay = r.pick([0, 2, 5, 9999]);
        c.rev.perDay = r.pick([0, 3, 7, 9999]);
        c.new.bury = r.chance(0.5);
        c.rev.bury = r.chance(0.5);
        c.buryInterdayLearning = r.chance(0.5);
        c.reviewOrder = r.pick(REVIEW_ORDERS);
        c.newGatherPriority = r.int(0, 5);
        c.newSortOrder = r.int(0, 4);
        c.newMix = r.int(0, 2);
        c.interdayLearningMix = r.int(0, 2);
      }),
    );
  }
  const names = ['A', 'A::B', 'A::B::C', 'A::B::D', 'A::E', 'F', 'F::G'];
  const decks = names.map((name) => ensureDeck(col, name));
  col.transact(() => {
    for (const id of decks) {
      const deck = deckById(col, id)!;
      saveDeck(col, {
        ...deck,
        conf: r.pick(presets),
        reviewLimit: r.chance(0.2) ? r.int(0, 6) : null,
        newLimit: r.chance(0.2) ? r.int(0, 6) : null,
        reviewLimitToday: r.chance(0.1) ? { limit: r.int(0, 6), today: TODAY } : null,
        newToday: r.chance(0.3) ? [TODAY, r.int(0, 3)] : deck.newToday,
        revToday: r.chance(0.3) ? [TODAY, r.int(0, 3)] : deck.revToday,
      });
    }
    const filtered = ensureDeck(col, 'A::Filtered');
    saveDeck(col, { ...deckById(col, filtered)!, dyn: 1, resched: true });
    decks.push(filtered);
    col.setConfig('fsrs', r.chance(0.5));
    col.setConfig('newCardsIgnoreReviewLimit', r.chance(0.5));
    col.setConfig('applyAllParentLimits', r.chance(0.5));
    for (let n = 0; n < 90; n++) {
      const sharedDue = r.int(0, 40);
      const specs = Array.from({ length: r.int(1, 3) }, () => {
        const home = r.pick(decks.slice(0, -1));
        const spec = randomCard(r, home, sharedDue);
        if (r.chance(0.08) && spec.queue !== 1) return { ...spec, deckId: filtered, odid: home, odue: spec.due };
        return spec;
      });
      addNote(col, specs);
    }
  });
  return { col, decks };
}

describe('fast queue and counts equal the reference', () => {
  it('hashes as the BigInt FNV does', () => {
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const a = r.chance(0.5) ? r.int(-(2 ** 40), 2 ** 45) : r.int(0, 2 ** 31) * 4096 + r.int(0, 4095);
      const b = r.pick([0, 1, -1, 2 ** 32, r.int(0, 2 ** 32), -r.int(0, 2 ** 20)]);
      const [hi, lo] = fnvHash64(a, b);
      expect((BigInt(hi) << 32n) | BigInt(lo)).toBe(fnvHashU64(a, b));
    }
  });

  it('builds the same queue and deck tree in random worlds', () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { col, decks } = randomWorld(seed);
      try {
        expect(deckTreeCounts(col), `world ${seed} tree`).toEqual(deckTreeCountsReference(col));
        for (const id of [1, ...decks]) {
          const fast = buildQueue(col, id);
          expect(fast, `world ${seed} deck ${deckById(col, id)?.name}`).toEqual(buildQueueReference(col, id));
          compared++;
          if (fast.entries.length > 5) nonEmpty++;
        }
      } finally {
        col.close();
      }
    }
    expect(compared).toBe(40 * 9);
    // The worlds must exercise real queues, not empty ones.
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('still agrees when every deck shares one preset with each review order', () => {
    for (const order of REVIEW_ORDERS) {
      const { col } = randomWorld(100 + order);
      try {
        col.transact(() => {
          for (const deck of allDecks(col)) if (deck.dyn !== 1) saveDeck(col, { ...deck, conf: 1 });
          col.db.prepare('UPDATE cards SET mod = ? WHERE id % 3 = 0').run(NOW);
        });
        col.invalidate('deckConfigs');
        const conf = col.db.prepare('SELECT json FROM deck_config WHERE id = 1').pluck().get() as string;
        const preset = { ...(JSON.parse(conf) as Record<string, unknown>), reviewOrder: order, newGatherPriority: order % 6, newSortOrder: order % 5 };
        col.db.prepare('UPDATE deck_config SET json = ? WHERE id = 1').run(JSON.stringify(preset));
        col.invalidate('deckConfigs');
        for (const deck of allDecks(col)) {
          expect(buildQueue(col, deck.id), `order ${order} deck ${deck.name}`).toEqual(buildQueueReference(col, deck.id));
        }
      } finally {
        col.close();
      }
    }
  });
});
