import { statSync } from 'node:fs';
import { Collection } from '../main/engine/collection';
import { findNotesCount } from './util';
import { rssMb, time, type BenchSuite } from './harness';

/** Foundation figures: notes/s (measured while building the profile), size, RSS, open time. */
export function engineSuite(build: { notesPerSecond: number; notes: number; cards: number }): BenchSuite {
  return {
    name: 'engine',
    async run(ctx) {
      const opens: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { ms, value: col } = await time(() => Collection.open(ctx.collectionPath));
        findNotesCount(col);
        col.close();
        opens.push(ms);
      }
      return [
        { name: `add ${build.notes} notes in one transaction`, value: build.notesPerSecond, unit: 'notes/s', target: { value: 50_000, higherIsBetter: true } },
        { name: 'cards generated', value: build.cards, unit: 'cards' },
        { name: 'database size', value: statSync(ctx.collectionPath).size / 1024 / 1024, unit: 'MiB' },
        { name: 'open the 100k-note profile (best of 5)', value: Math.min(...opens), unit: 'ms', target: { value: 300, higherIsBetter: false } },
        { name: 'RSS after build', value: rssMb(), unit: 'MiB' },
      ];
    },
  };
}
