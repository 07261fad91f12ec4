import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardsInfoSlice } from '../actions/cards/info-format';
import { formatCardsInfo } from '../actions/cards/info-format';
import { WorkerOffload } from './pool';
import { offloadWorkerSource } from './source';

/** A slice with one missing card and no notetypes: enough to prove the task runs in the worker. */
const emptySlice = (): CardsInfoSlice => ({
  sources: [undefined, undefined],
  notetypes: new Map(),
  mediaDir: tmpdir(),
  labels: { collapseSecs: 1200, bases: new Map(), revlogs: new Map() },
});

const pools: WorkerOffload[] = [];
function pool(...args: ConstructorParameters<typeof WorkerOffload>): WorkerOffload {
  const made = new WorkerOffload(...args);
  pools.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerOffload', () => {
  it('declines while the worker starts, then runs tasks on it', async () => {
    const offload = pool();
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('starting');
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe(formatCardsInfo(emptySlice()));
  });

  it('runs the prebuilt bundle as Electron ships it', async () => {
    const { code } = (await offloadWorkerSource()) as { code: string };
    const file = join(mkdtempSync(join(tmpdir(), 'engram-offload-')), 'offload-worker.cjs');
    writeFileSync(file, code);
    const offload = pool(async () => ({ file }));
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
  });

  it('reports a task that throws as a rejection and keeps working', async () => {
    const offload = pool();
    await offload.started();
    const broken = { ...emptySlice(), sources: null } as unknown as CardsInfoSlice;
    await expect(offload.run('cardsInfo', broken)).rejects.toThrow();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
  });

  it('rejects input that cannot travel to the worker, and still goes idle after it', async () => {
    const offload = pool(undefined, 50);
    await offload.started();
    const uncloneable = { ...emptySlice(), mediaDir: () => 'no' } as unknown as CardsInfoSlice;
    await expect(offload.run('cardsInfo', uncloneable)).rejects.toThrow();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
    await expect(offload.run('cardsInfo', uncloneable)).rejects.toThrow();
    // No job is left pending, so the idle stop still comes.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('starting');
  });

  it('gives up on a worker that cannot start, without retrying on every call', async () => {
    let starts = 0;
    const offload = pool(async () => {
      starts++;
      return { file: join(tmpdir(), 'no-such-offload-worker.cjs') };
    });
    await expect(offload.started()).rejects.toThrow();
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('unavailable');
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('unavailable');
    expect(starts).toBe(1);
  });

  it('can start again after being closed while starting', async () => {
    const offload = pool();
    const first = offload.started();
    await offload.close();
    await expect(first).rejects.toThrow();
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
  });

  it('restarts a worker that crashed after it had loaded, failing only the jobs it held', async () => {
    const { code } = (await offloadWorkerSource()) as { code: string };
    // The same worker, plus a way to make it die mid-job.
    const crashing = `require('node:worker_threads').parentPort.on('message', (m) => { if (m.input && m.input.crash) process.exit(3); });\n${code}`;
    const offload = pool(async () => ({ code: crashing }));
    await offload.started();
    await expect(offload.run('cardsInfo', { ...emptySlice(), crash: true } as CardsInfoSlice)).rejects.toThrow('exited (3)');
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('starting');
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
  });

  it('stops the worker once idle and starts it again on demand', async () => {
    const offload = pool(undefined, 50);
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(offload.run('cardsInfo', emptySlice())).rejects.toThrow('starting');
    await offload.started();
    expect(await offload.run('cardsInfo', emptySlice())).toBe('[{},{}]');
  });
});
