import type { Collection } from '../collection';
import type { DeckConfig, DeckConfigId, DeckId } from '../model/types';
import { EngineError } from '../errors';
import { defaultDeckConfig } from './defaults';
import { allDecks, deckById, saveDeck } from './store';
import { allDeckConfigs, deckConfigById, deleteDeckConfigRow, saveDeckConfig } from '../deckconfig/store';

const DEFAULT_CONFIG_ID = 1;

/** The preset a deck uses, or Default when its preset is gone (Anki's fallback). Filtered decks have none. */
export function configForDeck(col: Collection, deckId: DeckId): DeckConfig | undefined {
  const deck = deckById(col, deckId);
  if (!deck || deck.dyn) return undefined;
  return deckConfigById(col, deck.conf ?? DEFAULT_CONFIG_ID) ?? deckConfigById(col, DEFAULT_CONFIG_ID);
}

/** Points normal decks at a preset (the preset's existence is not checked, as in Anki). */
export function setDecksConfigId(col: Collection, deckIds: readonly DeckId[], configId: DeckConfigId): void {
  col.transact(() => {
    for (const id of deckIds) {
      const deck = deckById(col, id);
      if (deck && !deck.dyn) saveDeck(col, { ...deck, conf: configId });
    }
  });
}

/** A copy of a preset under a new name; returns the new id. */
export function cloneDeckConfig(col: Collection, name: string, sourceId: DeckConfigId): DeckConfigId {
  const source = deckConfigById(col, sourceId);
  if (!source) throw new EngineError('not-found', `deck options preset not found: ${sourceId}`);
  return col.transact(() => saveDeckConfig(col, { ...structuredClone(source), id: 0, name }).id);
}

/**
 * Deletes a preset; decks that used it go back to Default. The Default preset
 * cannot be deleted. Marks the schema changed, as Anki does.
 */
export function removeDeckConfig(col: Collection, configId: DeckConfigId): void {
  if (configId === DEFAULT_CONFIG_ID) throw new EngineError('invalid', "can't delete default conf");
  if (!deckConfigById(col, configId)) throw new EngineError('not-found', `deck options preset not found: ${configId}`);
  col.transact(() => {
    for (const deck of allDecks(col)) {
      if (!deck.dyn && deck.conf === configId) saveDeck(col, { ...deck, conf: DEFAULT_CONFIG_ID });
    }
    deleteDeckConfigRow(col, configId);
    col.markSchemaChanged();
  });
}

export function deckConfigIds(col: Collection): DeckConfigId[] {
  return allDeckConfigs(col).map((c) => c.id);
}

type Check = (value: unknown) => boolean;
const isNum: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBool: Check = (v) => typeof v === 'boolean';
const isStr: Check = (v) => typeof v === 'string';
const isNumList: Check = (v) => Array.isArray(v) && v.every(isNum);

/** Keys Anki's legacy preset parser requires, with their types (rslib deckconfig/schema11.rs). */
const REQUIRED_TOP: Record<string, Check> = { name: isStr, maxTaken: isNum, autoplay: isBool, usn: isNum };
const REQUIRED_NESTED: Record<'new' | 'rev' | 'lapse', Record<string, Check>> = {
  new: { initialFactor: isNum, ints: isNumList, delays: isNumList },
  rev: { ease4: isNum, ivlFct: isNum, maxIvl: isNum },
  lapse: { delays: isNumList, leechFails: isNum, minInt: isNum, mult: isNum },
};
const OPTIONAL_TYPED: Record<string, Check> = { replayq: isBool, newMix: isNum, reviewOrder: isNum, desiredRetention: isNum };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function legacyConfigIsValid(input: Record<string, unknown>): boolean {
  for (const [key, check] of Object.entries(REQUIRED_TOP)) if (!check(input[key])) return false;
  for (const [key, check] of Object.entries(OPTIONAL_TYPED)) if (key in input && !check(input[key])) return false;
  for (const [section, keys] of Object.entries(REQUIRED_NESTED)) {
    const value = input[section];
    if (!isRecord(value)) return false;
    for (const [key, check] of Object.entries(keys)) if (!check(value[key])) return false;
  }
  return true;
}

/**
 * Saves a preset given as Anki's legacy JSON (what getDeckConfig returns).
 * Like Anki's parser, keys left out get their defaults and unknown keys are kept.
 * Returns false when the id is not an existing preset or the JSON does not parse as a preset.
 */
export function saveLegacyDeckConfig(col: Collection, id: DeckConfigId, input: Record<string, unknown>): boolean {
  if (!deckConfigById(col, id) || !legacyConfigIsValid(input)) return false;
  const base = defaultDeckConfig(id, String(input.name), col.nowSecs());
  const merged: DeckConfig = {
    ...base,
    ...input,
    new: { ...base.new, ...(input.new as object) },
    rev: { ...base.rev, ...(input.rev as object) },
    lapse: { ...base.lapse, ...(input.lapse as object) },
    id,
    dyn: false,
  };
  col.transact(() => saveDeckConfig(col, merged));
  return true;
}
