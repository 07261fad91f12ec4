import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientMessage, ServerMessage } from '../../../shared/bridge';
import { startEngram, type Engram } from '../../app/app';
import { defaultDataDir } from '../../app/paths';
import { isSafeMediaName } from '../../gui/study/media-name';

/**
 * The desktop shell, kept thin: one window on the built renderer, the bridge over
 * IPC, Anki's menu shortcuts, native dialogs. Everything else is shared with `serve`.
 */
interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const dataDir = defaultDataDir();
const statePath = join(dataDir, 'window-state.json');
let engram: Engram | null = null;
let window: BrowserWindow | null = null;

function loadWindowState(): WindowState {
  try {
    if (existsSync(statePath)) return JSON.parse(readFileSync(statePath, 'utf8')) as WindowState;
  } catch {
    // A corrupt state file only costs the window position.
  }
  return { width: 1100, height: 760 };
}

function saveWindowState(win: BrowserWindow): void {
  const bounds = win.getNormalBounds();
  writeFileSync(statePath, JSON.stringify({ ...bounds, maximized: win.isMaximized() }));
}

function sendGuiCommand(kind: string, payload: unknown = {}): void {
  void engram?.hub.command(kind, payload).catch(() => undefined);
}

function menu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Switch Profile', accelerator: 'CmdOrCtrl+Shift+P', click: () => sendGuiCommand('navigate', { screen: 'profiles' }) },
        { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', click: () => sendGuiCommand('navigate', { screen: 'import' }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => sendGuiCommand('navigate', { screen: 'export' }) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&Go',
      submenu: [
        { label: 'Decks', accelerator: 'D', click: () => sendGuiCommand('navigate', { screen: 'decks' }) },
        { label: 'Add', accelerator: 'A', click: () => sendGuiCommand('navigate', { screen: 'add' }) },
        { label: 'Browse', accelerator: 'B', click: () => sendGuiCommand('navigate', { screen: 'browse' }) },
        { label: 'Stats', accelerator: 'T', click: () => sendGuiCommand('navigate', { screen: 'stats' }) },
      ],
    },
    {
      label: '&Tools',
      submenu: [
        { label: 'Check Database', click: () => sendGuiCommand('navigate', { screen: 'check-database' }) },
        { label: 'Manage Note Types', accelerator: 'CmdOrCtrl+Shift+N', click: () => sendGuiCommand('navigate', { screen: 'notetypes' }) },
        { label: 'Preferences', accelerator: 'CmdOrCtrl+P', click: () => sendGuiCommand('navigate', { screen: 'settings' }) },
      ],
    },
    { label: '&View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(hubEngram: Engram): BrowserWindow {
  const state = loadWindowState();
  const win = new BrowserWindow({
    ...state,
    title: 'Engram',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(win));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  const client = { send: (message: ServerMessage) => !win.isDestroyed() && win.webContents.send('engram:bridge', message) };
  const detach = hubEngram.hub.attach(client);
  win.on('closed', detach);
  ipcMain.removeAllListeners('engram:bridge');
  ipcMain.on('engram:bridge', (event, message: ClientMessage) => {
    if (event.sender === win.webContents) void hubEngram.hub.receive(client, message);
  });
  void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

/** Card frames load images and audio as engram-media://media/<name> from the active profile's media folder. */
const MEDIA_SCHEME = 'engram-media';
protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

function registerMediaProtocol(hubEngram: Engram): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const name = decodeURIComponent(new URL(request.url).pathname.slice(1));
    const dir = hubEngram.profiles.collection()?.mediaDir;
    if (!dir || !isSafeMediaName(name)) return new Response(null, { status: 404 });
    return net.fetch(pathToFileURL(join(dir, name)).toString());
  });
}

function registerDialogs(): void {
  ipcMain.handle('engram:open-file', async (_event, filters: { name: string; extensions: string[] }[]) => {
    const result = await dialog.showOpenDialog({ properties: ['openFile'], filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle('engram:save-file', async (_event, defaultPath: string) => {
    const result = await dialog.showSaveDialog({ defaultPath });
    return result.canceled ? null : (result.filePath ?? null);
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  await app.whenReady();
  try {
    engram = await startEngram({ dataDir, mode: 'electron' });
  } catch (error) {
    dialog.showErrorBox('Engram', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  Menu.setApplicationMenu(menu());
  registerDialogs();
  registerMediaProtocol(engram);
  window = createWindow(engram);
  engram.gui.onExit(() => app.quit());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void engram?.close());
}

void main();
