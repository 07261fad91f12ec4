/**
 * Test support: compares the official engine's recorded answers (sched_sim.py)
 * with Engram's pure state machine, answer by answer.
 */
import type { CardRow, Deck, DeckConfig, RevlogRow } from '../model/types';
import { answerCardPure, NORMAL_DECK, prepareCard, type AnswerInput, type Rating } from './answer';
import { currentDeckOf } from './answer-card';
import { parseCardData } from './card-data';
import { schedulingConfig } from './config';
import { describeNextStates } from './next-intervals';

export interface AnswerEvent {
  kind: 'answer';
  cid: number;
  rating: number;
  ms: number;
  nowMs: number;
  clockOk: boolean;
  timing: { daysElapsed: number; nextDayAt: number; now: number };
  before: CardRow;
  after: CardRow;
  revlogBefore: RevlogRow[];
  revlog: RevlogRow | null;
  labels: string[];
  tags: string;
  error: string | null;
}

export interface CountsEvent {
  kind: 'counts';
  deck: number;
  crt: number;
  nowMs: number;
  clockOk: boolean;
  timing: { daysElapsed: number; nextDayAt: number; now: number };
  tree: Record<string, [number, number, number]>;
  queue: [number, number, number];
  order: number[];
  cards: CardRow[];
  decks: Deck[];
  lastUnburied: number | null;
}

interface DeckSnapshot {
  deckId: number;
  cards: CardRow[];
  decks: Deck[];
}

export type FilterEvent = (DeckSnapshot & { kind: 'filter' }) | (DeckSnapshot & { kind: 'emptyFilter' });

export type SimEvent = AnswerEvent | CountsEvent | FilterEvent | { kind: 'advance'; days: number };

export interface WorldSnapshot {
  crt: number;
  cards: CardRow[];
  revlog: RevlogRow[];
  notes: Array<{ id: number; tags: string }>;
  decks: Deck[];
  lastUnburied?: number | null;
}

export interface WorldResult {
  initial: WorldSnapshot & {
    config: Record<string, unknown>;
    deckIds: number[];
    noteCards: number[][];
    presets: DeckConfig[];
  };
  events: SimEvent[];
  final: WorldSnapshot;
}

export interface SimOutput {
  zoneMinutesWest: number;
  /** Anki ran with its interval fuzz on (load balancer off). */
  fuzz?: boolean;
  worlds: WorldResult[];
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Passed, but an FSRS float differed in its last digits (libm ulp differences). */
  withinLibmTolerance: number;
  failures: string[];
}

export function newTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, withinLibmTolerance: 0, failures: [] };
}

/**
 * Anki's FSRS runs in f32 through glibc's powf/expf/logf, which are not
 * correctly rounded; V8's Math functions (rounded to f32) differ from them in
 * the last bit for ~0.05% of arguments. Such a bit can move a stored stability
 * (4 dp) or difficulty (3 dp) by a few units of the last digit, so these two are
 * compared with a relative tolerance of 1e-5; the difference is recorded.
 */
export const LIBM_RELATIVE_TOLERANCE = 1e-5;

export interface Diff {
  /** Real differences. */
  hard: string[];
  /** Differences within the libm tolerance. */
  soft: string[];
}

const CARD_FIELDS = ['did', 'odid', 'odue', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'mod', 'usn'] as const;
const REVLOG_FIELDS = ['cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'] as const;

/** Differences between two card rows; `data` compared key by key (FSRS floats within the libm tolerance). */
export function cardDiff(expected: CardRow, actual: CardRow): Diff {
  const diff: Diff = { hard: [], soft: [] };
  for (const field of CARD_FIELDS) {
    if (expected[field] !== actual[field]) diff.hard.push(`${field}: anki ${expected[field]} engram ${actual[field]}`);
  }
  const a = parseCardData(expected.data) as Record<string, unknown>;
  const b = parseCardData(actual.data) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    const text = `data.${key}: anki ${String(x)} engram ${String(y)}`;
    if (typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) <= 1e-6) continue;
      if ((key === 's' || key === 'd') && Math.abs(x - y) <= LIBM_RELATIVE_TOLERANCE * Math.abs(x) + 1e-9) diff.soft.push(text);
      else diff.hard.push(text);
    } else if (x !== y) diff.hard.push(text);
  }
  if (expected.data !== actual.data && diff.hard.length === 0 && diff.soft.length === 0) {
    diff.hard.push(`data text: anki ${expected.data} engram ${actual.data}`);
  }
  return diff;
}

/** revlog rows; with FSRS, factor (from difficulty) may differ by 1 within the libm tolerance. */
export function revlogDiff(expected: RevlogRow, actual: RevlogRow, fsrs: boolean): Diff {
  const diff: Diff = { hard: [], soft: [] };
  for (const field of REVLOG_FIELDS) {
    if (expected[field] === actual[field]) continue;
    const text = `revlog.${field}: anki ${expected[field]} engram ${actual[field]}`;
    if (field === 'factor' && fsrs && Math.abs(expected.factor - actual.factor) <= 1 && expected.factor <= 1100) diff.soft.push(text);
    else diff.hard.push(text);
  }
  return diff;
}

export function mergeDiffs(...diffs: Diff[]): Diff {
  return { hard: diffs.flatMap((d) => d.hard), soft: diffs.flatMap((d) => d.soft) };
}

/** Adds one comparison to the tally. */
export function record(tally: Tally, diff: Diff, what: string): void {
  if (diff.hard.length === 0) {
    tally.passed++;
    if (diff.soft.length) tally.withinLibmTolerance++;
  } else {
    tally.failed++;
    if (tally.failures.length < 25) tally.failures.push(`${what}: ${[...diff.hard, ...diff.soft].join('; ')}`);
  }
}

export interface WorldContext {
  fuzz: boolean;
  fsrs: boolean;
  shortTermWithSteps: boolean;
  collapseTime: number;
  decks: Map<number, Deck>;
  presets: Map<number, DeckConfig>;
}

export function worldContext(world: WorldResult, fuzz = false): WorldContext {
  const config = world.initial.config;
  return {
    fuzz,
    fsrs: config.fsrs === true,
    shortTermWithSteps: config.fsrsShortTermWithStepsEnabled === true,
    collapseTime: typeof config.collapseTime === 'number' ? config.collapseTime : 1200,
    decks: new Map(world.initial.decks.map((d) => [d.id, d])),
    presets: new Map(world.initial.presets.map((p) => [p.id, p])),
  };
}

/** Keeps the context's decks current (filtered decks come and go). */
export function applyDeckEvent(ctx: WorldContext, event: FilterEvent): void {
  for (const deck of event.decks) ctx.decks.set(deck.id, deck);
}

function inputFor(ctx: WorldContext, event: AnswerEvent): AnswerInput {
  const deck = ctx.decks.get(event.before.odid || event.before.did);
  const current = ctx.decks.get(event.before.did);
  const preset = ctx.presets.get(deck?.conf ?? 1) ?? ctx.presets.get(1)!;
  return {
    card: event.before,
    config: schedulingConfig(preset),
    deck: current ? currentDeckOf(current) : NORMAL_DECK,
    deckDesiredRetention: deck?.desiredRetention ?? null,
    timing: event.timing,
    fsrs: ctx.fsrs,
    fsrsShortTermWithSteps: ctx.shortTermWithSteps,
    fuzz: ctx.fuzz,
    revlog: event.revlogBefore,
  };
}

/** Checks one recorded answer against Engram's pure state machine. */
export function checkAnswer(ctx: WorldContext, event: AnswerEvent, tally: Tally): void {
  if (!event.clockOk) {
    tally.skipped++;
    return;
  }
  const input = inputFor(ctx, event);
  const diff: Diff = { hard: [], soft: [] };
  try {
    const labels = describeNextStates(prepareCard(input), ctx.collapseTime).map((b) => b.label);
    if (labels.join('|') !== event.labels.join('|')) diff.hard.push(`labels: anki ${event.labels.join(' ')} engram ${labels.join(' ')}`);
    const outcome = answerCardPure(input, event.rating as Rating, { answeredAtMs: event.nowMs, timeTakenMs: event.ms });
    if (event.error) diff.hard.push(`anki refused (${event.error}) but engram answered`);
    else {
      const card = cardDiff(event.after, outcome.card);
      const revlog = event.revlog ? revlogDiff(event.revlog, outcome.revlog, ctx.fsrs) : { hard: [], soft: [] };
      diff.hard.push(...card.hard, ...revlog.hard);
      diff.soft.push(...card.soft, ...revlog.soft);
      if (outcome.leeched && !/ leech /i.test(event.tags)) diff.hard.push('engram leeched but anki did not tag');
    }
  } catch (error) {
    if (!event.error) diff.hard.push(`engram threw: ${(error as Error).message}`);
  }
  record(tally, diff, `card ${event.cid} rating ${event.rating} ${JSON.stringify(event.before)}`);
}
