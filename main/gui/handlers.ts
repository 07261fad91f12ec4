import type { BridgeHub } from './hub';
import type { ApiHost } from '../api/host';
import type { ActionRegistry } from '../api/registry';
import type { ProfileManager } from '../app/profiles';
import type { SettingsStore } from '../app/settings-store';
import { deckTree } from './views/deck-tree';
import { registerStudyHandlers } from './study/handlers';
import { registerEditHandlers } from './edit/handlers';

export interface BridgeDeps {
  host: ApiHost;
  profiles: ProfileManager;
  settings: SettingsStore;
  registry: ActionRegistry;
  mode: 'electron' | 'web';
}

export const APP_VERSION = '0.1.0';

/** Wires every bridge method to the engine (through the host's open collection). */
export function registerBridgeHandlers(hub: BridgeHub, deps: BridgeDeps): void {
  hub.handle('app.info', () => ({
    version: APP_VERSION,
    profile: deps.profiles.activeName(),
    profiles: deps.profiles.list(),
    apiAddress: deps.settings.api().webBindAddress,
    apiPort: deps.settings.api().webBindPort,
    mode: deps.mode,
  }));
  hub.handle('decks.tree', () => deckTree(deps.host.collection()));
  registerStudyHandlers(hub, deps);
  registerEditHandlers(hub, deps);
}
