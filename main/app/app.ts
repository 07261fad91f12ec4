import { createRegistry } from '../api/actions';
import { ActionError } from '../api/registry';
import type { ApiHost, PermissionAnswer } from '../api/host';
import type { ApiSettings } from '../api/settings';
import { createApiApp, listen, type RunningServer } from '../api/server';
import { BridgeHub } from '../gui/hub';
import { GuiController } from '../gui/controller';
import { registerBridgeHandlers } from '../gui/handlers';
import type { Collection } from '../engine/collection';
import { DEFAULT_PROFILE, ProfileManager } from './profiles';
import { SettingsStore } from './settings-store';

export interface StartOptions {
  dataDir: string;
  /** Command-line overrides (highest priority). */
  overrides?: Partial<ApiSettings>;
  env?: Record<string, string | undefined>;
  mode: 'electron' | 'web';
  /** Clock override for tests. */
  now?: () => number;
}

export interface Engram {
  host: ApiHost;
  hub: BridgeHub;
  gui: GuiController;
  profiles: ProfileManager;
  settings: SettingsStore;
  api: RunningServer;
  close(): Promise<void>;
}

/** The one startup path both entry points use: profile, API server, bridge hub. */
export async function startEngram(options: StartOptions): Promise<Engram> {
  const env = options.env ?? process.env;
  const settings = SettingsStore.inDataDir(options.dataDir, env, options.overrides ?? {});
  const profiles = new ProfileManager(options.dataDir, options.now);
  const hub = new BridgeHub();
  const gui = new GuiController(hub);
  const first = settings.file().lastProfile ?? profiles.list()[0] ?? DEFAULT_PROFILE;
  profiles.open(profiles.list().includes(first) || !profiles.list().length ? first : profiles.list()[0]!);

  let unsubscribe: (() => void) | null = null;
  const watch = (col: Collection | null) => {
    unsubscribe?.();
    unsubscribe = col ? col.onChange(() => hub.broadcast('collection.changed', {})) : null;
    hub.broadcast('collection.changed', {});
  };
  watch(profiles.collection());
  profiles.onSwitch(watch);

  const host: ApiHost = {
    collection() {
      const col = profiles.collection();
      if (!col) throw new ActionError('collection is not available');
      return col;
    },
    settings: () => settings.api(),
    updateSettings: (patch) => settings.updateApi(patch),
    profiles: {
      list: () => profiles.list(),
      active: () => profiles.activeName(),
      load(name) {
        if (!profiles.list().includes(name)) return false;
        profiles.open(name);
        settings.update({ lastProfile: name });
        return true;
      },
      reload: () => profiles.reload(),
    },
    gui,
    async askPermission(origin): Promise<PermissionAnswer> {
      const answer = await gui.askPermission(origin);
      return answer ?? (settings.api().permissionWithoutGui === 'allow' ? 'allow' : 'deny');
    },
  };

  const registry = createRegistry();
  registerBridgeHandlers(hub, { host, profiles, settings, mode: options.mode, registry });
  const apiSettings = settings.api();
  const api = await listen(createApiApp(host, registry), apiSettings.webBindAddress, apiSettings.webBindPort);

  return {
    host,
    hub,
    gui,
    profiles,
    settings,
    api,
    async close() {
      await api.close();
      profiles.close();
    },
  };
}
