import type { BenchSuite } from './harness';
import { apiSuite } from './api.bench';
import { searchSuite } from './search.bench';
import { packagesSuite } from './packages.bench';
import { schedSuite } from './sched.bench';
import { guiSuite } from './gui.bench';

/** Suites beyond the engine's; each area adds its own here. */
export function extraSuites(): BenchSuite[] {
  return [searchSuite, apiSuite, schedSuite, guiSuite, packagesSuite];
}
