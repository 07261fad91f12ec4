import type { BenchSuite } from './harness';
import { apiSuite } from './api.bench';

/** Suites beyond the engine's; each area adds its own here. */
export function extraSuites(): BenchSuite[] {
  return [apiSuite];
}
