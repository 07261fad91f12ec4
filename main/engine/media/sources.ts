/**
 * Where storeMediaFile gets its bytes: base64 `data`, a server-side `path`, or an
 * http(s) `url`. Path and URL sources are size-capped; downloads time out when idle.
 */
import { open, stat } from 'node:fs/promises';
import { EngineError } from '../errors';

export interface SourceLimits {
  /** Largest file accepted from `path` or `url`, bytes. */
  maxSourceBytes: number;
  /** Download idle timeout, ms. */
  timeoutMs: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { maxSourceBytes: 128 * 1024 * 1024, timeoutMs: 10_000 };

const BASE64_CHARS = /[^A-Za-z0-9+/]/g;

/** Python's lenient base64.b64decode: stray characters are skipped, bad lengths are refused. */
export function decodeBase64(text: string): Buffer {
  const body = text.replace(BASE64_CHARS, '');
  const pads = text.length - text.replaceAll('=', '').length;
  if (body.length % 4 === 1) {
    throw new EngineError(
      'invalid',
      `Invalid base64-encoded string: number of data characters (${body.length}) cannot be 1 more than a multiple of 4`,
    );
  }
  if (pads < (4 - (body.length % 4)) % 4) throw new EngineError('invalid', 'Incorrect padding');
  return Buffer.from(body, 'base64');
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** Python's OSError text, which clients of the add-on have seen: `[Errno 2] No such file or directory: 'x'`. */
function osErrorText(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const known = ERRNO[code];
  if (known) return `[Errno ${known[0]}] ${known[1]}: '${path}'`;
  return `${code || 'error'} reading '${path}': ${error instanceof Error ? error.message : String(error)}`;
}

function tooLarge(what: string, size: number | string, limit: number): EngineError {
  return new EngineError('invalid', `${what} is too large (${size} bytes; the limit is ${limit} bytes)`);
}

/** Reads a regular file, refusing it when larger than the limit (checked before and while reading). */
export async function readPathSource(path: string, limits: SourceLimits): Promise<Buffer> {
  let handle;
  try {
    // Checked before opening: opening a FIFO would block until something writes to it.
    const kind = await stat(path);
    if (kind.isDirectory()) throw new EngineError('io', `[Errno 21] Is a directory: '${path}'`);
    if (!kind.isFile()) throw new EngineError('invalid', `not a regular file: '${path}'`);
    handle = await open(path, 'r');
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('io', osErrorText(error, path));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new EngineError('io', `[Errno 21] Is a directory: '${path}'`);
    if (!info.isFile()) throw new EngineError('invalid', `not a regular file: '${path}'`);
    if (info.size > limits.maxSourceBytes) throw tooLarge(`file '${path}'`, info.size, limits.maxSourceBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (!bytesRead) break;
      total += bytesRead;
      if (total > limits.maxSourceBytes) throw tooLarge(`file '${path}'`, `more than ${limits.maxSourceBytes}`, limits.maxSourceBytes);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('io', osErrorText(error, path));
  } finally {
    await handle.close();
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EngineError('invalid', `Invalid URL '${url}': only http and https URLs can be downloaded`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EngineError('invalid', `No connection adapters were found for '${url}': only http and https URLs can be downloaded`);
  }
  return parsed;
}

/**
 * Downloads an http(s) URL as the add-on does (any status but 200 fails), with redirects
 * followed, an idle timeout, and the size limit enforced on the header and the stream.
 */
export async function downloadUrlSource(url: string, limits: SourceLimits): Promise<Buffer> {
  const parsed = parseHttpUrl(url);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  };
  arm();
  try {
    const response = await fetch(parsed, { signal: controller.signal, redirect: 'follow' });
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new EngineError('io', `${url} download failed with return code ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxSourceBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(`download from ${url}`, declared, limits.maxSourceBytes);
    }
    return await readLimited(response, url, limits, arm);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (controller.signal.aborted) {
      throw new EngineError('io', `${url} download timed out after ${limits.timeoutMs} ms`);
    }
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new EngineError('io', `${url} download failed: ${cause ?? (error instanceof Error ? error.message : String(error))}`);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, url: string, limits: SourceLimits, onProgress: () => void): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onProgress();
    total += value.byteLength;
    if (total > limits.maxSourceBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`download from ${url}`, `more than ${limits.maxSourceBytes}`, limits.maxSourceBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}
