/**
 * Test support (not shipped logic): builds the random simulation plans that
 * main/testing/oracle/sched_sim.py runs through the official engine, and that
 * the differential tests replay in Engram. Deterministic for a given seed.
 */

export interface CardStateSpec {
  type: number;
  queue: number;
  /** New: position. Queue 1/4: seconds from now. Others: days from today. */
  due: number;
  dueIsStamp?: boolean;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data?: Record<string, number>;
  dataText?: string;
  revlog?: Array<{ agoSecs: number; ease: number; ivl: number; lastIvl: number; factor: number; type: number; time?: number }>;
}

export interface WorldPlan {
  name: string;
  fsrs: boolean;
  shortTermWithSteps: boolean;
  rollover: number;
  config?: Record<string, unknown>;
  presets: Array<Record<string, unknown>>;
  decks: Array<{ name: string; preset: number; desiredRetention?: number | null; reviewLimit?: number | null; newLimit?: number | null }>;
  notes: Array<{ deck: number; cards: Array<CardStateSpec | null> }>;
  ops: Array<
    | { op: 'answer'; card: [number, number]; rating: number; ms: number }
    | { op: 'advance'; days: number }
    | { op: 'counts'; deck: number }
    | { op: 'filter'; name: string; search: string; limit: number; order: number; resched: boolean; previewAgainSecs: number; previewHardSecs: number; previewGoodSecs: number }
    | { op: 'emptyFilter' }
  >;
}

export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  float(lo: number, hi: number, decimals = 2): number {
    return Number((lo + this.next() * (hi - lo)).toFixed(decimals));
  }
}

const LEARN_STEPS: number[][] = [[], [1], [1, 10], [10, 60, 1440], [0.5, 2.5], [1440], [5, 2880], [1, 10, 120, 600], [15.5]];
const RELEARN_STEPS: number[][] = [[], [10], [10, 1440], [60], [1, 5, 2000]];
const DEFAULT_W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const FSRS5_W = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];
const FSRS45_W = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755];

function perturbed(rng: Prng, w: number[]): number[] {
  return w.map((v) => Number((v * rng.float(0.85, 1.15, 4)).toFixed(4)));
}

function randomPreset(rng: Prng, fsrs: boolean): Record<string, unknown> {
  const preset: Record<string, unknown> = {
    new: {
      delays: rng.pick(LEARN_STEPS),
      ints: [rng.int(1, 5), rng.int(2, 12), 0],
      initialFactor: rng.pick([1300, 1700, 2500, 2500, 3100]),
      bury: rng.chance(0.4),
      perDay: rng.pick([0, 3, 10, 20, 100]),
    },
    rev: {
      ease4: rng.float(1, 2),
      hardFactor: rng.pick([0.8, 1, 1.2, 1.2, 1.45]),
      ivlFct: rng.pick([0.6, 1, 1, 1.37, 2]),
      // Anki panics (u32::clamp) when an FSRS easy interval's minimum passes a small maximum.
      maxIvl: fsrs ? 36500 : rng.pick([4, 30, 365, 36500, 36500]),
      bury: rng.chance(0.4),
      perDay: rng.pick([0, 5, 30, 200]),
    },
    lapse: {
      delays: rng.pick(RELEARN_STEPS),
      mult: rng.pick([0, 0.15, 0.5, 0.8]),
      minInt: rng.int(1, 4),
      leechFails: rng.pick([0, 2, 3, 8]),
      leechAction: rng.int(0, 1),
    },
    maxTaken: rng.pick([5, 20, 60]),
    buryInterdayLearning: rng.chance(0.3),
    newMix: rng.int(0, 2),
    interdayLearningMix: rng.int(0, 2),
    reviewOrder: rng.pick([0, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12]),
    newSortOrder: rng.int(0, 4),
    newGatherPriority: rng.int(0, 5),
  };
  if (fsrs) {
    const kind = rng.int(0, 3);
    preset.fsrsParams6 = kind === 0 ? [] : kind === 1 ? perturbed(rng, DEFAULT_W) : [];
    preset.fsrsParams5 = kind === 2 ? perturbed(rng, FSRS5_W) : [];
    preset.fsrsWeights = kind === 3 ? perturbed(rng, FSRS45_W) : [];
    preset.desiredRetention = rng.float(0.75, 0.97);
    preset.sm2Retention = rng.float(0.8, 0.95);
  }
  return preset;
}

function memoryData(rng: Prng): Record<string, number> {
  const data: Record<string, number> = { s: rng.float(0.05, 400, 4), d: rng.float(1, 10, 3) };
  if (rng.chance(0.5)) data.dr = rng.float(0.8, 0.95);
  if (rng.chance(0.5)) data.decay = rng.pick([0.1542, 0.5]);
  return data;
}

function history(rng: Prng): CardStateSpec['revlog'] {
  const entries: NonNullable<CardStateSpec['revlog']> = [];
  let ago = rng.int(20, 200) * 86_400;
  if (rng.chance(0.7)) entries.push({ agoSecs: ago, ease: 3, ivl: -600, lastIvl: 0, factor: 0, type: 0 });
  let ivl = 1;
  for (let i = 0; i < rng.int(0, 5); i++) {
    ago -= rng.int(1, 15) * 86_400;
    if (ago < 86_400) break;
    const ease = rng.pick([1, 2, 3, 3, 4]);
    const next = ease === 1 ? 1 : ivl * 2 + 1;
    const type = rng.chance(0.1) ? 4 : entries.length === 0 ? 1 : 1;
    entries.push({ agoSecs: ago, ease: type === 4 ? 0 : ease, ivl: next, lastIvl: ivl, factor: rng.pick([0, 2500, 2300, 1000]), type });
    ivl = next;
  }
  return entries;
}

function randomCard(rng: Prng, fsrs: boolean): CardStateSpec | null {
  const roll = rng.next();
  const reps = rng.int(0, 20);
  const withMemory = fsrs ? rng.chance(0.6) : rng.chance(0.15);
  if (roll < 0.25) {
    return { type: 0, queue: rng.chance(0.05) ? -3 : 0, due: rng.int(0, 120), ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, ...(rng.chance(0.2) ? { dataText: '' } : {}) };
  }
  if (roll < 0.45) {
    const intraday = rng.chance(0.7);
    const left = rng.int(0, 4) + (rng.chance(0.15) ? 1000 * rng.int(1, 3) : 0);
    return {
      type: 1,
      queue: intraday ? 1 : 3,
      due: intraday ? rng.int(-3600, 3600) : rng.int(-3, 1),
      ivl: 0,
      factor: rng.chance(0.2) ? 2500 : 0,
      reps: Math.max(1, reps),
      lapses: 0,
      left,
      data: { ...(withMemory ? memoryData(rng) : {}), ...(rng.chance(0.5) ? { lrtAgo: rng.int(0, 3 * 86_400) } : {}), ...(rng.chance(0.3) ? { pos: rng.int(1, 50) } : {}) },
      ...(fsrs && rng.chance(0.3) ? { revlog: history(rng) } : {}),
    };
  }
  if (roll < 0.85) {
    const ivl = rng.pick([1, 2, 3, 5, 8, 13, 21, 40, 90, 200, 500]);
    const overdue = rng.int(-Math.min(ivl, 10), 30);
    const lapses = rng.int(0, 13);
    return {
      type: 2,
      queue: rng.chance(0.05) ? rng.pick([-1, -2, -3]) : 2,
      due: -overdue,
      ivl,
      factor: rng.pick([1300, 1450, 1850, 2500, 2650, 3200]),
      reps: Math.max(reps, lapses + 1),
      lapses,
      left: rng.chance(0.1) ? 1001 : 0,
      data: { ...(withMemory ? memoryData(rng) : {}), ...(rng.chance(0.7) ? { lrtAgo: (ivl + overdue) * 86_400 + rng.int(0, 80_000) } : {}) },
      ...(fsrs && !withMemory && rng.chance(0.6) ? { revlog: history(rng) } : {}),
    };
  }
  const intraday = rng.chance(0.7);
  const lapses = rng.int(1, 12);
  return {
    type: 3,
    queue: intraday ? 1 : 3,
    due: intraday ? rng.int(-3600, 3600) : rng.int(-2, 1),
    ivl: rng.int(1, 60),
    factor: rng.pick([1300, 1800, 2300, 2500]),
    reps: Math.max(reps, lapses + 1),
    lapses,
    left: rng.int(0, 3),
    data: { ...(withMemory ? memoryData(rng) : {}), ...(rng.chance(0.6) ? { lrtAgo: rng.int(0, 2 * 86_400) } : {}) },
  };
}

const REVIEW_ORDERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const RATING_WEIGHTS: Array<[number, number]> = [
  [1, 0.2],
  [2, 0.15],
  [3, 0.5],
  [4, 0.15],
];

function randomRating(rng: Prng): number {
  let roll = rng.next();
  for (const [rating, weight] of RATING_WEIGHTS) {
    if (roll < weight) return rating;
    roll -= weight;
  }
  return 3;
}

export interface PlanOptions {
  seed: number;
  worlds: number;
  notesPerWorld: number;
  days: number;
  answersPerDay: number;
}

export function buildPlan(options: PlanOptions): WorldPlan[] {
  const rng = new Prng(options.seed);
  const worlds: WorldPlan[] = [];
  for (let w = 0; w < options.worlds; w++) {
    const fsrs = w % 2 === 1;
    const presets = [randomPreset(rng, fsrs), randomPreset(rng, fsrs), randomPreset(rng, fsrs)];
    // every review order gets used, with SM-2 and with FSRS
    presets.forEach((preset, i) => (preset.reviewOrder = REVIEW_ORDERS[(w * 3 + i) % REVIEW_ORDERS.length]));
    const decks: WorldPlan['decks'] = [
      { name: 'Alpha', preset: 0 },
      { name: 'Alpha::Child', preset: 1, ...(fsrs && rng.chance(0.5) ? { desiredRetention: rng.float(0.8, 0.95) } : {}) },
      { name: 'Beta', preset: 2, ...(rng.chance(0.5) ? { reviewLimit: rng.int(0, 10) } : {}), ...(rng.chance(0.5) ? { newLimit: rng.int(0, 5) } : {}) },
      { name: 'Alpha::Child::Leaf', preset: rng.int(0, 2) },
    ];
    const notes: WorldPlan['notes'] = [];
    for (let n = 0; n < options.notesPerWorld; n++) {
      notes.push({ deck: rng.int(0, decks.length - 1), cards: [randomCard(rng, fsrs), rng.chance(0.7) ? randomCard(rng, fsrs) : null] });
    }
    const ops: WorldPlan['ops'] = [];
    let filtering = false;
    for (let day = 0; day < options.days; day++) {
      ops.push({ op: 'counts', deck: rng.int(0, decks.length - 1) });
      if (filtering && rng.chance(0.5)) {
        ops.push({ op: 'emptyFilter' });
        filtering = false;
      } else if (!filtering && rng.chance(0.4)) {
        ops.push({
          op: 'filter',
          name: `Filtered ${day}`,
          search: rng.pick(['deck:Beta', 'is:due', 'deck:Alpha*', 'is:learn', 'is:new', '-is:new']),
          limit: rng.int(5, 60),
          order: rng.pick([0, 2, 3, 4, 5, 6, 7]),
          resched: rng.chance(0.6),
          previewAgainSecs: rng.pick([0, 60, 600]),
          previewHardSecs: rng.pick([0, 600, 3600]),
          previewGoodSecs: rng.pick([0, 0, 86_400]),
        });
        filtering = true;
      }
      for (let a = 0; a < options.answersPerDay; a++) {
        ops.push({ op: 'answer', card: [rng.int(0, notes.length - 1), rng.int(0, 1)], rating: randomRating(rng), ms: rng.int(0, 90_000) });
        if (rng.chance(0.01)) ops.push({ op: 'counts', deck: rng.int(0, decks.length - 1) });
      }
      ops.push({ op: 'advance', days: rng.pick([1, 1, 1, 2, 3, 7, 30]) });
    }
    ops.push({ op: 'counts', deck: 0 });
    worlds.push({
      name: `world ${w} (${fsrs ? 'FSRS' : 'SM-2'})`,
      fsrs,
      shortTermWithSteps: fsrs && rng.chance(0.5),
      rollover: rng.pick([0, 4, 12, 13, 13, 14, 20]),
      config: rng.chance(0.3) ? { newCardsIgnoreReviewLimit: true } : rng.chance(0.3) ? { applyAllParentLimits: true } : {},
      presets,
      decks,
      notes,
      ops,
    });
  }
  return worlds;
}

export type ManualOp =
  | { op: 'setDueDate'; cards: Array<[number, number]>; days: string }
  | { op: 'forget'; cards: Array<[number, number]>; restorePosition: boolean; resetCounts: boolean }
  | { op: 'reposition'; cards: Array<[number, number]>; start: number; step: number; shift: boolean }
  | { op: 'bury' | 'unbury' | 'suspend' | 'unsuspend'; cards: Array<[number, number]> }
  | { op: 'unburyDeck'; deck: number; mode: 'all' | 'user' | 'sched' }
  | { op: 'advance'; days: number };

export interface ManualWorldPlan extends Omit<WorldPlan, 'ops'> {
  ops: ManualOp[];
}

/** Worlds for the manual-scheduling oracle (set due date, forget, reposition, bury, suspend). */
export function buildManualPlan(seed: number, worldCount: number, notesPerWorld: number, opsPerWorld: number): ManualWorldPlan[] {
  const rng = new Prng(seed);
  const worlds: ManualWorldPlan[] = [];
  for (let w = 0; w < worldCount; w++) {
    const fsrs = w % 2 === 1;
    const decks: WorldPlan['decks'] = [
      { name: 'Alpha', preset: 0 },
      { name: 'Alpha::Child', preset: 1 },
      { name: 'Beta', preset: 0 },
    ];
    const notes: WorldPlan['notes'] = [];
    for (let n = 0; n < notesPerWorld; n++) notes.push({ deck: rng.int(0, 2), cards: [randomCard(rng, fsrs), rng.chance(0.6) ? randomCard(rng, fsrs) : null] });
    const pickCards = (): Array<[number, number]> => {
      const count = rng.int(1, 6);
      return Array.from({ length: count }, () => [rng.int(0, notes.length - 1), rng.int(0, 1)] as [number, number]);
    };
    const ops: ManualOp[] = [];
    for (let i = 0; i < opsPerWorld; i++) {
      const roll = rng.int(0, 9);
      if (roll <= 2) ops.push({ op: 'setDueDate', cards: pickCards(), days: rng.pick(['0', '1', '3!', '1-7', '10-30!', '0!']) });
      else if (roll <= 4) ops.push({ op: 'forget', cards: pickCards(), restorePosition: rng.chance(0.6), resetCounts: rng.chance(0.4) });
      else if (roll === 5) ops.push({ op: 'reposition', cards: pickCards(), start: rng.int(0, 50), step: rng.int(1, 3), shift: rng.chance(0.5) });
      else if (roll === 6) ops.push({ op: rng.pick(['bury', 'suspend'] as const), cards: pickCards() });
      else if (roll === 7) ops.push({ op: rng.pick(['unbury', 'unsuspend'] as const), cards: pickCards() });
      else if (roll === 8) ops.push({ op: 'unburyDeck', deck: rng.int(0, 2), mode: rng.pick(['all', 'user', 'sched'] as const) });
      else ops.push({ op: 'advance', days: rng.pick([1, 2, 5]) });
    }
    worlds.push({
      name: `manual world ${w}`,
      fsrs,
      shortTermWithSteps: false,
      rollover: rng.pick([4, 13]),
      presets: [randomPreset(rng, fsrs), randomPreset(rng, fsrs)],
      decks,
      notes,
      ops,
    });
  }
  return worlds;
}
