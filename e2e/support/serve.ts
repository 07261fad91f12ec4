import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServeProcess {
  apiUrl: string;
  guiUrl: string;
  dataDir: string;
  /** Calls an AnkiConnect action at version 6; throws on error. */
  call<T = unknown>(action: string, params?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the headless entry (what `npm run serve` runs) on free ports and a temporary profile. */
export async function startServe(extraEnv: Record<string, string> = {}): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'engram-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/entry/headless.ts', '--data-dir', dataDir, '--port', '0', '--gui-port', '0'],
    { cwd: repoRoot, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const urls = await new Promise<{ api: string; gui: string }>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const api = /AnkiConnect API: (\S+)/.exec(output)?.[1];
      const gui = /Engram GUI: (\S+)/.exec(output)?.[1];
      if (api && gui) {
        clearTimeout(timer);
        resolvePromise({ api, gui });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${output}`)));
  });
  return {
    apiUrl: urls.api,
    guiUrl: urls.gui,
    dataDir,
    async call<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(urls.api, { method: 'POST', body: JSON.stringify({ action, version: 6, params }) });
      const reply = (await response.json()) as { result: T; error: string | null };
      if (reply.error !== null) throw new Error(`${action}: ${reply.error}`);
      return reply.result;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
