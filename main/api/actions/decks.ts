import { action, ActionError, type ActionDefinition } from '../registry';
import { p } from '../params';
import type { Collection } from '../../engine/collection';
import type { DeckId } from '../../engine/model/types';
import { deckById, deckByName, ensureDeck } from '../../engine/decks/store';
import { decksInNameOrder } from '../../engine/decks/order';
import { moveCardsToDeck } from '../../engine/decks/move-cards';
import { removeDecksAndChildren } from '../../engine/decks/delete';
import {
  cloneDeckConfig,
  configForDeck,
  deckConfigIds,
  removeDeckConfig,
  saveLegacyDeckConfig,
  setDecksConfigId,
} from '../../engine/decks/config-ops';
import { pyInt, pyTruthy } from './decks/python';
import { deckStats } from './decks/stats';

const DEFAULT_DECK_ID = 1;

/** deckNames: Anki's order (parents before children, case-insensitive). */
function deckNames(col: Collection): string[] {
  return decksInNameOrder(col).map((d) => d.name);
}

/** The add-on tests `name in self.deckNames()`: exact, case-sensitive membership. */
function isExactDeckName(col: Collection, name: unknown): name is string {
  return typeof name === 'string' && deckNames(col).includes(name);
}

function deckNameOrDefault(col: Collection, id: DeckId | null | undefined): string {
  const deck = (id ? deckById(col, id) : undefined) ?? deckById(col, DEFAULT_DECK_ID);
  return deck?.name ?? 'Default';
}

export const deckActions: ActionDefinition[] = [
  action('deckNames', {}, (ctx) => deckNames(ctx.host.collection())),

  action('deckNamesAndIds', {}, (ctx) => {
    const col = ctx.host.collection();
    return Object.fromEntries(decksInNameOrder(col).map((d) => [d.name, d.id]));
  }),

  action('getDecks', { cards: p.array(p.id()) }, (ctx, { cards }) => {
    const col = ctx.host.collection();
    const deckOf = col.prepare('SELECT did FROM cards WHERE id = ?').pluck();
    const result: Record<string, number[]> = {};
    for (const card of cards) {
      // A missing card has no deck; Anki's decks.get(None) falls back to Default.
      const name = deckNameOrDefault(col, deckOf.get(card) as DeckId | undefined);
      (result[name] ??= []).push(card);
    }
    return result;
  }),

  action('createDeck', { deck: p.string() }, (ctx, { deck }) => ensureDeck(ctx.host.collection(), deck)),

  action('changeDeck', { cards: p.array(p.id()), deck: p.string() }, (ctx, { cards, deck }) => {
    const col = ctx.host.collection();
    col.transact(() => moveCardsToDeck(col, cards, ensureDeck(col, deck)));
    return null;
  }),

  action('deleteDecks', { decks: p.array(p.any()), cardsToo: p.optional(p.any(), false) }, (ctx, { decks, cardsToo }) => {
    if (!pyTruthy(cardsToo)) {
      throw new ActionError("Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well");
    }
    const col = ctx.host.collection();
    col.transact(() => {
      for (const name of decks) {
        // Checked one by one: a child listed after its parent is already gone.
        if (!isExactDeckName(col, name)) continue;
        const deck = deckByName(col, name);
        if (deck) removeDecksAndChildren(col, [deck.id]);
      }
    });
    return null;
  }),

  action('getDeckConfig', { deck: p.any() }, (ctx, { deck }) => {
    const col = ctx.host.collection();
    if (!isExactDeckName(col, deck)) return false;
    const found = deckByName(col, deck);
    if (!found) return false;
    // Filtered decks have no preset: the add-on returns the deck itself.
    if (found.dyn) return found;
    const conf = configForDeck(col, found.id);
    return conf ? { ...conf, dyn: false } : false;
  }),

  action('saveDeckConfig', { config: p.object() }, (ctx, { config }) => {
    if (!('id' in config)) throw new ActionError("'id'");
    const col = ctx.host.collection();
    const id = pyInt(typeof config.id === 'number' ? String(config.id) : config.id);
    return saveLegacyDeckConfig(col, id, config);
  }),

  action('setDeckConfigId', { decks: p.array(p.any()), configId: p.any() }, (ctx, { decks, configId }) => {
    const id = pyInt(configId);
    const col = ctx.host.collection();
    if (!decks.every((name) => isExactDeckName(col, name))) return false;
    const ids = decks.map((name) => deckByName(col, name as string)!.id);
    setDecksConfigId(col, ids, id);
    return true;
  }),

  action('cloneDeckConfigId', { name: p.string(), cloneFrom: p.optional(p.any(), '1') }, (ctx, { name, cloneFrom }) => {
    const sourceId = pyInt(cloneFrom);
    const col = ctx.host.collection();
    if (!deckConfigIds(col).includes(sourceId)) return false;
    return cloneDeckConfig(col, name, sourceId);
  }),

  action('removeDeckConfigId', { configId: p.any() }, (ctx, { configId }) => {
    const id = pyInt(configId);
    const col = ctx.host.collection();
    if (!deckConfigIds(col).includes(id)) return false;
    removeDeckConfig(col, id);
    return true;
  }),

  action('getDeckStats', { decks: p.array(p.string()) }, (ctx, { decks }) => {
    const col = ctx.host.collection();
    // decks.id(name) creates decks that do not exist; they then show up in the result.
    const wanted = new Set(col.transact(() => decks.map((name) => ensureDeck(col, name))));
    return deckStats(col, wanted);
  }),

  // Not in the spec. decks.get() falls back to Default for unknown or falsy ids.
  action('deckNameFromId', { deckId: p.any() }, (ctx, { deckId }) => {
    const col = ctx.host.collection();
    return deckNameOrDefault(col, pyTruthy(deckId) ? pyInt(deckId) : null);
  }),
];
