/**
 * Python's glob/fnmatch for one folder level: `*`, `?`, `[seq]`, `[!seq]`; case-sensitive;
 * names starting with "." match only a pattern that starts with ".".
 */

const MAGIC = /[*?[]/;

export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** fnmatch.translate, as a JavaScript RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i++]!;
    if (c === '*') {
      out += '[\\s\\S]*';
    } else if (c === '?') {
      out += '[\\s\\S]';
    } else if (c === '[') {
      let j = i;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i, j);
      i = j + 1;
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      const escaped = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]').replace(/\^/g, '\\^').replace(/\[/g, '\\[');
      out += negated ? `[^${escaped}]` : escaped ? `[${escaped}]` : '(?!)';
    } else {
      out += escapeRegex(c);
    }
  }
  return new RegExp(`^${out}$`, 'u');
}

/** Names (from one folder listing) that glob.glob(pattern) would return. */
export function globMatch(names: readonly string[], pattern: string): string[] {
  if (!hasGlobMagic(pattern)) return names.includes(pattern) ? [pattern] : [];
  let regex: RegExp;
  try {
    regex = globToRegExp(pattern);
  } catch {
    return []; // e.g. a reversed range such as [z-a], which matches nothing in Python either
  }
  const allowHidden = pattern.startsWith('.');
  return names.filter((name) => (allowHidden || !name.startsWith('.')) && regex.test(name));
}
