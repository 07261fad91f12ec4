import { Agent, request } from 'node:http';
import { startEngram } from '../main/app/app';
import { median, time, type BenchSuite, type Figure } from './harness';

interface Client {
  call(action: string, params?: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

function client(port: number, sockets: number): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return {
    call(action, params = {}) {
      const body = JSON.stringify({ action, version: 6, params });
      return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const reply = JSON.parse(Buffer.concat(chunks).toString()) as { result: unknown; error: string | null };
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

/** `version` throughput with 32 keep-alive clients for a fixed number of requests. */
async function versionThroughput(c: Client, clients: number, total: number): Promise<number> {
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent++;
      await c.call('version');
    }
  };
  const { ms } = await time(() => Promise.all(Array.from({ length: clients }, worker)));
  return total / (ms / 1000);
}

function yomitanNotes(n: number, salt: string) {
  return Array.from({ length: n }, (_, i) => ({
    deckName: 'Japanese::Mining::A',
    modelName: 'Basic',
    fields: { Front: `読む${salt}${i}`, Back: `to read ${i}` },
    tags: ['yomitan'],
    options: { allowDuplicate: false, duplicateScope: 'collection' },
  }));
}

export const apiSuite: BenchSuite = {
  name: 'api',
  async run(ctx) {
    const engram = await startEngram({ dataDir: ctx.dataDir, mode: 'web', env: {}, overrides: { webBindPort: 0 } });
    const c = client(engram.api.port, 32);
    const figures: Figure[] = [];
    try {
      await versionThroughput(c, 32, 2000);
      const rps = await versionThroughput(c, 32, 20_000);
      figures.push({ name: 'version, 32 keep-alive clients', value: rps, unit: 'req/s', target: { value: 5000, higherIsBetter: true } });

      const notes = yomitanNotes(10_000, 'bulk');
      const add = await time(() => c.call('addNotes', { notes }));
      figures.push({ name: 'addNotes of 10,000 notes', value: add.ms, unit: 'ms', target: { value: 1000, higherIsBetter: false } });

      const lookups: number[] = [];
      for (let i = 0; i < 30; i++) {
        const { ms } = await time(async () => {
          await c.call('canAddNotesWithErrorDetail', { notes: yomitanNotes(20, `look${i}`) });
          const ids = (await c.call('findNotes', { query: `"deck:Japanese::Mining::A" "Front:読む${i}*"` })) as number[];
          await c.call('notesInfo', { notes: ids.slice(0, 20) });
        });
        lookups.push(ms);
      }
      figures.push({ name: 'Yomitan lookup (canAddNotesWithErrorDetail ×20 + findNotes + notesInfo), median', value: median(lookups), unit: 'ms', target: { value: 10, higherIsBetter: false } });

      const noteIds = ((await c.call('findNotes', { query: 'deck:Japanese' })) as number[]).slice(0, 10_000);
      const cardIds = ((await c.call('findCards', { query: 'deck:Japanese' })) as number[]).slice(0, 10_000);
      const otherCards = ((await c.call('findCards', { query: 'deck:French' })) as number[]).slice(0, 10_000);
      const otherNotes = ((await c.call('findNotes', { query: 'deck:French' })) as number[]).slice(0, 10_000);
      // First call on a fresh server (cold: JIT, caches), then the median of 3 after a warm-up on other ids.
      const coldNotes = await time(() => c.call('notesInfo', { notes: noteIds }));
      const coldCards = await time(() => c.call('cardsInfo', { cards: cardIds }));
      await c.call('notesInfo', { notes: otherNotes });
      await c.call('cardsInfo', { cards: otherCards });
      const warm = async (action: string, key: string, ids: number[]) => {
        const samples: number[] = [];
        for (let i = 0; i < 3; i++) samples.push((await time(() => c.call(action, { [key]: ids }))).ms);
        return median(samples);
      };
      figures.push({ name: `notesInfo for ${noteIds.length} ids, warm (median of 3)`, value: await warm('notesInfo', 'notes', noteIds), unit: 'ms', target: { value: 300, higherIsBetter: false }, note: `first call ${coldNotes.ms.toFixed(0)} ms` });
      figures.push({ name: `cardsInfo for ${cardIds.length} ids, warm (median of 3)`, value: await warm('cardsInfo', 'cards', cardIds), unit: 'ms', target: { value: 300, higherIsBetter: false }, note: `first call ${coldCards.ms.toFixed(0)} ms; the reply is ~13 MB of JSON` });
    } finally {
      c.close();
      await engram.close();
    }
    return figures;
  },
};
