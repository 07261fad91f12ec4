import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPaths, buildBenchProfile } from './profile';
import { engineSuite } from './engine.bench';
import { verdict, type BenchSuite, type Figure } from './harness';
import { extraSuites } from './suites';

/**
 * `npm run bench`: builds the 100k-note profile once, runs every suite against it,
 * prints each figure with its target ratio and writes bench/results/latest.json.
 * Pass suite names to run only those (e.g. `npm run bench -- api search`).
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const workDir = join(tmpdir(), `engram-bench-${process.pid}`);
  const paths = benchPaths(workDir);
  console.log(`building the 100k-note profile in ${paths.profileDir} …`);
  const build = buildBenchProfile(paths.collectionPath);
  const suites: BenchSuite[] = [engineSuite(build), ...extraSuites()];
  const results: Record<string, Figure[]> = {};
  for (const suite of suites) {
    if (only.length && !only.includes(suite.name)) continue;
    console.log(`\n== ${suite.name}`);
    try {
      const figures = await suite.run({ ...paths, workDir });
      results[suite.name] = figures;
      for (const f of figures) {
        const value = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
        console.log(`  ${f.name}: ${value} ${f.unit} ${verdict(f)}${f.note ? ` — ${f.note}` : ''}`);
      }
    } catch (error) {
      console.log(`  FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  rmSync(workDir, { recursive: true, force: true });
  const outDir = join(import.meta.dirname ?? '.', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
