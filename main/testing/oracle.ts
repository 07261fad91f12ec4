import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The official Anki engine (PyPI `anki`), used by tests only to prove fidelity.
 * It lives in a venv under .oracle/ that the test setup (or .ci/run) creates.
 */
export const ORACLE_ANKI_VERSION = '26.9.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ORACLE_SCRIPTS_DIR = join(repoRoot, 'main/testing/oracle');
const venvDir = process.env.ENGRAM_ORACLE_VENV ?? join(repoRoot, '.oracle/venv');

export function oraclePython(): string {
  return join(venvDir, 'bin', 'python');
}

/** Creates the venv with anki==26.9.3 if it is missing. Idempotent. */
export function ensureOracle(): string {
  const python = oraclePython();
  if (existsSync(python)) {
    const probe = spawnSync(python, ['-c', 'import anki.buildinfo as b; print(b.version)'], { encoding: 'utf8' });
    if (probe.status === 0 && sameVersion(probe.stdout.trim(), ORACLE_ANKI_VERSION)) return python;
  }
  const systemPython = process.env.PYTHON ?? 'python3';
  execFileSync(systemPython, ['-m', 'venv', venvDir], { stdio: 'inherit' });
  execFileSync(python, ['-m', 'pip', 'install', '--quiet', `anki==${ORACLE_ANKI_VERSION}`], { stdio: 'inherit' });
  return python;
}

/** Anki reports "26.09.3" for the PyPI release 26.9.3. */
function sameVersion(a: string, b: string): boolean {
  const norm = (v: string) => v.split('.').map((part) => String(Number(part))).join('.');
  return norm(a) === norm(b);
}

/**
 * Runs main/testing/oracle/<script> with `input` as JSON on stdin and returns its
 * JSON stdout. Scripts make their own temporary collection.
 */
export function runOracle<T>(script: string, input: unknown, timeoutMs = 600_000): T {
  const result = spawnSync(oraclePython(), [join(ORACLE_SCRIPTS_DIR, script)], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: timeoutMs,
  });
  if (result.status !== 0) {
    throw new Error(`oracle script ${script} failed (${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
