import type { BridgeHub } from '../hub';
import type { BridgeDeps } from '../handlers';
import { addDefaults, deckOptions, notetypeInfos, tagList } from './info';
import { addNoteFromGui, checkDuplicate, noteInfo, noteSummaries, updateNoteFromGui } from './notes';
import { mediaDataUrls, storePastedMedia } from './media';
import { apiPatch, renameProfile, saveTheme, settingsView, switchProfile, type SettingsDeps } from './settings';
import { addRequestsFor } from './add-requests';
import { browserConfig, saveBrowserConfig } from './browser-config';
import { BrowserSessions } from './browser/sessions';
import { changeDeck, changeTags, deleteSelected, forget, reposition, selectedCardIds, selectedNoteIds, setFlag, setSuspended } from './browser/bulk';
import { findAndReplace } from './browser/find-replace';
import type { Collection } from '../../engine/collection';
import { addNotetype, applyNotetypeOp, deleteNotetype, previewTemplate } from './notetypes';
import { ImportJobs } from './imports';
import { registerExportHandlers } from './export-handlers';

/** Bridge methods of the editing screens (shared/bridge/edit.ts). */
export function registerEditHandlers(hub: BridgeHub, deps: BridgeDeps): void {
  const col = () => deps.host.collection();
  const requests = addRequestsFor(hub);

  hub.handle('edit.decks', () => deckOptions(col()));
  hub.handle('edit.notetypes', () => notetypeInfos(col()));
  hub.handle('edit.tags', () => tagList(col()));
  hub.handle('edit.addDefaults', () => addDefaults(col()));

  hub.handle('note.get', ({ noteId }) => noteInfo(col(), noteId));
  hub.handle('note.checkDuplicate', ({ notetypeId, fields, noteId }) => checkDuplicate(col(), notetypeId, fields, noteId));
  hub.handle('note.add', (request) => {
    const added = addNoteFromGui(col(), request);
    if (request.guiRequestId !== undefined) requests.settle(request.guiRequestId, added.noteId);
    return added;
  });
  hub.handle('note.update', ({ noteId, fields, tags }) => {
    updateNoteFromGui(col(), noteId, fields, tags);
    return null;
  });
  hub.handle('note.summary', ({ noteIds }) => noteSummaries(col(), noteIds));
  hub.handle('add.closed', ({ guiRequestId }) => {
    requests.settle(guiRequestId, 0);
    return null;
  });

  hub.handle('media.store', async ({ filename, data }) => ({ filename: await storePastedMedia(col(), filename, data) }));
  hub.handle('media.dataUrls', ({ filenames }) => mediaDataUrls(col(), filenames));

  registerBrowserHandlers(hub, col);

  hub.handle('notetype.add', ({ name, stock, cloneFrom }) => addNotetype(col(), name, stock, cloneFrom));
  hub.handle('notetype.op', ({ notetypeId, op }) => applyNotetypeOp(col(), notetypeId, op));
  hub.handle('notetype.delete', ({ notetypeId }) => {
    deleteNotetype(col(), notetypeId);
    return null;
  });
  hub.handle('notetype.preview', (input) => previewTemplate(col(), input));

  const imports = new ImportJobs();
  hub.handle('import.start', ({ path, options }) => ({ jobId: imports.start(col(), path, options) }));
  hub.handle('import.status', ({ jobId }) => imports.status(jobId));
  hub.handle('import.cancel', ({ jobId }) => imports.cancel(jobId));
  registerExportHandlers(hub, col, deps.mode);

  registerSettingsHandlers(hub, {
    host: deps.host,
    profiles: deps.profiles,
    settings: deps.settings,
    running: { address: deps.settings.api().webBindAddress, port: deps.settings.api().webBindPort },
  });
}

function registerSettingsHandlers(hub: BridgeHub, deps: SettingsDeps): void {
  hub.handle('settings.get', () => settingsView(deps));
  hub.handle('settings.saveApi', (patch) => {
    deps.settings.updateApi(apiPatch(patch));
    return settingsView(deps);
  });
  hub.handle('settings.theme', ({ theme }) => {
    saveTheme(deps, theme);
    return settingsView(deps);
  });
  hub.handle('profiles.create', ({ name }) => {
    deps.profiles.create(name);
    return settingsView(deps);
  });
  hub.handle('profiles.rename', ({ from, to }) => {
    renameProfile(deps, from, to);
    return settingsView(deps);
  });
  hub.handle('profiles.switch', ({ name }) => {
    switchProfile(deps, name);
    return settingsView(deps);
  });
}

function registerBrowserHandlers(hub: BridgeHub, col: () => Collection): void {
  const sessions = new BrowserSessions();
  const columns = (mode: 'cards' | 'notes') => browserConfig(col()).columns[mode];
  hub.handle('browser.config', () => browserConfig(col()));
  hub.handle('browser.saveConfig', (patch) => saveBrowserConfig(col(), patch));
  hub.handle('browser.search', ({ query, mode, sort, pageSize }) =>
    sessions.search(col(), { query, mode, sort }, columns(mode), pageSize),
  );
  hub.handle('browser.rows', ({ searchId, offset, limit }) =>
    sessions.rows(col(), searchId, offset, limit, (mode) => columns(mode)),
  );
  hub.handle('browser.ids', ({ searchId, offset, limit }) => sessions.ids(col(), searchId, offset, limit));
  hub.handle('browser.indexOf', ({ searchId, id }) => sessions.indexOf(col(), searchId, id));
  hub.handle('browser.noteIds', (selection) => selectedNoteIds(col(), selection));
  hub.handle('browser.cardIds', (selection) => selectedCardIds(col(), selection));
  hub.handle('browser.changeDeck', ({ selection, deckId }) => changeDeck(col(), selection, deckId));
  hub.handle('browser.tags', ({ selection, tags, remove }) => changeTags(col(), selection, tags, remove));
  hub.handle('browser.suspend', ({ selection, suspend }) => setSuspended(col(), selection, suspend));
  hub.handle('browser.flag', ({ selection, flag }) => setFlag(col(), selection, flag));
  hub.handle('browser.delete', ({ selection }) => deleteSelected(col(), selection));
  hub.handle('browser.reposition', ({ selection, options }) => reposition(col(), selection, options));
  hub.handle('browser.forget', ({ selection, restorePosition, resetCounts }) => forget(col(), selection, restorePosition, resetCounts));
  hub.handle('browser.findReplace', (request) => findAndReplace(col(), request));
}
