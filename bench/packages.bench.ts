import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from '../main/engine/collection';
import { exportCollectionPackage, exportPackage, importColpkg, importPackage } from '../main/engine/packages';
import { deckByName } from '../main/engine/decks/store';
import { rssMb, time, type BenchSuite, type Figure } from './harness';

const MEDIA_FILES = 500;

/** Peak RSS while `fn` runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/** .colpkg export/import of the 100k-note profile (with media), and a deck .apkg both ways. */
export const packagesSuite: BenchSuite = {
  name: 'packages',
  async run(ctx) {
    mkdirSync(ctx.mediaDir, { recursive: true });
    for (let i = 0; i < MEDIA_FILES; i++) writeFileSync(join(ctx.mediaDir, `bench-${i}.jpg`), Buffer.alloc(10_000, i % 256));
    const outDir = join(ctx.workDir, 'packages');
    mkdirSync(outDir, { recursive: true });
    const colpkg = join(outDir, 'bench.colpkg');
    const figures: Figure[] = [];

    const col = Collection.open(ctx.collectionPath, { mediaDir: ctx.mediaDir });
    try {
      const exported = await withPeakRss(() => time(() => exportCollectionPackage(col, colpkg, { includeMedia: true })));
      figures.push({ name: `export 100k-note .colpkg with ${MEDIA_FILES} media files`, value: exported.value.ms, unit: 'ms', target: { value: 5000, higherIsBetter: false }, note: `${(statSync(colpkg).size / 1024 / 1024).toFixed(1)} MiB, peak RSS ${exported.peakMb.toFixed(0)} MiB` });
      const deck = deckByName(col, 'Japanese')!;
      const apkg = join(outDir, 'japanese.apkg');
      const deckExport = await time(() => exportPackage(col, apkg, { deckId: deck.id, includeSched: true }));
      figures.push({ name: 'export the "Japanese" deck (~25k notes) as .apkg with scheduling', value: deckExport.ms, unit: 'ms' });

      const fresh = Collection.open(join(outDir, 'fresh', 'collection.sqlite'));
      try {
        const imported = await time(() => importPackage(fresh, apkg));
        figures.push({ name: 'import that .apkg into an empty profile', value: imported.ms, unit: 'ms' });
      } finally {
        fresh.close();
      }
    } finally {
      col.close();
    }

    const target = join(outDir, 'restored', 'collection.sqlite');
    mkdirSync(join(outDir, 'restored', 'collection.media'), { recursive: true });
    Collection.open(target).close();
    const restored = await withPeakRss(() => time(() => importColpkg(colpkg, target, join(outDir, 'restored', 'collection.media'))));
    figures.push({ name: 'import the 100k-note .colpkg (replace a profile)', value: restored.value.ms, unit: 'ms', target: { value: 10_000, higherIsBetter: false }, note: `peak RSS ${restored.peakMb.toFixed(0)} MiB` });
    return figures;
  },
};
