/**
 * Test support: compares the official engine's recorded answers (sched_sim.py)
 * with Engram's pure state machine, answer by answer.
 */
import type { CardRow, Deck, DeckConfig, RevlogRow } from '../model/types';
import { answerCardPure, NORMAL_DECK, prepareCard, type AnswerInput, type Rating } from './answer';
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

export type SimEvent = AnswerEvent | CountsEvent | { kind: 'advance'; days: number };

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
  worlds: WorldResult[];
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

export function newTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, failures: [] };
}

const CARD_FIELDS = ['did', 'odid', 'odue', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'mod', 'usn'] as const;
const REVLOG_FIELDS = ['cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'] as const;

/** Differences between two card rows; `data` compared key by key, floats within 1e-6. */
export function cardDiff(expected: CardRow, actual: CardRow): string[] {
  const diffs: string[] = [];
  for (const field of CARD_FIELDS) {
    if (expected[field] !== actual[field]) diffs.push(`${field}: anki ${expected[field]} engram ${actual[field]}`);
  }
  const a = parseCardData(expected.data) as Record<string, unknown>;
  const b = parseCardData(actual.data) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    const same = typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= 1e-6 : x === y;
    if (!same) diffs.push(`data.${key}: anki ${String(x)} engram ${String(y)}`);
  }
  if (expected.data !== actual.data && diffs.length === 0 && expected.data !== '' && actual.data !== '') {
    diffs.push(`data text: anki ${expected.data} engram ${actual.data}`);
  }
  return diffs;
}

export function revlogDiff(expected: RevlogRow, actual: RevlogRow): string[] {
  const diffs: string[] = [];
  for (const field of REVLOG_FIELDS) {
    if (expected[field] !== actual[field]) diffs.push(`revlog.${field}: anki ${expected[field]} engram ${actual[field]}`);
  }
  return diffs;
}

export interface WorldContext {
  fsrs: boolean;
  shortTermWithSteps: boolean;
  collapseTime: number;
  decks: Map<number, Deck>;
  presets: Map<number, DeckConfig>;
}

export function worldContext(world: WorldResult): WorldContext {
  const config = world.initial.config;
  return {
    fsrs: config.fsrs === true,
    shortTermWithSteps: config.fsrsShortTermWithStepsEnabled === true,
    collapseTime: typeof config.collapseTime === 'number' ? config.collapseTime : 1200,
    decks: new Map(world.initial.decks.map((d) => [d.id, d])),
    presets: new Map(world.initial.presets.map((p) => [p.id, p])),
  };
}

function inputFor(ctx: WorldContext, event: AnswerEvent): AnswerInput {
  const deck = ctx.decks.get(event.before.odid || event.before.did);
  const preset = ctx.presets.get(deck?.conf ?? 1) ?? ctx.presets.get(1)!;
  return {
    card: event.before,
    config: schedulingConfig(preset),
    deck: NORMAL_DECK,
    deckDesiredRetention: deck?.desiredRetention ?? null,
    timing: event.timing,
    fsrs: ctx.fsrs,
    fsrsShortTermWithSteps: ctx.shortTermWithSteps,
    fuzz: false,
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
  const diffs: string[] = [];
  try {
    const labels = describeNextStates(prepareCard(input), ctx.collapseTime).map((b) => b.label);
    if (labels.join('|') !== event.labels.join('|')) diffs.push(`labels: anki ${event.labels.join(' ')} engram ${labels.join(' ')}`);
    const outcome = answerCardPure(input, event.rating as Rating, { answeredAtMs: event.nowMs, timeTakenMs: event.ms });
    if (event.error) diffs.push(`anki refused (${event.error}) but engram answered`);
    else {
      diffs.push(...cardDiff(event.after, outcome.card));
      if (event.revlog) diffs.push(...revlogDiff(event.revlog, outcome.revlog));
      const taggedLeech = / leech /i.test(event.tags) && !event.revlogBefore.some(() => false);
      if (outcome.leeched && !taggedLeech) diffs.push('engram leeched but anki did not tag');
    }
  } catch (error) {
    if (!event.error) diffs.push(`engram threw: ${(error as Error).message}`);
  }
  if (diffs.length === 0) tally.passed++;
  else {
    tally.failed++;
    if (tally.failures.length < 25) {
      tally.failures.push(`card ${event.cid} rating ${event.rating} ${JSON.stringify(event.before)} → ${diffs.join('; ')}`);
    }
  }
}
