import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngineError } from '../../engine/errors';
import type { ApiSettings } from '../../api/settings';
import type { ProfileManager } from '../../app/profiles';
import type { SettingsStore } from '../../app/settings-store';
import type { ApiHost } from '../../api/host';
import type { ApiSettingsView, SettingsView, Theme } from '../../../shared/bridge/edit';

export interface SettingsDeps {
  host: ApiHost;
  profiles: ProfileManager;
  settings: SettingsStore;
  /** Where the API listens since startup. */
  running: { address: string; port: number };
}

export function settingsView(deps: SettingsDeps): SettingsView {
  const api = deps.settings.api();
  return {
    api: {
      webBindAddress: api.webBindAddress,
      webBindPort: api.webBindPort,
      webCorsOriginList: api.webCorsOriginList,
      apiKey: api.apiKey,
      ignoreOriginList: api.ignoreOriginList,
    },
    running: deps.running,
    theme: deps.settings.file().gui.theme,
    profiles: deps.profiles.list(),
    activeProfile: deps.profiles.activeName(),
  };
}

function cleanList(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Validates what the Settings screen sends; only the keys it edits are accepted. */
export function apiPatch(input: Partial<ApiSettingsView>): Partial<ApiSettings> {
  const patch: Partial<ApiSettings> = {};
  if (input.webBindAddress !== undefined) {
    const address = String(input.webBindAddress).trim();
    if (!address || /\s/.test(address)) throw new EngineError('invalid', 'the bind address must not be empty');
    patch.webBindAddress = address;
  }
  if (input.webBindPort !== undefined) {
    const port = Number(input.webBindPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EngineError('invalid', 'the port must be a number from 0 (any free port) to 65535');
    patch.webBindPort = port;
  }
  if (input.webCorsOriginList !== undefined) patch.webCorsOriginList = cleanList(input.webCorsOriginList);
  if (input.ignoreOriginList !== undefined) patch.ignoreOriginList = cleanList(input.ignoreOriginList);
  if (input.apiKey !== undefined) {
    const key = input.apiKey === null ? '' : String(input.apiKey).trim();
    patch.apiKey = key ? key : null;
  }
  return patch;
}

export function saveTheme(deps: SettingsDeps, theme: Theme): void {
  if (theme !== 'light' && theme !== 'dark' && theme !== 'system') throw new EngineError('invalid', `unknown theme: ${String(theme)}`);
  deps.settings.update({ gui: { ...deps.settings.file().gui, theme } });
}

/** The same rule ProfileManager.create applies, so a rename cannot make a name create() refuses. */
function validProfileName(name: string): string {
  const clean = name.trim();
  if (!clean || /[\\/:*?"<>|\x00-\x1f]/.test(clean) || clean === '.' || clean === '..') {
    throw new EngineError('invalid', `invalid profile name: "${name}"`);
  }
  return clean;
}

/** Renames a profile's folder; the active profile is closed first and re-opened under its new name. */
export function renameProfile(deps: SettingsDeps, from: string, to: string): void {
  const target = validProfileName(to);
  const names = deps.profiles.list();
  if (!names.includes(from)) throw new EngineError('not-found', `profile was not found: ${from}`);
  if (target === from) return;
  if (names.some((n) => n !== from && n.toLowerCase() === target.toLowerCase())) {
    throw new EngineError('exists', `a profile named "${target}" already exists`);
  }
  const source = dirname(deps.profiles.collectionPath(from));
  const destination = dirname(deps.profiles.collectionPath(target));
  if (existsSync(destination) && target.toLowerCase() !== from.toLowerCase()) {
    throw new EngineError('exists', `a folder named "${target}" already exists`);
  }
  const wasActive = deps.profiles.activeName() === from;
  if (wasActive) deps.profiles.close();
  try {
    renameSync(source, destination);
  } finally {
    if (wasActive) deps.profiles.open(existsSync(destination) ? target : from);
  }
  if (wasActive || deps.settings.file().lastProfile === from) deps.settings.update({ lastProfile: target });
}

export function switchProfile(deps: SettingsDeps, name: string): void {
  if (!deps.host.profiles.load(name)) throw new EngineError('not-found', `profile was not found: ${name}`);
}
