import type { ApiSettings } from '../api/settings';
import { defaultDataDir } from '../app/paths';

export interface ServeOptions {
  dataDir: string;
  overrides: Partial<ApiSettings>;
  guiPort: number;
  guiEnabled: boolean;
}

export const USAGE = `Usage: npm run serve -- [options]

  --data-dir <dir>   where profiles and settings live (env ENGRAM_DATA_DIR; default per OS)
  --port <n>         AnkiConnect port (env ENGRAM_PORT; default 8765)
  --bind <addr>      AnkiConnect bind address (env ENGRAM_BIND; default 127.0.0.1)
  --gui-port <n>     web GUI port (env ENGRAM_GUI_PORT; default 8766; 0 = any free port)
  --no-gui           serve the API only
  --help             show this help`;

/** Parses `npm run serve` arguments; environment variables fill what flags leave out. */
export function parseServeArgs(argv: readonly string[], env: Record<string, string | undefined>): ServeOptions {
  const options: ServeOptions = {
    dataDir: defaultDataDir(env),
    overrides: {},
    guiPort: env.ENGRAM_GUI_PORT ? Number(env.ENGRAM_GUI_PORT) : 8766,
    guiEnabled: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return next;
    };
    const port = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} needs a port number (0-65535)`);
      return n;
    };
    if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--port') options.overrides.webBindPort = port();
    else if (flag === '--bind') options.overrides.webBindAddress = value();
    else if (flag === '--gui-port') options.guiPort = port();
    else if (flag === '--no-gui') options.guiEnabled = false;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown option: ${flag}\n\n${USAGE}`);
  }
  return options;
}
