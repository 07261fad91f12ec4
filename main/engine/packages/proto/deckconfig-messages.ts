/** DeckConfig.Config (proto/anki/deck_config.proto). */
import { ProtoWriter } from './wire';
import { decode, EMPTY } from './decode';

export interface DeckConfigMsg {
  learnSteps: number[];
  relearnSteps: number[];
  fsrsParams4: number[];
  easyDaysPercentages: number[];
  fsrsParams5: number[];
  fsrsParams6: number[];
  newPerDay: number;
  reviewsPerDay: number;
  initialEase: number;
  easyMultiplier: number;
  hardMultiplier: number;
  lapseMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  minimumLapseInterval: number;
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  newCardInsertOrder: number;
  leechAction: number;
  leechThreshold: number;
  disableAutoplay: boolean;
  capAnswerTimeToSecs: number;
  showTimer: boolean;
  skipQuestionWhenReplayingAnswer: boolean;
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
  newMix: number;
  interdayLearningMix: number;
  newCardSortOrder: number;
  reviewOrder: number;
  newCardGatherPriority: number;
  newPerDayMinimum: number;
  questionAction: number;
  desiredRetention: number;
  stopTimerOnAnswer: boolean;
  historicalRetention: number;
  secondsToShowQuestion: number;
  secondsToShowAnswer: number;
  answerAction: number;
  waitForAudio: boolean;
  paramSearch: string;
  ignoreRevlogsBeforeDate: string;
  other: Uint8Array;
}

export function emptyDeckConfig(): DeckConfigMsg {
  return {
    learnSteps: [], relearnSteps: [], fsrsParams4: [], easyDaysPercentages: [], fsrsParams5: [], fsrsParams6: [],
    newPerDay: 0, reviewsPerDay: 0, initialEase: 0, easyMultiplier: 0, hardMultiplier: 0, lapseMultiplier: 0,
    intervalMultiplier: 0, maximumReviewInterval: 0, minimumLapseInterval: 0, graduatingIntervalGood: 0,
    graduatingIntervalEasy: 0, newCardInsertOrder: 0, leechAction: 0, leechThreshold: 0, disableAutoplay: false,
    capAnswerTimeToSecs: 0, showTimer: false, skipQuestionWhenReplayingAnswer: false, buryNew: false,
    buryReviews: false, buryInterdayLearning: false, newMix: 0, interdayLearningMix: 0, newCardSortOrder: 0,
    reviewOrder: 0, newCardGatherPriority: 0, newPerDayMinimum: 0, questionAction: 0, desiredRetention: 0,
    stopTimerOnAnswer: false, historicalRetention: 0, secondsToShowQuestion: 0, secondsToShowAnswer: 0,
    answerAction: 0, waitForAudio: false, paramSearch: '', ignoreRevlogsBeforeDate: '', other: EMPTY,
  };
}

export function decodeDeckConfig(buf: Uint8Array): DeckConfigMsg {
  return decode(buf, emptyDeckConfig(), (m, r, f, w) => {
    switch (f) {
      case 1: r.floats(w, m.learnSteps); break;
      case 2: r.floats(w, m.relearnSteps); break;
      case 3: r.floats(w, m.fsrsParams4); break;
      case 4: r.floats(w, m.easyDaysPercentages); break;
      case 5: r.floats(w, m.fsrsParams5); break;
      case 6: r.floats(w, m.fsrsParams6); break;
      case 9: m.newPerDay = r.uint32(); break;
      case 10: m.reviewsPerDay = r.uint32(); break;
      case 11: m.initialEase = r.float(); break;
      case 12: m.easyMultiplier = r.float(); break;
      case 13: m.hardMultiplier = r.float(); break;
      case 14: m.lapseMultiplier = r.float(); break;
      case 15: m.intervalMultiplier = r.float(); break;
      case 16: m.maximumReviewInterval = r.uint32(); break;
      case 17: m.minimumLapseInterval = r.uint32(); break;
      case 18: m.graduatingIntervalGood = r.uint32(); break;
      case 19: m.graduatingIntervalEasy = r.uint32(); break;
      case 20: m.newCardInsertOrder = r.int32(); break;
      case 21: m.leechAction = r.int32(); break;
      case 22: m.leechThreshold = r.uint32(); break;
      case 23: m.disableAutoplay = r.bool(); break;
      case 24: m.capAnswerTimeToSecs = r.uint32(); break;
      case 25: m.showTimer = r.bool(); break;
      case 26: m.skipQuestionWhenReplayingAnswer = r.bool(); break;
      case 27: m.buryNew = r.bool(); break;
      case 28: m.buryReviews = r.bool(); break;
      case 29: m.buryInterdayLearning = r.bool(); break;
      case 30: m.newMix = r.int32(); break;
      case 31: m.interdayLearningMix = r.int32(); break;
      case 32: m.newCardSortOrder = r.int32(); break;
      case 33: m.reviewOrder = r.int32(); break;
      case 34: m.newCardGatherPriority = r.int32(); break;
      case 35: m.newPerDayMinimum = r.uint32(); break;
      case 36: m.questionAction = r.int32(); break;
      case 37: m.desiredRetention = r.float(); break;
      case 38: m.stopTimerOnAnswer = r.bool(); break;
      case 40: m.historicalRetention = r.float(); break;
      case 41: m.secondsToShowQuestion = r.float(); break;
      case 42: m.secondsToShowAnswer = r.float(); break;
      case 43: m.answerAction = r.int32(); break;
      case 44: m.waitForAudio = r.bool(); break;
      case 45: m.paramSearch = r.string(); break;
      case 46: m.ignoreRevlogsBeforeDate = r.string(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeDeckConfig(m: DeckConfigMsg): Uint8Array {
  return new ProtoWriter()
    .packedFloats(1, m.learnSteps)
    .packedFloats(2, m.relearnSteps)
    .packedFloats(3, m.fsrsParams4)
    .packedFloats(4, m.easyDaysPercentages)
    .packedFloats(5, m.fsrsParams5)
    .packedFloats(6, m.fsrsParams6)
    .varintField(9, m.newPerDay)
    .varintField(10, m.reviewsPerDay)
    .floatField(11, m.initialEase)
    .floatField(12, m.easyMultiplier)
    .floatField(13, m.hardMultiplier)
    .floatField(14, m.lapseMultiplier)
    .floatField(15, m.intervalMultiplier)
    .varintField(16, m.maximumReviewInterval)
    .varintField(17, m.minimumLapseInterval)
    .varintField(18, m.graduatingIntervalGood)
    .varintField(19, m.graduatingIntervalEasy)
    .varintField(20, m.newCardInsertOrder)
    .varintField(21, m.leechAction)
    .varintField(22, m.leechThreshold)
    .varintField(23, m.disableAutoplay)
    .varintField(24, m.capAnswerTimeToSecs)
    .varintField(25, m.showTimer)
    .varintField(26, m.skipQuestionWhenReplayingAnswer)
    .varintField(27, m.buryNew)
    .varintField(28, m.buryReviews)
    .varintField(29, m.buryInterdayLearning)
    .varintField(30, m.newMix)
    .varintField(31, m.interdayLearningMix)
    .varintField(32, m.newCardSortOrder)
    .varintField(33, m.reviewOrder)
    .varintField(34, m.newCardGatherPriority)
    .varintField(35, m.newPerDayMinimum)
    .varintField(36, m.questionAction)
    .floatField(37, m.desiredRetention)
    .varintField(38, m.stopTimerOnAnswer)
    .floatField(40, m.historicalRetention)
    .floatField(41, m.secondsToShowQuestion)
    .floatField(42, m.secondsToShowAnswer)
    .varintField(43, m.answerAction)
    .varintField(44, m.waitForAudio)
    .stringField(45, m.paramSearch)
    .stringField(46, m.ignoreRevlogsBeforeDate)
    .bytesField(255, m.other)
    .finish();
}
