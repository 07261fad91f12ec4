import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileManager } from '../../app/profiles';
import { SettingsStore } from '../../app/settings-store';
import type { ApiHost } from '../../api/host';
import { apiPatch, renameProfile, saveTheme, settingsView, switchProfile, type SettingsDeps } from './settings';

let deps: SettingsDeps;
beforeEach(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engram-settings-'));
  const profiles = new ProfileManager(dataDir);
  const settings = SettingsStore.inDataDir(dataDir, {});
  profiles.open('User 1');
  const host = {
    profiles: {
      load: (name: string) => {
        if (!profiles.list().includes(name)) return false;
        profiles.open(name);
        return true;
      },
    },
  } as unknown as ApiHost;
  deps = { host, profiles, settings, running: { address: '127.0.0.1', port: 8765 } };
});
afterEach(() => deps.profiles.close());

describe('settings screen', () => {
  it('validates API settings', () => {
    expect(apiPatch({ webBindPort: 9000, webCorsOriginList: [' http://a ', '', 'http://a'], apiKey: '  ' })).toEqual({
      webBindPort: 9000,
      webCorsOriginList: ['http://a'],
      apiKey: null,
    });
    expect(() => apiPatch({ webBindPort: 70000 })).toThrow(/port/);
    expect(() => apiPatch({ webBindAddress: ' ' })).toThrow(/address/);
  });

  it('saves the theme and lists profiles', () => {
    saveTheme(deps, 'dark');
    const view = settingsView(deps);
    expect(view.theme).toBe('dark');
    expect(view.profiles).toEqual(['User 1']);
    expect(view.activeProfile).toBe('User 1');
    expect(() => saveTheme(deps, 'pink' as never)).toThrow(/theme/);
  });

  it('renames the open profile and re-opens it under the new name', () => {
    deps.profiles.create('Second');
    renameProfile(deps, 'User 1', 'Main');
    expect(deps.profiles.list()).toEqual(['Main', 'Second']);
    expect(deps.profiles.activeName()).toBe('Main');
    expect(existsSync(deps.profiles.collectionPath('Main'))).toBe(true);
    expect(deps.settings.file().lastProfile).toBe('Main');
    expect(() => renameProfile(deps, 'Main', 'second')).toThrow(/already exists/);
    expect(() => renameProfile(deps, 'Nope', 'X')).toThrow(/not found/);
    expect(() => renameProfile(deps, 'Main', 'a/b')).toThrow(/invalid/);
    switchProfile(deps, 'Second');
    expect(deps.profiles.activeName()).toBe('Second');
  });
});
