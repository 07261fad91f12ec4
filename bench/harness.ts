import { performance } from 'node:perf_hooks';

/** One measured figure, with its target when the issue names one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Target and whether higher is better. */
  target?: { value: number; higherIsBetter: boolean };
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export interface BenchContext {
  /** Engram data dir whose only profile ("Bench") is the shared 100k-note profile. */
  dataDir: string;
  /** The profile's folder (built once per run). */
  profileDir: string;
  collectionPath: string;
  mediaDir: string;
  workDir: string;
}

export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "meets" when the figure is on the right side of its target; the ratio is value/target (or target/value when lower is better), ≥ 1 is good. */
export function verdict(figure: Figure): string {
  if (!figure.target) return '';
  const { value: target, higherIsBetter } = figure.target;
  const ratio = higherIsBetter ? figure.value / target : target / Math.max(figure.value, 1e-9);
  return `${ratio >= 1 ? 'meets' : 'MISSES'} (×${ratio.toFixed(2)} of target)`;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
