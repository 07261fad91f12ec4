import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { BridgeHub } from '../hub';

/** Where the web GUI serves finished exports: `/download/<token>`. */
export const DOWNLOAD_PREFIX = '/download/';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DEFAULT_TTL_MS = 15 * 60_000;

export interface DownloadFile {
  path: string;
  /** The name the browser saves it under. */
  name: string;
}

/**
 * One-time links to exported files for the web GUI, whose user may be on another machine
 * than the file. A token is 256 random bits, works once and expires.
 */
export class ExportDownloads {
  private readonly files = new Map<string, DownloadFile & { expires: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** Registers `path` and returns its URL path. */
  issue(path: string): string {
    this.dropExpired();
    const token = randomBytes(32).toString('base64url');
    this.files.set(token, { path, name: basename(path), expires: this.now() + this.ttlMs });
    return DOWNLOAD_PREFIX + token;
  }

  /** The file for `token`, forgetting the token; null when unknown, used or expired. */
  take(token: string): DownloadFile | null {
    if (!TOKEN_PATTERN.test(token)) return null;
    const file = this.files.get(token);
    this.files.delete(token);
    if (!file || file.expires <= this.now()) return null;
    return { path: file.path, name: file.name };
  }

  get size(): number {
    return this.files.size;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, file] of this.files) if (file.expires <= now) this.files.delete(token);
  }
}

export interface RequestHeaders {
  host?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
  referer?: string | undefined;
}

/**
 * A download must come from a page of this origin: browsers say so in Sec-Fetch-Site; those
 * that do not send it (plain http on a LAN address) still send the Referer of a same-origin link.
 */
export function isSameOriginDownload(headers: RequestHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  if (!headers.host || !headers.referer) return false;
  try {
    return new URL(headers.referer).origin === `http://${headers.host}`;
  } catch {
    return false;
  }
}

const perHub = new WeakMap<BridgeHub, ExportDownloads>();

/** One registry per hub, shared by the export jobs and the web GUI server. */
export function exportDownloadsFor(hub: BridgeHub): ExportDownloads {
  let downloads = perHub.get(hub);
  if (!downloads) {
    downloads = new ExportDownloads();
    perHub.set(hub, downloads);
  }
  return downloads;
}
