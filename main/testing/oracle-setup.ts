import { ensureOracle } from './oracle';

/** Vitest global setup: make sure the official-engine venv exists before oracle tests run. */
export default function setup(): void {
  ensureOracle();
}
