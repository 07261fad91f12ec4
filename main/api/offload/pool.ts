import { Worker } from 'node:worker_threads';
import type { OffloadInput, OffloadReady, OffloadReply, OffloadTask } from './tasks';
import { offloadWorkerSource, type WorkerSource } from './source';

/** Runs pure, CPU-heavy formatting on the machine's other core. */
export interface Offload {
  /** Rejects when the worker cannot run it: callers then do the work themselves. */
  run<T extends OffloadTask>(task: T, input: OffloadInput<T>): Promise<string>;
  close(): Promise<void>;
}

interface Job {
  resolve(value: string): void;
  reject(error: Error): void;
}

/**
 * One worker thread, started on first use and stopped after a minute idle. It never keeps
 * the process alive, and a worker that cannot start is not tried again.
 */
export class WorkerOffload implements Offload {
  private worker: Promise<Worker> | undefined;
  private ready: Worker | undefined;
  /** The worker jobs go to; events from one already closed are ignored. */
  private current: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  /** Bumped by close(): a start begun before it does not spawn after it. */
  private generation = 0;
  /** Some worker got as far as ready: a later crash is worth a restart. */
  private loaded = false;
  private broken = false;

  constructor(
    private readonly source: () => Promise<WorkerSource> = offloadWorkerSource,
    private readonly idleMs = 60_000,
  ) {}

  /**
   * Posts at once when the worker is up, so it starts while the caller goes on with its own
   * share. A worker still starting declines (and keeps starting): waiting for it would cost
   * the caller more than doing the work itself.
   */
  run<T extends OffloadTask>(task: T, input: OffloadInput<T>): Promise<string> {
    if (this.broken) return Promise.reject(new Error('the offload worker is unavailable'));
    clearTimeout(this.idle);
    if (this.ready) return this.post(this.ready, task, input);
    this.start().catch(() => undefined);
    return Promise.reject(new Error('the offload worker is starting'));
  }

  /** Resolves once the worker can take work (rejects if it cannot start). */
  async started(): Promise<void> {
    await this.start();
  }

  private post(worker: Worker, task: OffloadTask, input: unknown): Promise<string> {
    clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, task, input });
      } catch (error) {
        // Input that cannot be cloned: no reply will come for it.
        this.jobs.delete(id);
        if (!this.jobs.size) this.armIdle();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async close(): Promise<void> {
    this.generation++;
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.current = undefined;
    this.rejectJobs(new Error('the offload worker was stopped'));
    if (worker) await (await worker.catch(() => undefined))?.terminate();
  }

  private start(): Promise<Worker> {
    if (this.broken) return Promise.reject(new Error('the offload worker is unavailable'));
    if (this.worker) return this.worker;
    const generation = this.generation;
    const starting = this.source().then(
      (source) => {
        if (generation !== this.generation) throw new Error('the offload worker was stopped while starting');
        return this.spawn(source);
      },
      (error: unknown) => {
        // No bundle and no esbuild: nothing to start, now or later.
        this.broken = true;
        throw error;
      },
    );
    this.worker = starting;
    starting.catch(() => {
      if (this.worker === starting) this.worker = undefined;
    });
    return starting;
  }

  /** Resolves when the worker says it is ready; rejects if it fails before that. */
  private spawn(source: WorkerSource): Promise<Worker> {
    const worker = 'file' in source ? new Worker(source.file) : new Worker(source.code, { eval: true });
    this.current = worker;
    worker.unref();
    return new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: OffloadReply | OffloadReady) => {
        if (!('ready' in message)) this.settle(message);
        else if (worker !== this.current) reject(new Error('the offload worker was stopped while starting'));
        else {
          this.ready = worker;
          this.loaded = true;
          this.armIdle();
          resolve(worker);
        }
      });
      worker.on('error', (error: Error) => {
        reject(error);
        this.fail(worker, error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`the offload worker exited (${code})`);
        reject(error);
        this.fail(worker, error);
      });
    });
  }

  private settle(reply: OffloadReply): void {
    const job = this.jobs.get(reply.id);
    if (!job) return;
    this.jobs.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.value);
    if (!this.jobs.size) this.armIdle();
  }

  private armIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (worker !== this.current) return;
    this.current = undefined;
    this.ready = undefined;
    this.worker = undefined;
    // A worker that never got ready (a missing bundle, a load error) will not do better next time.
    if (!this.loaded) this.broken = true;
    this.rejectJobs(error);
  }

  private rejectJobs(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

let shared: Offload | undefined;

/** The process's offload worker. */
export function sharedOffload(): Offload {
  shared ??= new WorkerOffload();
  return shared;
}
