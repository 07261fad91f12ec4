import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to start the offload worker: a file, or bundled code evaluated in the thread. */
export type WorkerSource = { file: string } | { code: string };

/** Name of the prebuilt worker beside the Electron main bundle (see entry/electron/build.mjs). */
export const OFFLOAD_WORKER_BUNDLE = 'offload-worker.cjs';

/**
 * In a packaged app the bundle sits in app.asar; electron-builder unpacks the worker beside it
 * (asarUnpack) so a worker thread can read it from the real file system.
 */
function unpacked(file: string): string {
  const outside = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== file && existsSync(outside) ? outside : file;
}

/**
 * In the Electron bundle the worker is prebuilt beside main.cjs. Run from source (serve,
 * tests, bench) there is no compiled file, so esbuild bundles the TypeScript entry once,
 * in memory; only native modules stay outside the bundle.
 */
export async function offloadWorkerSource(): Promise<WorkerSource> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) return { file: unpacked(join(dirname(here), OFFLOAD_WORKER_BUNDLE)) };
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(dirname(here), 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    external: ['better-sqlite3', 'electron'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no offload worker');
  return { code };
}
