import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngram, type Engram } from '../app/app';
import type { ApiSettings } from '../api/settings';

export interface TestServer {
  engram: Engram;
  url: string;
  dataDir: string;
  /** POSTs one request object; returns the parsed JSON body. */
  post(body: unknown, headers?: Record<string, string>): Promise<unknown>;
  /** Calls an action at version 6 and returns `result`, throwing on `error`. */
  call<T = unknown>(action: string, params?: Record<string, unknown>): Promise<T>;
  /** Calls an action at version 6 and returns the whole envelope. */
  envelope(action: string, params?: Record<string, unknown>): Promise<{ result: unknown; error: string | null }>;
  close(): Promise<void>;
}

/** A real Engram (API on a free port) on a temporary profile, for HTTP integration tests. */
export async function startTestServer(
  overrides: Partial<ApiSettings> = {},
  options: { now?: () => number } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'engram-api-'));
  const engram = await startEngram({
    dataDir,
    mode: 'web',
    env: {},
    overrides: { webBindPort: 0, ...overrides },
    now: options.now,
  });
  const url = `http://127.0.0.1:${engram.api.port}/`;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers,
    });
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : text;
  };
  const envelope = async (action: string, params: Record<string, unknown> = {}) =>
    (await post({ action, version: 6, params })) as { result: unknown; error: string | null };
  return {
    engram,
    url,
    dataDir,
    post,
    envelope,
    async call<T>(action: string, params: Record<string, unknown> = {}) {
      const reply = await envelope(action, params);
      if (reply.error !== null) throw new Error(`${action}: ${reply.error}`);
      return reply.result as T;
    },
    async close() {
      await engram.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
