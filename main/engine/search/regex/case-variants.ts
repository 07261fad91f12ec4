/**
 * Characters equal to a given one under simple case folding (what Rust's `(?i)` and
 * JavaScript's `iu` flags use). Needed only when a pattern mixes case-sensitive and
 * case-insensitive parts, which JavaScript cannot express with one flag.
 */

/** Folding partners that toUpperCase/toLowerCase alone do not reach. */
const EXTRA_PARTNERS: readonly string[] = [
  'kK\u212a',
  's\u017fS',
  '\u00e5\u00c5\u212b',
  '\u03c3\u03c2\u03a3',
  '\u03b8\u03d1\u0398\u03f4',
  '\u03b2\u03d0\u0392',
  '\u03b5\u03f5\u0395',
  '\u03ba\u03f0\u039a',
  '\u03c0\u03d6\u03a0',
  '\u03c1\u03f1\u03a1',
  '\u03c6\u03d5\u03a6',
  '\u03c9\u03a9\u2126',
  '\u03bc\u00b5\u039c',
  '\u03b9\u0345\u1fbe\u0399',
  '\u1e61\u1e9b\u1e60',
  '\u00df\u1e9e',
];

const cache = new Map<string, number[]>();

export function caseVariants(cp: number, unicode: boolean): number[] {
  const key = `${cp}:${unicode}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const ch = String.fromCodePoint(cp);
  const candidates = new Set<string>([ch]);
  if (!unicode) {
    if (/[A-Za-z]/.test(ch)) candidates.add(ch.toLowerCase()).add(ch.toUpperCase());
  } else {
    for (const form of [ch.toLowerCase(), ch.toUpperCase(), ch.toLowerCase().toUpperCase(), ch.toUpperCase().toLowerCase()]) {
      if ([...form].length === 1) candidates.add(form);
    }
    for (const group of EXTRA_PARTNERS) if (group.includes(ch)) for (const p of group) candidates.add(p);
  }
  const probe = new RegExp(`^\\u{${cp.toString(16)}}$`, 'iu');
  const result = [...candidates]
    .filter((c) => c === ch || !unicode || probe.test(c))
    .map((c) => c.codePointAt(0)!)
    .sort((a, b) => a - b);
  cache.set(key, result);
  return result;
}

let casedCache: number[] | undefined;

/** Every code point that has another case form (all such letters lie below U+1F000). */
export function casedCodePoints(): number[] {
  if (!casedCache) {
    const extra = new Set(EXTRA_PARTNERS.join(''));
    casedCache = [];
    for (let cp = 0; cp < 0x1f000; cp++) {
      if (cp === 0xd800) cp = 0xe000;
      const ch = String.fromCodePoint(cp);
      if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch || extra.has(ch)) casedCache.push(cp);
    }
  }
  return casedCache;
}
