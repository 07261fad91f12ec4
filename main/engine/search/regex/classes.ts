import type { Flags } from './ast';

/** Character class sources shared by the translator and the linear matcher (JavaScript `v`-flag syntax). */

export const WORD_UNICODE = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
export const WORD_ASCII = '[0-9A-Za-z_]';

/** ASCII classes as code point ranges, so case-insensitive expansion can see their letters. */
export const POSIX: Record<string, [number, number][]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** Rust's `\\w`: Unicode (Alphabetic, marks, decimal digits, connector punctuation, joiners) or ASCII. */
export function wordClass(unicode: boolean): string {
  return unicode ? WORD_UNICODE : WORD_ASCII;
}

export function perlClass(ch: string, flags: Flags): string | undefined {
  const u = flags.u;
  switch (ch) {
    case 'd':
      return u ? '\\p{Nd}' : '[0-9]';
    case 'D':
      return u ? '\\P{Nd}' : '[^0-9]';
    case 's':
      return u ? '\\p{White_Space}' : '[\\u{9}-\\u{d}\\u{20}]';
    case 'S':
      return u ? '\\P{White_Space}' : '[^\\u{9}-\\u{d}\\u{20}]';
    case 'w':
      return wordClass(flags.u);
    case 'W':
      return u ? `[^${WORD_UNICODE.slice(1, -1)}]` : '[^0-9A-Za-z_]';
    default:
      return undefined;
  }
}

const GENERAL_CATEGORY_KEYS = new Set(['gc', 'generalcategory']);
const SCRIPT_KEYS = new Set(['sc', 'script']);
const SCRIPT_EXTENSION_KEYS = new Set(['scx', 'scriptextensions']);

function validProperty(source: string): boolean {
  try {
    new RegExp(source, 'v');
    return true;
  } catch {
    return false;
  }
}

/** Rust's loosely matched names ("greek", "Uppercase Letter", "white_space") → a JS `\p{…}` that exists. */
function looseNames(name: string): string[] {
  const words = name.trim().split(/[\s_-]+/).filter(Boolean);
  const title = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  const candidates = [name, title.join('_'), title.join(''), name.toUpperCase(), name.toLowerCase()];
  if (words.length === 1 && name.length <= 2) candidates.push(name[0]!.toUpperCase() + name.slice(1).toLowerCase());
  return [...new Set(candidates)];
}

export function unicodePropertySource(rawName: string): string | undefined {
  const special: Record<string, string> = { any: '[\\s\\S]', ascii: '\\p{ASCII}', assigned: '\\p{Assigned}' };
  const eq = rawName.search(/[=:]/);
  if (eq < 0) {
    const key = rawName.replace(/[\s_-]/g, '').toLowerCase();
    if (special[key]) return special[key];
    for (const candidate of looseNames(rawName)) {
      for (const source of [`\\p{${candidate}}`, `\\p{Script=${candidate}}`]) if (validProperty(source)) return source;
    }
    return undefined;
  }
  const key = rawName.slice(0, eq).replace(/[\s_-]/g, '').toLowerCase();
  const value = rawName.slice(eq + 1);
  const jsKey = GENERAL_CATEGORY_KEYS.has(key)
    ? 'General_Category'
    : SCRIPT_KEYS.has(key)
      ? 'Script'
      : SCRIPT_EXTENSION_KEYS.has(key)
        ? 'Script_Extensions'
        : undefined;
  if (!jsKey) return undefined;
  for (const candidate of looseNames(value)) {
    const source = `\\p{${jsKey}=${candidate}}`;
    if (validProperty(source)) return source;
  }
  return undefined;
}

