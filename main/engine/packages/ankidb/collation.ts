/**
 * Whether SQLite's `nocase` (ASCII-only folding) and Anki's `unicase` (Unicode case
 * folding) put every indexed name in the same order, so an index built with one is
 * valid under the other.
 */
import { humanToNative } from '../convert/deck';
import type { AnkiCollectionMeta } from './model';

type Key = [name: string, tie: number];

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0)!);
}

function compareCodePoints(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const asciiLower = (text: string): number[] => codePoints(text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
const unicodeFold = (text: string): number[] => codePoints(text.toUpperCase().toLowerCase());

function compareKeys(a: Key, b: Key, fold: (text: string) => number[]): number {
  return compareCodePoints(fold(a[0]), fold(b[0])) || a[1] - b[1];
}

/** True when sorting by nocase also sorts strictly by unicase (no unicase-equal keys either). */
function sameOrder(keys: Key[]): boolean {
  if (keys.every(([name]) => /^[\x00-\x7f]*$/.test(name))) return true;
  const sorted = [...keys].sort((a, b) => compareKeys(a, b, asciiLower));
  for (let i = 1; i < sorted.length; i++) {
    if (compareKeys(sorted[i - 1]!, sorted[i]!, unicodeFold) >= 0) return false;
  }
  return true;
}

export function unicaseOrderingIsSafe(meta: AnkiCollectionMeta): boolean {
  const notetypeNames: Key[] = meta.notetypes.map((nt) => [nt.name, 0]);
  const fieldNames: Key[] = meta.notetypes.flatMap((nt) => nt.flds.map((f): Key => [f.name, nt.id]));
  const templateNames: Key[] = meta.notetypes.flatMap((nt) => nt.tmpls.map((t): Key => [t.name, nt.id]));
  const deckNames: Key[] = meta.decks.map((d) => [humanToNative(d.name), 0]);
  const tags: Key[] = meta.tags.map((t) => [t.tag, 0]);
  return [notetypeNames, fieldNames, templateNames, deckNames, tags].every(sameOrder);
}
