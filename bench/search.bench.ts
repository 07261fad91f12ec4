import { findCards } from '../main/engine/search';
import { Collection } from '../main/engine/collection';
import { ensureOracle, runOracle } from '../main/testing/oracle';
import { median, time, type BenchSuite, type Figure } from './harness';

/** Typical queries clients and the browser send (deck, tag, field, text, is:due, prop:, added:, combinations). */
export const TYPICAL_QUERIES = [
  'deck:Japanese',
  '"deck:Japanese::Mining::A"',
  'tag:verb',
  'tag:level::3',
  'Front:water*',
  '"Front:読む*"',
  'fire',
  'meaning',
  'is:due',
  'is:due -is:suspended',
  'is:new deck:French',
  'prop:ivl>=30',
  'prop:due=0',
  'added:1',
  'rated:7',
  'deck:Russian tag:noun -is:suspended',
  '(tag:verb OR tag:adj) deck:Greek is:review',
  'flag:1',
  'note:Cloze c1',
  'nid:1,2,3',
];

export const searchSuite: BenchSuite = {
  name: 'search',
  async run(ctx) {
    const col = Collection.open(ctx.collectionPath);
    const engramMedians: number[] = [];
    const counts: Record<string, number> = {};
    try {
      for (const query of TYPICAL_QUERIES) {
        findCards(col, query);
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const { ms, value } = await time(() => findCards(col, query));
          samples.push(ms);
          counts[query] = value.length;
        }
        engramMedians.push(median(samples));
      }
    } finally {
      col.close();
    }
    const figures: Figure[] = [
      { name: `median over ${TYPICAL_QUERIES.length} typical queries (each the median of 5)`, value: median(engramMedians), unit: 'ms', target: { value: 20, higherIsBetter: false } },
      { name: 'slowest typical query', value: Math.max(...engramMedians), unit: 'ms', note: TYPICAL_QUERIES[engramMedians.indexOf(Math.max(...engramMedians))] },
    ];
    try {
      ensureOracle();
      const anki = runOracle<{ times_ms: Record<string, number[]>; counts: Record<string, number> }>('bench_search.py', {
        engram_db: ctx.collectionPath,
        queries: TYPICAL_QUERIES,
        repeats: 5,
      });
      const ankiMedians = TYPICAL_QUERIES.map((q) => median(anki.times_ms[q] ?? [0]));
      const ankiMedian = median(ankiMedians);
      const ours = median(engramMedians);
      const disagreements = TYPICAL_QUERIES.filter((q) => anki.counts[q] !== counts[q]);
      figures.push({ name: 'official engine: median over the same queries', value: ankiMedian, unit: 'ms' });
      figures.push({
        name: 'Engram / official engine (median of per-query ratios)',
        value: median(TYPICAL_QUERIES.map((_, i) => engramMedians[i]! / Math.max(ankiMedians[i]!, 0.001))),
        unit: '×',
        target: { value: 1.5, higherIsBetter: false },
        note: `overall medians ${ours.toFixed(2)} vs ${ankiMedian.toFixed(2)} ms; result counts differ for: ${disagreements.join(', ') || 'none'}`,
      });
    } catch (error) {
      figures.push({ name: 'official engine comparison', value: 0, unit: '', note: `unavailable: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` });
    }
    return figures;
  },
};
