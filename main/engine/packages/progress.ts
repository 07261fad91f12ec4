/** Progress reporting and cancellation for long package operations. */

export type PackageStage =
  | 'reading'
  | 'notetypes'
  | 'notes'
  | 'decks'
  | 'cards'
  | 'revlog'
  | 'media'
  | 'gathering'
  | 'writing'
  | 'compressing'
  | 'finishing';

export type ProgressCallback = (done: number, total: number, stage: PackageStage) => void;

export interface TaskControl {
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

/** Reports progress (throttled to every `every` items) and throws if the task was cancelled. */
export class Progress {
  constructor(private readonly control: TaskControl = {}) {}

  check(): void {
    this.control.signal?.throwIfAborted();
  }

  report(stage: PackageStage, done: number, total: number, every = 1): void {
    this.check();
    this.inform(stage, done, total, every);
  }

  /** Reports without honouring cancellation (for steps that must not stop half-way). */
  inform(stage: PackageStage, done: number, total: number, every = 1): void {
    if (done === 0 || done === total || done % every === 0) this.control.onProgress?.(done, total, stage);
  }

  /** Yields to the event loop so the GUI can repaint and an abort can arrive. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check();
  }
}
