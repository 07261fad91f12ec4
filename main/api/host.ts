import type { Collection } from '../engine/collection';
import type { ApiSettings } from './settings';
import type { GuiController } from '../gui/controller';

/** What the API server needs from the application around it (implemented in main/app). */
export interface ApiHost {
  /** The open collection; throws ActionError('collection is not available') when none is. */
  collection(): Collection;
  settings(): ApiSettings;
  updateSettings(patch: Partial<ApiSettings>): void;
  profiles: ProfileHost;
  gui: GuiController;
  /** Asks the user (GUI prompt, or the configured default when no window is attached). */
  askPermission(origin: string): Promise<PermissionAnswer>;
}

export type PermissionAnswer = 'allow' | 'deny' | 'ignore';

export interface ProfileHost {
  list(): string[];
  active(): string | null;
  /** Closes the current collection and opens the named one; false if it does not exist. */
  load(name: string): boolean;
  /** Re-opens the active collection from disk. */
  reload(): void;
}

/** Per-request facts the web layer passes down. */
export interface RequestMeta {
  origin: string;
  /** The CORS decision for this request. */
  originAllowed: boolean;
}
