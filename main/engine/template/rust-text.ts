/** String helpers that behave like the Rust std/crate functions Anki's renderer uses. */

/** Rust's `char::is_whitespace` (Unicode White_Space); unlike JS `\s`, no U+FEFF, plus U+0085. */
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING_WS = new RegExp(`^${WS}+`, 'u');
const TRAILING_WS = new RegExp(`${WS}+$`, 'u');

export function rustTrimStart(text: string): string {
  return text.replace(LEADING_WS, '');
}

export function rustTrim(text: string): string {
  return rustTrimStart(text).replace(TRAILING_WS, '');
}

/** Length in UTF-8 bytes, which is what Rust's `str::len` counts. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const MINIMAL_ENTITIES: Readonly<Record<string, string>> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#x27;',
  '<': '&lt;',
  '>': '&gt;',
};

/** htmlescape::encode_minimal. */
export function encodeMinimal(text: string): string {
  return text.replace(/["&'<>]/g, (c) => MINIMAL_ENTITIES[c] ?? c);
}

/**
 * htmlescape::encode_attribute: the minimal entities, and every other character below
 * U+0100 that is not an ASCII letter or digit as `&#xHH;` (upper-case hex).
 */
export function encodeAttribute(text: string): string {
  let out = '';
  for (const c of text) {
    const minimal = MINIMAL_ENTITIES[c];
    const code = c.codePointAt(0) ?? 0;
    if (minimal !== undefined) out += minimal;
    else if (code < 256 && !/[A-Za-z0-9]/.test(c)) out += `&#x${code.toString(16).toUpperCase().padStart(2, '0')};`;
    else out += c;
  }
  return out;
}
