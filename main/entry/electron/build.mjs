// Bundles the Electron main process, preload and the offload worker into out/electron (CommonJS, as
// Electron's sandboxed preload requires).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '../../../out/electron');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info' };
// Code that finds files beside itself reads import.meta.url; in a CommonJS bundle that is the bundle's own URL.
const metaUrl = {
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
};

await build({ ...common, ...metaUrl, entryPoints: [join(here, 'main.ts')], outfile: join(outdir, 'main.cjs'), packages: 'external' });
await build({ ...common, entryPoints: [join(here, 'preload.cts')], outfile: join(outdir, 'preload.cjs'), external: ['electron'] });
// Must match OFFLOAD_WORKER_BUNDLE in main/api/offload/source.ts.
await build({
  ...common,
  entryPoints: [join(here, '../../api/offload/worker.ts')],
  outfile: join(outdir, 'offload-worker.cjs'),
  external: ['better-sqlite3', 'electron'],
});
