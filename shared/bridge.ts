/**
 * The bridge contract between the main process (collection, API, GUI controller)
 * and the renderer. Electron carries it over IPC through the preload; headless
 * mode carries the same messages over a WebSocket. Types only, plus tiny helpers.
 */

import type { StudyMethods } from './bridge/study';
import type { EditMethods } from './bridge/edit';

export interface DeckTreeNode {
  id: number;
  /** Last path component. */
  name: string;
  /** Full `A::B` name. */
  fullName: string;
  collapsed: boolean;
  filtered: boolean;
  newCount: number;
  learnCount: number;
  reviewCount: number;
  totalCards: number;
  children: DeckTreeNode[];
}

/** Core requests. */
export interface CoreMethods {
  'app.info': [Record<string, never>, AppInfo];
  'decks.tree': [Record<string, never>, DeckTreeNode[]];
}

/**
 * Requests the renderer may make: name → [params, result]. Each feature area
 * declares its own in shared/bridge/<area>.ts.
 */
export interface BridgeMethods extends CoreMethods, StudyMethods, EditMethods {}

export interface AppInfo {
  version: string;
  profile: string | null;
  profiles: string[];
  apiAddress: string;
  apiPort: number;
  mode: 'electron' | 'web';
}

/** Events main pushes to the renderer: name → payload. */
export interface BridgeEvents {
  /** Something in the collection changed; views refetch what they show. */
  'collection.changed': Record<string, never>;
  /** The GUI controller asks the renderer to do something (gui* actions). */
  'gui.command': GuiCommand;
}

/** A command from the GUI controller; `id` correlates the renderer's reply. */
export interface GuiCommand {
  id: number;
  kind: string;
  payload: unknown;
}

export type BridgeMethod = keyof BridgeMethods;
export type BridgeParams<M extends BridgeMethod> = BridgeMethods[M][0];
export type BridgeResult<M extends BridgeMethod> = BridgeMethods[M][1];
export type BridgeEvent = keyof BridgeEvents;

/** What the renderer holds: the same shape over IPC or WebSocket. */
export interface Bridge {
  invoke<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<M>>;
  on<E extends BridgeEvent>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  /** The renderer's answer to a GuiCommand. */
  reply(commandId: number, result: unknown, error?: string): void;
}

/** Wire messages (WebSocket JSON frames; Electron IPC uses the same objects). */
export type ClientMessage =
  | { type: 'invoke'; id: number; method: string; params: unknown }
  | { type: 'reply'; commandId: number; result: unknown; error?: string };

export type ServerMessage =
  | { type: 'result'; id: number; result?: unknown; error?: string }
  | { type: 'event'; event: string; payload: unknown };

/** The name under which the Electron preload exposes the bridge on `window`. */
export const ELECTRON_BRIDGE_KEY = 'engram';
/** The WebSocket path of the headless bridge. */
export const BRIDGE_WS_PATH = '/bridge';
