import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Engram keeps its data by default, per OS (like Anki's own folder). */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform = process.platform): string {
  if (env.ENGRAM_DATA_DIR) return env.ENGRAM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Engram');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Engram');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'Engram');
}
