/**
 * Deck-options presets between Anki's schema-18 `DeckConfig.Config` protobuf and
 * the legacy JSON Engram stores (rslib/src/deckconfig/schema11.rs).
 */
import type { DeckConfig } from '../../model/types';
import type { DeckConfigMsg } from '../proto/messages';
import { isJsonObject } from '../json';
import {
  asArray,
  asBool,
  asFloats,
  asInt,
  asNumber,
  asString,
  collectOther,
  f32,
  otherFromBytes,
  otherToBytes,
  type JsonObject,
} from './values';

export interface DeckConfigRecord {
  id: number;
  name: string;
  mtime: number;
  usn: number;
  config: DeckConfigMsg;
}

const TOP_KEYS = new Set([
  'id', 'newSortOrder', 'replayq', 'newPerDayMinimum', 'usn', 'autoplay', 'dyn', 'maxTaken', 'reviewOrder',
  'buryInterdayLearning', 'newMix', 'mod', 'timer', 'name', 'interdayLearningMix', 'newGatherPriority', 'fsrsWeights',
  'fsrsParams5', 'fsrsParams6', 'desiredRetention', 'stopTimerOnAnswer', 'secondsToShowQuestion',
  'secondsToShowAnswer', 'questionAction', 'answerAction', 'waitForAudio', 'sm2Retention', 'weightSearch',
  'ignoreRevlogsBeforeDate', 'easyDaysPercentages',
]);
const NEW_KEYS = new Set(['order', 'delays', 'bury', 'perDay', 'initialFactor', 'ints']);
const REV_KEYS = new Set(['maxIvl', 'hardFactor', 'ease4', 'ivlFct', 'perDay', 'bury']);
const LAPSE_KEYS = new Set(['leechFails', 'mult', 'leechAction', 'delays', 'minInt']);
const SUB_KEYS = new Set(['new', 'rev', 'lapse']);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function withDefault(source: Record<string, unknown>, key: string, fallback: number): number {
  return source[key] === undefined ? fallback : asNumber(source[key], fallback);
}

/** Legacy preset JSON → schema-18 record (defaults as serde applies them). */
export function deckConfigFromLegacy(raw: unknown): DeckConfigRecord {
  const c = record(raw);
  const nw = record(c.new);
  const rev = record(c.rev);
  const lapse = record(c.lapse);
  const other: JsonObject = collectOther(c, new Set([...TOP_KEYS, ...SUB_KEYS]));
  for (const [key, source, known] of [
    ['new', nw, NEW_KEYS],
    ['rev', rev, REV_KEYS],
    ['lapse', lapse, LAPSE_KEYS],
  ] as const) {
    const extra = collectOther(source, known);
    if (Object.keys(extra).length) other[key] = extra;
  }
  const ints = asArray(nw.ints);
  const hasInts = ints.length >= 2;
  const newOrder = nw.order === undefined ? 1 : asInt(nw.order, 1);
  const config: DeckConfigMsg = {
    learnSteps: nw.delays === undefined ? [1, 10] : asFloats(nw.delays),
    relearnSteps: lapse.delays === undefined ? [10] : asFloats(lapse.delays),
    fsrsParams4: asFloats(c.fsrsWeights),
    easyDaysPercentages: asFloats(c.easyDaysPercentages),
    fsrsParams5: asFloats(c.fsrsParams5),
    fsrsParams6: asFloats(c.fsrsParams6),
    newPerDay: Math.max(0, asInt(nw.perDay, 20)),
    reviewsPerDay: Math.max(0, asInt(rev.perDay, 200)),
    initialEase: asInt(nw.initialFactor, 2500) / 1000,
    easyMultiplier: withDefault(rev, 'ease4', 1.3),
    hardMultiplier: withDefault(rev, 'hardFactor', 1.2),
    lapseMultiplier: withDefault(lapse, 'mult', 0),
    intervalMultiplier: withDefault(rev, 'ivlFct', 1),
    maximumReviewInterval: Math.max(0, asInt(rev.maxIvl, 36500)),
    minimumLapseInterval: Math.max(0, asInt(lapse.minInt, 1)),
    graduatingIntervalGood: hasInts ? asInt(ints[0]) : 1,
    graduatingIntervalEasy: hasInts ? asInt(ints[1]) : 4,
    newCardInsertOrder: newOrder === 0 ? 1 : 0,
    leechAction: asInt(lapse.leechAction, 1) === 0 ? 0 : 1,
    leechThreshold: Math.max(0, asInt(lapse.leechFails, 8)),
    disableAutoplay: !asBool(c.autoplay, true),
    capAnswerTimeToSecs: Math.max(0, asInt(c.maxTaken, 60)),
    showTimer: asInt(c.timer) !== 0,
    skipQuestionWhenReplayingAnswer: !asBool(c.replayq, false),
    buryNew: asBool(nw.bury),
    buryReviews: asBool(rev.bury),
    buryInterdayLearning: asBool(c.buryInterdayLearning),
    newMix: asInt(c.newMix),
    interdayLearningMix: asInt(c.interdayLearningMix),
    newCardSortOrder: asInt(c.newSortOrder),
    reviewOrder: asInt(c.reviewOrder),
    newCardGatherPriority: asInt(c.newGatherPriority),
    newPerDayMinimum: Math.max(0, asInt(c.newPerDayMinimum)),
    questionAction: asInt(c.questionAction),
    desiredRetention: asNumber(c.desiredRetention, 0),
    stopTimerOnAnswer: asBool(c.stopTimerOnAnswer),
    historicalRetention: asNumber(c.sm2Retention, 0),
    secondsToShowQuestion: asNumber(c.secondsToShowQuestion, 0),
    secondsToShowAnswer: asNumber(c.secondsToShowAnswer, 0),
    answerAction: asInt(c.answerAction),
    waitForAudio: c.waitForAudio === undefined ? true : asBool(c.waitForAudio),
    paramSearch: asString(c.weightSearch),
    ignoreRevlogsBeforeDate: asString(c.ignoreRevlogsBeforeDate),
    other: otherToBytes(other),
  };
  return { id: asInt(c.id), name: asString(c.name), mtime: asInt(c.mod), usn: asInt(c.usn), config };
}

function split(other: JsonObject, key: string, known: ReadonlySet<string>): JsonObject {
  const value = other[key];
  delete other[key];
  if (!isJsonObject(value)) return {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!known.has(k)) out[k] = v;
  return out;
}

type NumericKey = { [K in keyof DeckConfigMsg]: DeckConfigMsg[K] extends number ? K : never }[keyof DeckConfigMsg];

/** [field, default, min, max]: out-of-range or NaN values read as the default (ensure_deck_config_values_valid). */
const VALID_RANGES: [NumericKey, number, number, number][] = [
  ['newPerDay', 20, 0, 9999],
  ['reviewsPerDay', 200, 0, 9999],
  ['newPerDayMinimum', 0, 0, 9999],
  ['initialEase', 2.5, 1.31, 5],
  ['easyMultiplier', 1.3, 1, 5],
  ['hardMultiplier', 1.2, 0.5, 1.3],
  ['lapseMultiplier', 0, 0, 1],
  ['intervalMultiplier', 1, 0.5, 2],
  ['maximumReviewInterval', 36500, 1, 36500],
  ['minimumLapseInterval', 1, 1, 36500],
  ['graduatingIntervalGood', 1, 1, 36500],
  ['graduatingIntervalEasy', 4, 1, 36500],
  ['leechThreshold', 8, 1, 9999],
  ['capAnswerTimeToSecs', 60, 1, 9999],
  ['desiredRetention', 0.9, 0.7, 0.99],
  ['historicalRetention', 0.9, 0.7, 0.97],
];

/** What Anki reads back from storage: invalid numbers replaced by defaults (f32 bounds). */
export function validDeckConfig(msg: DeckConfigMsg): DeckConfigMsg {
  const out = { ...msg };
  for (const [key, fallback, min, max] of VALID_RANGES) {
    const value = out[key];
    if (Number.isNaN(value) || value < Math.fround(min) || value > Math.fround(max)) out[key] = Math.fround(fallback);
  }
  return out;
}

/** Schema-18 record → Engram's preset (Anki's legacy JSON shape), validated as Anki reads it. */
export function deckConfigToEngram(rec: DeckConfigRecord): DeckConfig {
  const i = validDeckConfig(rec.config);
  const top = otherFromBytes(i.other, new Set<string>());
  const newOther = split(top, 'new', NEW_KEYS);
  const revOther = split(top, 'rev', REV_KEYS);
  const lapseOther = split(top, 'lapse', LAPSE_KEYS);
  for (const key of TOP_KEYS) delete top[key];
  const answerAction = i.answerAction >= 1 && i.answerAction <= 4 ? i.answerAction : 0;
  return {
    id: rec.id,
    mod: rec.mtime,
    name: rec.name,
    usn: rec.usn,
    maxTaken: i.capAnswerTimeToSecs,
    autoplay: !i.disableAutoplay,
    timer: i.showTimer ? 1 : 0,
    replayq: !i.skipQuestionWhenReplayingAnswer,
    new: {
      bury: i.buryNew,
      delays: i.learnSteps.map(f32),
      initialFactor: Math.trunc(Math.fround(Math.fround(i.initialEase) * 1000)),
      ints: [i.graduatingIntervalGood, i.graduatingIntervalEasy, 0],
      order: i.newCardInsertOrder === 1 ? 0 : 1,
      perDay: i.newPerDay,
      ...newOther,
    },
    rev: {
      bury: i.buryReviews,
      ease4: f32(i.easyMultiplier),
      ivlFct: f32(i.intervalMultiplier),
      maxIvl: i.maximumReviewInterval,
      perDay: i.reviewsPerDay,
      hardFactor: f32(i.hardMultiplier),
      ...revOther,
    },
    lapse: {
      delays: i.relearnSteps.map(f32),
      leechAction: i.leechAction === 1 ? 1 : 0,
      leechFails: i.leechThreshold,
      minInt: i.minimumLapseInterval,
      mult: f32(i.lapseMultiplier),
      ...lapseOther,
    },
    dyn: false,
    newMix: i.newMix,
    newPerDayMinimum: i.newPerDayMinimum,
    interdayLearningMix: i.interdayLearningMix,
    reviewOrder: i.reviewOrder,
    newSortOrder: i.newCardSortOrder,
    newGatherPriority: i.newCardGatherPriority,
    buryInterdayLearning: i.buryInterdayLearning,
    fsrsWeights: i.fsrsParams4.map(f32),
    fsrsParams5: i.fsrsParams5.map(f32),
    fsrsParams6: i.fsrsParams6.map(f32),
    desiredRetention: f32(i.desiredRetention),
    ignoreRevlogsBeforeDate: i.ignoreRevlogsBeforeDate,
    easyDaysPercentages: i.easyDaysPercentages.map(f32),
    stopTimerOnAnswer: i.stopTimerOnAnswer,
    secondsToShowQuestion: f32(i.secondsToShowQuestion),
    secondsToShowAnswer: f32(i.secondsToShowAnswer),
    questionAction: i.questionAction === 1 ? 1 : 0,
    answerAction,
    waitForAudio: i.waitForAudio,
    sm2Retention: f32(i.historicalRetention),
    weightSearch: i.paramSearch,
    ...top,
  };
}
