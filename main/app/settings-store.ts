import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { normalizeSettings, settingsFromEnv, type ApiSettings } from '../api/settings';

export interface AppSettingsFile {
  api: ApiSettings;
  gui: { theme: 'light' | 'dark' | 'system' };
  lastProfile: string | null;
}

/**
 * The app's settings file (<dataDir>/settings.json). Environment variables
 * override what is saved, without being written back.
 */
export class SettingsStore {
  private saved: AppSettingsFile;
  private readonly overrides: Partial<ApiSettings>;

  constructor(
    readonly path: string,
    env: Record<string, string | undefined>,
    cli: Partial<ApiSettings> = {},
  ) {
    this.saved = SettingsStore.read(path);
    this.overrides = { ...settingsFromEnv(env), ...cli };
  }

  static inDataDir(dataDir: string, env: Record<string, string | undefined>, cli: Partial<ApiSettings> = {}): SettingsStore {
    return new SettingsStore(join(dataDir, 'settings.json'), env, cli);
  }

  private static read(path: string): AppSettingsFile {
    let raw: Record<string, unknown> = {};
    if (existsSync(path)) {
      try {
        raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        console.error(`[settings] ${path} is not valid JSON; using defaults (${String(error)})`);
      }
    }
    const gui = (raw.gui ?? {}) as { theme?: unknown };
    return {
      api: normalizeSettings(raw.api),
      gui: { theme: gui.theme === 'dark' || gui.theme === 'light' ? gui.theme : 'system' },
      lastProfile: typeof raw.lastProfile === 'string' ? raw.lastProfile : null,
    };
  }

  api(): ApiSettings {
    return { ...this.saved.api, ...this.overrides };
  }

  file(): AppSettingsFile {
    return structuredClone(this.saved);
  }

  updateApi(patch: Partial<ApiSettings>): void {
    this.saved.api = normalizeSettings({ ...this.saved.api, ...patch });
    for (const key of Object.keys(patch) as (keyof ApiSettings)[]) delete this.overrides[key];
    this.write();
  }

  update(patch: Partial<Omit<AppSettingsFile, 'api'>>): void {
    this.saved = { ...this.saved, ...patch };
    this.write();
  }

  /** Atomic write: a crash never leaves a half-written settings file. */
  private write(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(this.saved, null, 2) + '\n');
    renameSync(temp, this.path);
  }
}
