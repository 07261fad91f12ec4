import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { deckByName, ensureDeck } from '../../engine/decks/store';
import { deckConfigById } from '../../engine/deckconfig/store';
import { addPreset, applyPresetSettings, deckOptions, presetSettings, removePreset, renamePreset, saveDeckOptions } from './options';
import { tempCollection } from './fixtures.testkit';

let col: Collection;
let deckId: number;

beforeEach(() => {
  col = tempCollection();
  deckId = ensureDeck(col, 'Opts');
});
afterEach(() => col.close());

describe('deck options', () => {
  it('reads the Default preset in the units the screen edits', () => {
    const data = deckOptions(col, deckId);
    expect(data.presetId).toBe(1);
    expect(data.fsrs).toBe(false);
    expect(data.presets[0]).toMatchObject({
      name: 'Default',
      newPerDay: 20,
      reviewsPerDay: 200,
      learnSteps: [1, 10],
      relearnSteps: [10],
      graduatingInterval: 1,
      easyInterval: 4,
      startingEase: 2.5,
      leechAction: 'tag',
      deckCount: 2,
    });
  });

  it('saves edits into the legacy JSON, keeping keys it does not edit, and the FSRS switch', () => {
    const settings = { ...presetSettings(deckConfigById(col, 1)!), newPerDay: 5, learnSteps: [2, 30, 1440], startingEase: 2.3, leechAction: 'suspend' as const };
    saveDeckOptions(col, deckId, settings, true);
    const conf = deckConfigById(col, 1)!;
    expect(conf.new).toMatchObject({ perDay: 5, delays: [2, 30, 1440], initialFactor: 2300, order: 1 });
    expect(conf.lapse.leechAction).toBe(0);
    expect(conf.weightSearch).toBe('');
    expect(col.getConfig('fsrs', false)).toBe(true);
  });

  it('refuses values outside Anki’s ranges', () => {
    const base = presetSettings(deckConfigById(col, 1)!);
    expect(() => applyPresetSettings(deckConfigById(col, 1)!, { ...base, startingEase: 9 })).toThrow('startingEase must be a number from 1.31 to 5');
    expect(() => applyPresetSettings(deckConfigById(col, 1)!, { ...base, newPerDay: 2.5 })).toThrow('whole number');
    expect(() => applyPresetSettings(deckConfigById(col, 1)!, { ...base, learnSteps: [0] })).toThrow('positive');
    expect(() => applyPresetSettings(deckConfigById(col, 1)!, { ...base, name: ' ' })).toThrow('needs a name');
  });

  it('adds, clones, renames and removes presets; the deck follows', () => {
    const fresh = addPreset(col, deckId, 'Fresh', null);
    expect(deckByName(col, 'Opts')!.conf).toBe(fresh);
    saveDeckOptions(col, deckId, { ...presetSettings(deckConfigById(col, fresh)!), newPerDay: 7 }, false);
    const clone = addPreset(col, deckId, 'Clone', fresh);
    expect(deckConfigById(col, clone)!.new.perDay).toBe(7);
    renamePreset(col, clone, 'Renamed');
    expect(deckConfigById(col, clone)!.name).toBe('Renamed');
    removePreset(col, clone);
    expect(deckByName(col, 'Opts')!.conf).toBe(1);
    expect(() => removePreset(col, 1)).toThrow("can't delete default conf");
  });
});
