import { action, ActionError, type ActionContext, type ActionDefinition } from '../../registry';
import { p } from '../../params';
import type { SourceLimits } from '../../../engine/media';
import { findCards } from '../../../engine/search';
import { requireNote } from '../../../engine/notes/query';
import { notetypeById } from '../../../engine/notetypes/store';
import type { Notetype } from '../../../engine/model/types';
import { NameLookup } from '../notes/lookup';
import { attachNoteMedia } from '../notes/media';
import { fieldOrd, parseTags } from '../notes/draft';
import { isPyDict, pyContains, pyItem, pyItems, pyStr } from '../notes/python';
import { pyTruthy } from '../decks/python';
import { addRequestsFor } from '../../../gui/edit/add-requests';
import { browserConfig, saveBrowserConfig } from '../../../gui/edit/browser-config';
import { sendEditCommand } from '../../../gui/edit/commands';
import { isSortableColumn, type BrowserSort } from '../../../../shared/bridge/edit';
import type { BridgeHub } from '../../../gui/hub';

/** What guiAddNoteSetData answers, as a successful result, when the Add screen is not open. */
export const ADD_DIALOG_NOT_OPEN = { error: 'Add Note dialog is not open', code: 1 } as const;

/** How often a waiting guiAddCards checks that its window is still there. */
const WINDOW_POLL_MS = 1000;

function mediaLimits(ctx: ActionContext): Partial<SourceLimits> {
  const settings = ctx.host.settings();
  return { maxSourceBytes: settings.maxMediaSourceBytes, timeoutMs: settings.webTimeout };
}

/** Sends a command to the window; a window that fails to answer does not fail the action. */
async function tell<T>(send: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await send();
  } catch (error) {
    console.error(`[gui] ${error instanceof Error ? error.message : String(error)}`);
    return fallback;
  }
}

/** guiBrowse's reorderCards, checked in the add-on's order and with its texts. */
function readReorder(ctx: ActionContext, value: unknown): BrowserSort | null {
  if (value === null) return null;
  if (!isPyDict(value)) throw new ActionError(`reorderCards should be a dict: ${pyStr(value)}`);
  if (!('columnId' in value && 'order' in value)) throw new ActionError('Must provide a "columnId" and a "order" property"');
  const order = value.order;
  if (order !== 'ascending' && order !== 'descending') throw new ActionError(`invalid card order: ${pyStr(order)}`);
  const config = browserConfig(ctx.host.collection());
  const visible: readonly string[] = config.columns[config.mode];
  const column = value.columnId;
  if (typeof column !== 'string' || !visible.includes(column)) throw new ActionError(`invalid columnId: ${pyStr(column)}`);
  return { column: column as BrowserSort['column'], descending: order === 'descending' };
}

/** Resolves when the guiAddCards request is answered, or with 0 once no window is left to answer it. */
function whileAttached(hub: BridgeHub, result: Promise<number>, giveUp: () => void): Promise<number> {
  const timer = setInterval(() => {
    if (!hub.attached) giveUp();
  }, WINDOW_POLL_MS);
  return result.finally(() => clearInterval(timer));
}

function fieldsByName(notetype: Notetype, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(notetype.flds.map((f, i) => [f.name, values[i] ?? '']));
}

/** guiAddCards: the add-on's checks and side effects, then the Add screen filled in. */
async function guiAddCards(ctx: ActionContext, note: unknown): Promise<number> {
  const col = ctx.host.collection();
  let preset = {};
  let closeAfterAdding = false;
  if (note !== null) {
    const lookup = new NameLookup(col);
    const deckName = pyItem(note, 'deckName');
    const deck = typeof deckName === 'string' ? lookup.deck(deckName) : undefined;
    if (!deck) throw new ActionError(`deck was not found: ${pyStr(deckName)}`);
    const modelName = pyItem(note, 'modelName');
    const notetype = typeof modelName === 'string' ? lookup.notetype(modelName) : undefined;
    if (!notetype) throw new ActionError(`model was not found: ${pyStr(modelName)}`);
    const fields = notetype.flds.map(() => '');
    if (pyContains(note, 'fields')) {
      for (const [name, value] of pyItems(pyItem(note, 'fields'))) {
        const ord = fieldOrd(notetype, name);
        if (ord >= 0) fields[ord] = typeof value === 'string' ? value : pyStr(value);
      }
    }
    await attachNoteMedia(col, notetype, fields, note, mediaLimits(ctx));
    const tags = pyContains(note, 'tags') ? parseTags(pyItem(note, 'tags')) : [];
    closeAfterAdding = readCloseAfterAdding(note);
    // The add-on selects the deck and note type, as the Add dialog remembers them.
    col.transact(() => {
      col.setConfig('curDeck', deck.id);
      col.setConfig('curModel', notetype.id);
    });
    preset = { notetypeId: notetype.id, deckId: deck.id, fields: fieldsByName(notetype, fields), tags };
  }
  const hub = ctx.host.gui.hub;
  if (!ctx.host.gui.windowAttached) return 0;
  const requests = addRequestsFor(hub);
  requests.settleAll(0);
  const request = requests.open();
  const shown = await tell(() => sendEditCommand(hub, 'edit.addCards', { preset, guiRequestId: request.id, closeAfterAdding }), false);
  if (!shown) requests.settle(request.id, 0);
  return whileAttached(hub, request.result, () => requests.settle(request.id, 0));
}

function readCloseAfterAdding(note: unknown): boolean {
  if (!pyContains(note, 'options')) return false;
  const options = pyItem(note, 'options');
  if (!isPyDict(options) || !('closeAfterAdding' in options)) return false;
  const value = options.closeAfterAdding;
  if (typeof value !== 'boolean') throw new ActionError('option parameter "closeAfterAdding" must be boolean');
  return value;
}

/** guiAddNoteSetData: fills the open Add screen (deck, note type, fields, tags, media). */
async function guiAddNoteSetData(ctx: ActionContext, note: unknown, append: boolean): Promise<unknown> {
  const hub = ctx.host.gui.hub;
  if (!ctx.host.gui.windowAttached) return ADD_DIALOG_NOT_OPEN;
  const current = await tell(() => sendEditCommand(hub, 'edit.addCurrent', {}), null);
  if (!current) return ADD_DIALOG_NOT_OPEN;
  const col = ctx.host.collection();
  const lookup = new NameLookup(col);
  let deckId: number | undefined;
  let notetypeId: number | undefined;
  if (pyContains(note, 'deckName')) {
    const name = pyItem(note, 'deckName');
    const deck = typeof name === 'string' ? lookup.deck(name) : undefined;
    if (!deck) throw new ActionError(`Deck "${pyStr(name)}" not found`);
    deckId = deck.id;
  }
  if (pyContains(note, 'modelName')) {
    const name = pyItem(note, 'modelName');
    const model = typeof name === 'string' ? lookup.notetype(name) : undefined;
    if (!model) throw new ActionError(`Model "${pyStr(name)}" not found`);
    notetypeId = model.id;
  }
  const notetype = notetypeById(col, notetypeId ?? current.notetypeId);
  if (!notetype) return ADD_DIALOG_NOT_OPEN;
  const fields: Record<string, string> = {};
  if (pyContains(note, 'fields')) {
    for (const [name, value] of pyItems(pyItem(note, 'fields'))) {
      if (fieldOrd(notetype, name) < 0) throw new ActionError(`Field "${name}" not found in current note`);
      fields[name] = typeof value === 'string' ? value : pyStr(value);
    }
  }
  const markup = notetype.flds.map(() => '');
  await attachNoteMedia(col, notetype, markup, note, mediaLimits(ctx));
  const appendMarkup = Object.fromEntries(notetype.flds.map((f, i) => [f.name, markup[i] ?? '']).filter(([, text]) => text));
  const tags = pyContains(note, 'tags') ? parseTags(pyItem(note, 'tags')) : undefined;
  const reply = await tell(
    () => sendEditCommand(hub, 'edit.addSetData', { deckId, notetypeId, fields, tags, append, appendMarkup }),
    { notOpen: true } as const,
  );
  if ('notOpen' in reply) return ADD_DIALOG_NOT_OPEN;
  if ('missingField' in reply) throw new ActionError(`Field "${reply.missingField}" not found in current note`);
  return true;
}

async function selectCard(ctx: ActionContext, card: unknown): Promise<boolean> {
  if (!ctx.host.gui.windowAttached) return false;
  const cardId = typeof card === 'number' && Number.isSafeInteger(card) ? card : -1;
  return tell(() => sendEditCommand(ctx.host.gui.hub, 'edit.selectCard', { cardId }), false);
}

/**
 * The editing gui* actions. With no window attached (headless, no browser open) each
 * answers as the add-on does when its window is closed: guiBrowse still searches,
 * guiSelectCard is false, guiSelectedNotes is [], guiAddCards returns 0 (its unsaved
 * note's id), guiAddNoteSetData returns the "not open" object, guiEditNote and
 * guiImportFile return null.
 */
export const guiEditActions: ActionDefinition[] = [
  action('guiBrowse', { query: p.optional(p.nullable(p.string()), null), reorderCards: p.optional(p.any(), null) }, async (ctx, params) => {
    const col = ctx.host.collection();
    let sort: BrowserSort | null = null;
    let reorderError: unknown = null;
    try {
      sort = readReorder(ctx, params.reorderCards);
    } catch (error) {
      reorderError = error;
    }
    const config = browserConfig(col);
    // Notes mode sorts on the note's own columns only; a card column there leaves the order as it is.
    if (sort && !isSortableColumn(sort.column, config.mode)) sort = null;
    if (sort) saveBrowserConfig(col, { sort: { ...config.sort, [config.mode]: sort } });
    if (ctx.host.gui.windowAttached) {
      await tell(() => sendEditCommand(ctx.host.gui.hub, 'edit.browse', { query: params.query, sort }), false);
    }
    if (reorderError) throw reorderError;
    return params.query === null ? [] : findCards(col, params.query);
  }),

  action('guiSelectCard', { card: p.any() }, (ctx, { card }) => selectCard(ctx, card)),

  action('guiSelectNote', { note: p.any() }, (ctx, { note }) => {
    console.log('guiSelectNote actually selects card IDs and is deprecated; use guiSelectCard');
    return selectCard(ctx, note);
  }),

  action('guiSelectedNotes', {}, async (ctx) => {
    if (!ctx.host.gui.windowAttached) return [];
    return (await tell(() => sendEditCommand(ctx.host.gui.hub, 'edit.selectedNotes', {}), null)) ?? [];
  }),

  action('guiAddCards', { note: p.optional(p.any(), null) }, (ctx, { note }) => guiAddCards(ctx, note)),

  action('guiAddNoteSetData', { note: p.any(), append: p.optional(p.any(), false) }, (ctx, { note, append }) =>
    guiAddNoteSetData(ctx, note, pyTruthy(append)),
  ),

  action('guiEditNote', { note: p.id() }, async (ctx, { note }) => {
    requireNote(ctx.host.collection(), note);
    if (ctx.host.gui.windowAttached) await tell(() => sendEditCommand(ctx.host.gui.hub, 'edit.editNote', { noteId: note }), false);
    return null;
  }),

  action('guiImportFile', { path: p.optional(p.nullable(p.string()), null) }, async (ctx, { path }) => {
    if (ctx.host.gui.windowAttached) await tell(() => sendEditCommand(ctx.host.gui.hub, 'edit.import', { path }), false);
    return null;
  }),
];
