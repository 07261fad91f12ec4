/**
 * Anki's search-text helpers (rslib/src/text.rs): wildcards to SQL LIKE or regex,
 * combining-mark removal and cloze stripping. Regex output is JavaScript source for
 * the `v` flag; see rust-regex.ts for user-written regexes.
 */

/** True if the text has an unescaped `*` or `_`. */
export function isGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '_') return true;
  }
  return false;
}

/** Anki wildcards → SQL LIKE (ESCAPE '\'): `*` → `%`, `\*` → `*`, `%` → `\%`; `\\`, `_`, `\_` kept. */
export function toSqlLike(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\' && (next === '\\' || next === '*')) {
      out += next === '\\' ? '\\\\' : '*';
      i++;
    } else if (ch === '*') out += '%';
    else if (ch === '%') out += '\\%';
    else out += ch;
  }
  return out;
}

/** Removes every backslash escape (`\x` → `x`). */
export function toText(text: string): string {
  return text.replace(/\\([^\n])/gu, '$1');
}

/** A code point as a regex atom that is valid anywhere in a `v`-flag pattern. */
export function regexLiteral(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return /^[A-Za-z0-9]$/.test(ch) ? ch : `\\u{${cp.toString(16)}}`;
}

export function escapeRegex(text: string): string {
  let out = '';
  for (const ch of text) out += regexLiteral(ch.codePointAt(0)!);
  return out;
}

/** Rust's `.` without the s flag. */
const RUST_DOT = '[^\\n]';

/**
 * Anki wildcards → regex source: `*` → `<wildcard>*`, `_` → `<wildcard>`, `\*` and `\\`
 * literal, `\_` → `_`; everything else literal.
 */
export function globToRegex(text: string, wildcard = RUST_DOT): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\\' && next !== undefined && next !== '\n') {
      i++;
      if (next === '*' || next === '\\') out += regexLiteral(next.codePointAt(0)!);
      else if (next === '_') out += '_';
      else out += regexLiteral(0x5c) + regexLiteral(next.codePointAt(0)!);
    } else if (ch === '*') {
      out += `${wildcard}*`;
    } else if (ch === '_') {
      out += wildcard;
    } else {
      out += regexLiteral(ch.codePointAt(0)!);
    }
  }
  return out;
}

const EXTRA_NO_COMBINING: Record<string, string> = {
  '€': 'E',
  Æ: 'AE',
  Ð: 'D',
  Ø: 'O',
  Þ: 'TH',
  ß: 's',
  æ: 'ae',
  ð: 'd',
  ø: 'o',
  þ: 'th',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  Ł: 'L',
  ł: 'l',
  Ŋ: 'N',
  ŋ: 'n',
  Œ: 'OE',
  œ: 'oe',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ǝ: 'e',
  ɑ: 'a',
};
const EXTRA_CHARS = new RegExp(`[${Object.keys(EXTRA_NO_COMBINING).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;
const NEEDS_WORK = new RegExp(`[^\\u0000-\\u007f]`, 'u');

/** NFKD with combining marks dropped, plus Anki's extra letter map (ß → s, ø → o, …). */
export function withoutCombining(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(EXTRA_CHARS, (ch) => EXTRA_NO_COMBINING[ch] ?? ch);
}

const CLOZE = /\{\{c[\p{Nd},]+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/gu;

/** `{{c1::text::hint}}` → `text`. */
export function stripClozes(text: string): string {
  return text.includes('{{') ? text.replace(CLOZE, '$1') : text;
}

const RUST_META = new Set([...'\\.+*?()|[]{}^$#&-~']);

/** Anki's to_custom_re: wildcards to Rust regex syntax (`_` becomes `wildcard`, `*` becomes `wildcard*`). */
export function globToRustRegex(text: string, wildcard = '.'): string {
  let out = '';
  const chars = [...text];
  const escape = (ch: string): string => (RUST_META.has(ch) ? `\\${ch}` : ch);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (ch === '\\' && next !== undefined && next !== '\n') {
      i++;
      if (next === '*' || next === '\\') out += `\\${next}`;
      else if (next === '_') out += '_';
      else out += `\\\\${escape(next)}`;
    } else if (ch === '*') out += `${wildcard}*`;
    else if (ch === '_') out += wildcard;
    else out += escape(ch);
  }
  return out;
}
