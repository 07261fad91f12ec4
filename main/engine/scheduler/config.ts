import type { DeckConfig } from '../model/types';
import { f32, toU32 } from './f32';

/** A preset's scheduling options in rslib's units (deckconfig/schema11.rs `From<DeckConfSchema11>`). */
export interface SchedulingConfig {
  /** Minutes, f32. */
  learnSteps: number[];
  relearnSteps: number[];
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  initialEase: number;
  hardMultiplier: number;
  easyMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  lapseMultiplier: number;
  minimumLapseInterval: number;
  leechThreshold: number;
  /** 0 = suspend, 1 = tag only. */
  leechAction: number;
  capAnswerTimeToSecs: number;
  newPerDay: number;
  reviewsPerDay: number;
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
  /** Raw preset params: FSRS-6, else 5, else 4 (may be empty = defaults). */
  fsrsParams: number[];
  desiredRetention: number;
  historicalRetention: number;
  ignoreRevlogsBeforeDate: string;
  newMix: number;
  interdayLearningMix: number;
  reviewOrder: number;
  newSortOrder: number;
  newGatherPriority: number;
}

export const LEECH_ACTION_SUSPEND = 0;

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function u32(value: unknown, fallback: number): number {
  return toU32(num(value, fallback));
}

function floats(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number').map((v) => f32(v)) : [];
}

function pickFsrsParams(conf: DeckConfig): number[] {
  const six = floats(conf.fsrsParams6);
  if (six.length) return six;
  const five = floats(conf.fsrsParams5);
  if (five.length) return five;
  return floats(conf.fsrsWeights);
}

/** Reads a legacy preset; missing or odd values fall back to Anki's defaults. */
export function schedulingConfig(conf: DeckConfig): SchedulingConfig {
  const n = (conf.new ?? {}) as Partial<DeckConfig['new']>;
  const r = (conf.rev ?? {}) as Partial<DeckConfig['rev']>;
  const l = (conf.lapse ?? {}) as Partial<DeckConfig['lapse']>;
  const ints = Array.isArray(n.ints) ? n.ints : [1, 4, 0];
  return {
    learnSteps: floats(n.delays ?? [1, 10]),
    relearnSteps: floats(l.delays ?? [10]),
    graduatingIntervalGood: u32(ints[0], 1),
    graduatingIntervalEasy: u32(ints[1], 4),
    initialEase: f32(num(n.initialFactor, 2500) / 1000),
    hardMultiplier: f32(num(r.hardFactor, 1.2)),
    easyMultiplier: f32(num(r.ease4, 1.3)),
    intervalMultiplier: f32(num(r.ivlFct, 1)),
    maximumReviewInterval: u32(r.maxIvl, 36500),
    lapseMultiplier: f32(num(l.mult, 0)),
    minimumLapseInterval: u32(l.minInt, 1),
    leechThreshold: u32(l.leechFails, 8),
    leechAction: num(l.leechAction, 1),
    capAnswerTimeToSecs: u32(conf.maxTaken, 60),
    newPerDay: u32(n.perDay, 20),
    reviewsPerDay: u32(r.perDay, 200),
    buryNew: n.bury === true,
    buryReviews: r.bury === true,
    buryInterdayLearning: conf.buryInterdayLearning === true,
    fsrsParams: pickFsrsParams(conf),
    desiredRetention: f32(num(conf.desiredRetention, 0.9)),
    historicalRetention: f32(num(conf.sm2Retention, 0.9)),
    ignoreRevlogsBeforeDate: typeof conf.ignoreRevlogsBeforeDate === 'string' ? conf.ignoreRevlogsBeforeDate : '',
    newMix: num(conf.newMix, 0),
    interdayLearningMix: num(conf.interdayLearningMix, 0),
    reviewOrder: num(conf.reviewOrder, 0),
    newSortOrder: num(conf.newSortOrder, 0),
    newGatherPriority: num(conf.newGatherPriority, 0),
  };
}

/** `ignore_revlogs_before_date` ("YYYY-MM-DD", UTC midnight) as ms; 0 when unset or invalid. */
export function ignoreRevlogsBeforeMs(date: string): number {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (!match) return 0;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const cachedConfigs = new WeakMap<DeckConfig, SchedulingConfig>();

/**
 * `schedulingConfig` remembered per preset object: the preset cache hands out
 * the same object until the preset is saved (which replaces it), so a batch of
 * answers reads each preset once. The result must not be changed.
 */
export function schedulingConfigOf(conf: DeckConfig): SchedulingConfig {
  let config = cachedConfigs.get(conf);
  if (!config) {
    config = schedulingConfig(conf);
    cachedConfigs.set(conf, config);
  }
  return config;
}
