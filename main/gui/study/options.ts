import type { Collection } from '../../engine/collection';
import type { DeckConfig, DeckConfigId, DeckId } from '../../engine/model/types';
import type { DeckOptionsData, PresetSettings } from '../../../shared/bridge/study';
import { EngineError } from '../../engine/errors';
import { allDecks, requireDeck } from '../../engine/decks/store';
import { allDeckConfigs, deckConfigById, saveDeckConfig } from '../../engine/deckconfig/store';
import { defaultDeckConfig } from '../../engine/decks/defaults';
import { cloneDeckConfig, removeDeckConfig, setDecksConfigId } from '../../engine/decks/config-ops';

const LEECH_SUSPEND = 0;
const LEECH_TAG = 1;

export function presetSettings(conf: DeckConfig): PresetSettings {
  return {
    id: conf.id,
    name: conf.name,
    newPerDay: conf.new.perDay,
    reviewsPerDay: conf.rev.perDay,
    learnSteps: [...conf.new.delays],
    relearnSteps: [...conf.lapse.delays],
    graduatingInterval: conf.new.ints[0] ?? 1,
    easyInterval: conf.new.ints[1] ?? 4,
    startingEase: conf.new.initialFactor / 1000,
    easyBonus: conf.rev.ease4,
    hardInterval: conf.rev.hardFactor ?? 1.2,
    intervalModifier: conf.rev.ivlFct,
    maximumInterval: conf.rev.maxIvl,
    newInterval: conf.lapse.mult,
    minimumInterval: conf.lapse.minInt,
    leechThreshold: conf.lapse.leechFails,
    leechAction: conf.lapse.leechAction === LEECH_SUSPEND ? 'suspend' : 'tag',
    buryNew: conf.new.bury,
    buryReviews: conf.rev.bury,
    buryInterdayLearning: conf.buryInterdayLearning === true,
    desiredRetention: conf.desiredRetention ?? 0.9,
    maxAnswerSecs: conf.maxTaken,
    showTimer: conf.timer === 1,
    autoplay: conf.autoplay,
  };
}

/** Anki's valid ranges (deck_config.proto / ensure_deck_config_values_valid). */
const RANGES: Partial<Record<keyof PresetSettings, [number, number, boolean]>> = {
  newPerDay: [0, 9999, true],
  reviewsPerDay: [0, 9999, true],
  graduatingInterval: [1, 36500, true],
  easyInterval: [1, 36500, true],
  startingEase: [1.31, 5, false],
  easyBonus: [1, 5, false],
  hardInterval: [0.5, 1.3, false],
  intervalModifier: [0.5, 2, false],
  maximumInterval: [1, 36500, true],
  newInterval: [0, 1, false],
  minimumInterval: [1, 36500, true],
  leechThreshold: [1, 9999, true],
  desiredRetention: [0.7, 0.99, false],
  maxAnswerSecs: [1, 9999, true],
};

const STEP_MAX_MINUTES = 36500 * 1440;

function validate(settings: PresetSettings): void {
  if (!settings.name.trim()) throw new EngineError('invalid', 'the preset needs a name');
  for (const [key, [min, max, integer]] of Object.entries(RANGES) as [keyof PresetSettings, [number, number, boolean]][]) {
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new EngineError('invalid', `${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
  }
  for (const steps of [settings.learnSteps, settings.relearnSteps]) {
    if (!steps.every((s) => Number.isFinite(s) && s > 0 && s <= STEP_MAX_MINUTES)) {
      throw new EngineError('invalid', 'learning steps must be positive durations');
    }
  }
}

/** Writes the edited values into the preset, keeping every key the screen does not edit. */
export function applyPresetSettings(conf: DeckConfig, settings: PresetSettings): DeckConfig {
  validate(settings);
  const next = structuredClone(conf);
  next.name = settings.name.trim();
  next.new.perDay = settings.newPerDay;
  next.rev.perDay = settings.reviewsPerDay;
  next.new.delays = [...settings.learnSteps];
  next.lapse.delays = [...settings.relearnSteps];
  next.new.ints = [settings.graduatingInterval, settings.easyInterval, next.new.ints[2] ?? 0];
  next.new.initialFactor = Math.round(settings.startingEase * 1000);
  next.rev.ease4 = settings.easyBonus;
  next.rev.hardFactor = settings.hardInterval;
  next.rev.ivlFct = settings.intervalModifier;
  next.rev.maxIvl = settings.maximumInterval;
  next.lapse.mult = settings.newInterval;
  next.lapse.minInt = settings.minimumInterval;
  next.lapse.leechFails = settings.leechThreshold;
  next.lapse.leechAction = settings.leechAction === 'suspend' ? LEECH_SUSPEND : LEECH_TAG;
  next.new.bury = settings.buryNew;
  next.rev.bury = settings.buryReviews;
  next.buryInterdayLearning = settings.buryInterdayLearning;
  next.desiredRetention = settings.desiredRetention;
  next.maxTaken = settings.maxAnswerSecs;
  next.timer = settings.showTimer ? 1 : 0;
  next.autoplay = settings.autoplay;
  return next;
}

export function deckOptions(col: Collection, deckId: DeckId): DeckOptionsData {
  const deck = requireDeck(col, deckId);
  const usage = new Map<DeckConfigId, number>();
  for (const d of allDecks(col)) if (!d.dyn) usage.set(d.conf ?? 1, (usage.get(d.conf ?? 1) ?? 0) + 1);
  const presets = allDeckConfigs(col)
    .map((conf) => ({ ...presetSettings(conf), deckCount: usage.get(conf.id) ?? 0 }))
    .sort((a, b) => (a.id === 1 ? -1 : b.id === 1 ? 1 : a.name.localeCompare(b.name)));
  const presetId = deck.conf && deckConfigById(col, deck.conf) ? deck.conf : 1;
  return { deckId, deckName: deck.name, filtered: deck.dyn === 1, presetId, presets, fsrs: col.getConfig<boolean>('fsrs', false) };
}

/** Saves the preset's values, points the deck at it, and sets the collection-wide FSRS switch. */
export function saveDeckOptions(col: Collection, deckId: DeckId, settings: PresetSettings, fsrs: boolean): void {
  const deck = requireDeck(col, deckId);
  if (deck.dyn) throw new EngineError('invalid', 'filtered decks have no options preset');
  const conf = deckConfigById(col, settings.id);
  if (!conf) throw new EngineError('not-found', `deck options preset not found: ${settings.id}`);
  const next = applyPresetSettings(conf, settings);
  col.transact(() => {
    saveDeckConfig(col, next);
    setDecksConfigId(col, [deckId], next.id);
    if (col.getConfig<boolean>('fsrs', false) !== fsrs) col.setConfig('fsrs', fsrs);
  });
}

/** A new preset (Anki's defaults, or a clone) used by the deck; returns its id. */
export function addPreset(col: Collection, deckId: DeckId, name: string, cloneFrom: DeckConfigId | null): DeckConfigId {
  requireDeck(col, deckId);
  if (!name.trim()) throw new EngineError('invalid', 'the preset needs a name');
  return col.transact(() => {
    const id =
      cloneFrom === null
        ? saveDeckConfig(col, defaultDeckConfig(0, name.trim(), col.nowSecs())).id
        : cloneDeckConfig(col, name.trim(), cloneFrom);
    setDecksConfigId(col, [deckId], id);
    return id;
  });
}

export function renamePreset(col: Collection, id: DeckConfigId, name: string): void {
  const conf = deckConfigById(col, id);
  if (!conf) throw new EngineError('not-found', `deck options preset not found: ${id}`);
  if (!name.trim()) throw new EngineError('invalid', 'the preset needs a name');
  col.transact(() => saveDeckConfig(col, { ...structuredClone(conf), name: name.trim() }));
}

export function removePreset(col: Collection, id: DeckConfigId): void {
  removeDeckConfig(col, id);
}
