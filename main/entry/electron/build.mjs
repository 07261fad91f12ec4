// Bundles the Electron main process and preload into out/electron (CommonJS, as Electron's sandboxed preload requires).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '../../../out/electron');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info' };

await build({ ...common, entryPoints: [join(here, 'main.ts')], outfile: join(outdir, 'main.cjs'), packages: 'external' });
await build({ ...common, entryPoints: [join(here, 'preload.cts')], outfile: join(outdir, 'preload.cjs'), external: ['electron'] });
