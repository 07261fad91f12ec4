/** The add-on's settings (same names), plus Engram's safety limits. */
export interface ApiSettings {
  webBindAddress: string;
  webBindPort: number;
  webCorsOriginList: string[];
  /** Deprecated single origin, still honoured like the add-on. */
  webCorsOrigin: string | null;
  apiKey: string | null;
  ignoreOriginList: string[];
  apiLogPath: string | null;
  /** Timeout for `url` media downloads, ms. */
  webTimeout: number;
  /** Largest request body accepted, bytes. */
  maxRequestBytes: number;
  /** Largest media file fetched from a `path` or `url` source, bytes. */
  maxMediaSourceBytes: number;
  /**
   * What requestPermission does for an untrusted origin when no GUI window can
   * ask the user (headless with no browser attached): 'deny' (default) or 'allow'.
   */
  permissionWithoutGui: 'deny' | 'allow';
}

export const DEFAULT_API_SETTINGS: ApiSettings = {
  webBindAddress: '127.0.0.1',
  webBindPort: 8765,
  webCorsOriginList: ['http://localhost'],
  webCorsOrigin: null,
  apiKey: null,
  ignoreOriginList: [],
  apiLogPath: null,
  webTimeout: 10_000,
  maxRequestBytes: 256 * 1024 * 1024,
  maxMediaSourceBytes: 128 * 1024 * 1024,
  permissionWithoutGui: 'deny',
};

type Env = Record<string, string | undefined>;

function list(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return parsed.map(String);
  }
  return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Environment overrides (ENGRAM_*), applied over the saved settings. */
export function settingsFromEnv(env: Env): Partial<ApiSettings> {
  const out: Partial<ApiSettings> = {};
  if (env.ENGRAM_BIND) out.webBindAddress = env.ENGRAM_BIND;
  if (env.ENGRAM_PORT) out.webBindPort = Number(env.ENGRAM_PORT);
  if (env.ENGRAM_CORS_ORIGINS !== undefined) out.webCorsOriginList = list(env.ENGRAM_CORS_ORIGINS);
  if (env.ENGRAM_API_KEY !== undefined) out.apiKey = env.ENGRAM_API_KEY === '' ? null : env.ENGRAM_API_KEY;
  if (env.ENGRAM_IGNORE_ORIGINS !== undefined) out.ignoreOriginList = list(env.ENGRAM_IGNORE_ORIGINS);
  if (env.ENGRAM_API_LOG) out.apiLogPath = env.ENGRAM_API_LOG;
  if (env.ENGRAM_PERMISSION_WITHOUT_GUI === 'allow' || env.ENGRAM_PERMISSION_WITHOUT_GUI === 'deny') {
    out.permissionWithoutGui = env.ENGRAM_PERMISSION_WITHOUT_GUI;
  }
  return out;
}

/** Fills gaps with defaults and drops values of the wrong type (a hand-edited file must not break startup). */
export function normalizeSettings(raw: unknown): ApiSettings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: ApiSettings = structuredClone(DEFAULT_API_SETTINGS);
  const target = out as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_API_SETTINGS)) {
    const value = input[key];
    if (value === undefined) continue;
    const ok =
      fallback === null
        ? value === null || typeof value === 'string'
        : Array.isArray(fallback)
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : typeof value === typeof fallback;
    if (ok) target[key] = value;
  }
  if (!Number.isInteger(out.webBindPort) || out.webBindPort < 0 || out.webBindPort > 65535) {
    out.webBindPort = DEFAULT_API_SETTINGS.webBindPort;
  }
  return out;
}
