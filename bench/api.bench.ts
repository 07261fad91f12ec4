import { Agent, request } from 'node:http';
import { startEngram } from '../main/app/app';
import { median, time, type BenchSuite, type Figure } from './harness';

/** One exchange, timed to the last byte of the reply (the server's part) and then the client's JSON.parse. */
interface Exchange {
  result: unknown;
  replyMs: number;
  parseMs: number;
  bytes: number;
}

interface Client {
  call(action: string, params?: Record<string, unknown>): Promise<unknown>;
  exchange(action: string, params?: Record<string, unknown>): Promise<Exchange>;
  close(): void;
}

function client(port: number, sockets: number): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const exchange = (action: string, params: Record<string, unknown> = {}): Promise<Exchange> => {
    const body = JSON.stringify({ action, version: 6, params });
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const replyMs = performance.now() - start;
          const text = Buffer.concat(chunks);
          const reply = JSON.parse(text.toString()) as { result: unknown; error: string | null };
          const parseMs = performance.now() - start - replyMs;
          if (reply.error) reject(new Error(`${action}: ${reply.error}`));
          else resolve({ result: reply.result, replyMs, parseMs, bytes: text.length });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  return {
    exchange,
    call: async (action, params) => (await exchange(action, params)).result,
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
      // Timed to the reply's last byte: the client's own JSON.parse is reported beside it, not in it.
      const coldNotes = await c.exchange('notesInfo', { notes: noteIds });
      const coldCards = await c.exchange('cardsInfo', { cards: cardIds });
      await c.call('notesInfo', { notes: otherNotes });
      await c.call('cardsInfo', { cards: otherCards });
      const warm = async (action: string, key: string, ids: number[], cold: Exchange): Promise<Figure> => {
        const runs: Exchange[] = [];
        for (let i = 0; i < 3; i++) runs.push(await c.exchange(action, { [key]: ids }));
        const note = `first call ${cold.replyMs.toFixed(0)} ms; reply ${(runs[0]!.bytes / 1e6).toFixed(1)} MB, which a Node client then parses in ${median(runs.map((r) => r.parseMs)).toFixed(0)} ms`;
        return { name: `${action} for ${ids.length} ids, warm (median of 3, to the reply's last byte)`, value: median(runs.map((r) => r.replyMs)), unit: 'ms', target: { value: 300, higherIsBetter: false }, note };
      };
      figures.push(await warm('notesInfo', 'notes', noteIds, coldNotes));
      figures.push(await warm('cardsInfo', 'cards', cardIds, coldCards));
    } finally {
      c.close();
      await engram.close();
    }
    return figures;
  },
};
