import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngram } from '../app/app';
import { parseServeArgs } from './cli';
import { startWebGui } from './web-gui';

/** `npm run serve`: the API and the web GUI under plain Node. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseServeArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const engram = await startEngram({ dataDir: options.dataDir, overrides: options.overrides, mode: 'web' });
  console.log(`Engram data: ${options.dataDir} (profile "${engram.profiles.activeName()}")`);
  console.log(`AnkiConnect API: http://${engram.api.address}:${engram.api.port}/`);
  const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer');
  const gui = options.guiEnabled
    ? await startWebGui(
        engram.hub,
        process.env.ENGRAM_RENDERER_DIR ?? rendererDir,
        engram.api.address,
        options.guiPort,
        () => engram.profiles.collection()?.mediaDir ?? null,
      )
    : null;
  if (gui) console.log(`Engram GUI: ${gui.url}`);
  const stop = async () => {
    await gui?.close();
    await engram.close();
    process.exit(0);
  };
  // guiExitAnki: answer the request first, then shut down like Ctrl+C.
  engram.gui.onExit(() => setTimeout(() => void stop(), 200));
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
