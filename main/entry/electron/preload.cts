/**
 * The only code that runs with access to Electron in the renderer's world. It
 * exposes the typed bridge (shared/bridge.ts) and nothing else: no Node, no ipcRenderer.
 */
// A sandboxed preload must be CommonJS; require keeps it so after bundling.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as typeof import('electron');
import type { IpcRendererEvent } from 'electron';

const { contextBridge, ipcRenderer } = electron;

type Listener = (payload: unknown) => void;

let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const listeners = new Map<string, Set<Listener>>();

interface ServerMessage {
  type: 'result' | 'event';
  id?: number;
  result?: unknown;
  error?: string;
  event?: string;
  payload?: unknown;
}

ipcRenderer.on('engram:bridge', (_event: IpcRendererEvent, message: ServerMessage) => {
  if (message.type === 'result' && message.id !== undefined) {
    const entry = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) entry?.reject(new Error(message.error));
    else entry?.resolve(message.result);
  } else if (message.type === 'event' && message.event) {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }
});

contextBridge.exposeInMainWorld('engram', {
  invoke(method: string, params: unknown): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      ipcRenderer.send('engram:bridge', { type: 'invoke', id, method, params });
    });
  },
  on(event: string, listener: Listener): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
  reply(commandId: number, result: unknown, error?: string): void {
    ipcRenderer.send('engram:bridge', { type: 'reply', commandId, result, error });
  },
  /** Native file dialogs, as typed capabilities only. */
  openFile(filters: { name: string; extensions: string[] }[]): Promise<string | null> {
    return ipcRenderer.invoke('engram:open-file', filters) as Promise<string | null>;
  },
  saveFile(defaultName: string): Promise<string | null> {
    return ipcRenderer.invoke('engram:save-file', defaultName) as Promise<string | null>;
  },
});
