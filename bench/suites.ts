import type { BenchSuite } from './harness';

/** Suites beyond the engine's; each area adds its own here. */
export function extraSuites(): BenchSuite[] {
  return [];
}
