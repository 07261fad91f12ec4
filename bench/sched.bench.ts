import { Agent, request } from 'node:http';
import { startEngram } from '../main/app/app';
import { Collection } from '../main/engine/collection';
import { deckTreeCounts } from '../main/engine/scheduler';
import { median, time, type BenchSuite, type Figure } from './harness';

/**
 * Scheduler figures on the 100k-note profile: answerCards of 10,000 cards and
 * getDeckStats for every deck over HTTP (the AnkiConnect server, as clients call
 * it), and the deck tree counts through the engine.
 */

interface Client {
  call<T>(action: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

function client(port: number): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    call<T>(action: string, params: Record<string, unknown> = {}) {
      const body = JSON.stringify({ action, version: 6, params });
      return new Promise<T>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const reply = JSON.parse(Buffer.concat(chunks).toString()) as { result: T; error: string | null };
            if (reply.error) reject(new Error(`${action}: ${reply.error}`));
            else resolve(reply.result);
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

const ANSWERS = 10_000;
const WARM_UP = 300;
const BATCHES = 3;

async function overHttp(ctx: { dataDir: string }): Promise<Figure[]> {
  const engram = await startEngram({ dataDir: ctx.dataDir, mode: 'web', env: {}, overrides: { webBindPort: 0 } });
  const c = client(engram.api.port);
  try {
    const figures: Figure[] = [];
    // Warm-up on other cards (JIT, statement cache), as a running server would be.
    const warm = await c.call<number[]>('findCards', { query: 'deck:Greek -is:suspended -is:buried' });
    await c.call('answerCards', { answers: warm.slice(0, WARM_UP).map((cardId) => ({ cardId, ease: 3 })) });

    // Three batches on disjoint cards (the machine is shared, so one batch can be unlucky); the median counts.
    const french = await c.call<number[]>('findCards', { query: 'deck:French -is:suspended -is:buried' });
    if (french.length < BATCHES * ANSWERS) throw new Error(`only ${french.length} French cards to answer`);
    const batches: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const answers = french.slice(b * ANSWERS, (b + 1) * ANSWERS).map((cardId, i) => ({ cardId, ease: 1 + (i % 4) }));
      const answered = await time(() => c.call<boolean[]>('answerCards', { answers }));
      if (!answered.value.every((ok) => ok)) throw new Error('answerCards: some cards were not answered');
      batches.push(answered.ms);
    }
    figures.push({
      name: `answerCards of ${ANSWERS.toLocaleString('en')} cards over HTTP (eases 1–4, one transaction), median of ${BATCHES} batches`,
      value: median(batches),
      unit: 'ms',
      target: { value: 1000, higherIsBetter: false },
      note: `batches ${batches.map((ms) => ms.toFixed(0)).join(' / ')} ms, after a ${WARM_UP}-card warm-up on other cards`,
    });

    const names = await c.call<string[]>('deckNames');
    await c.call('getDeckStats', { decks: names });
    const stats: number[] = [];
    for (let i = 0; i < 15; i++) stats.push((await time(() => c.call('getDeckStats', { decks: names }))).ms);
    figures.push({
      name: `getDeckStats for all ${names.length} decks over HTTP, median of 15`,
      value: median(stats),
      unit: 'ms',
      target: { value: 50, higherIsBetter: false },
    });
    return figures;
  } finally {
    c.close();
    await engram.close();
  }
}

function treeCounts(collectionPath: string): Figure {
  const col = Collection.open(collectionPath);
  try {
    deckTreeCounts(col);
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      deckTreeCounts(col);
      samples.push(performance.now() - start);
    }
    return { name: 'deck tree counts (deckTreeCounts, engine), median of 15', value: median(samples), unit: 'ms', target: { value: 50, higherIsBetter: false } };
  } finally {
    col.close();
  }
}

export const schedSuite: BenchSuite = {
  name: 'sched',
  async run(ctx) {
    const figures = await overHttp(ctx);
    figures.push(treeCounts(ctx.collectionPath));
    return figures;
  },
};
