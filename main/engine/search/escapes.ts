import type { SearchErrorKind } from './errors';

/** Thrown inside the parser; parseSearch turns it into an EngineError. */
export class ParseFailure extends Error {
  constructor(readonly error: SearchErrorKind) {
    super('search parse failure');
  }
}

export function fail(error: SearchErrorKind): never {
  throw new ParseFailure(error);
}

export function asciiLowercase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

const ESCAPABLE = new Set(['\\', '"', ':', '*', '_', '(', ')', '-']);
const PARSER_ESCAPES: Record<string, string> = { '"': '"', ':': ':', '(': '(', ')': ')', '-': '-' };

/** The first undefined escape: an odd run of backslashes before a character other than \":*_()- (or the end). */
function invalidEscape(text: string): string | undefined {
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '\\') {
      i++;
      continue;
    }
    let run = 0;
    while (text[i + run] === '\\') run++;
    i += run;
    if (run % 2 === 1) {
      if (i >= text.length) return '\\';
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!ESCAPABLE.has(ch)) return `\\${ch}`;
    }
  }
  return undefined;
}

/** Resolves the parser escapes \" \: \( \) \- and keeps \\ \* \_ for the matcher. */
export function unescape(text: string): string {
  const bad = invalidEscape(text);
  if (bad !== undefined) fail({ kind: 'unknown-escape', provided: bad });
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && (next === '\\' || next in PARSER_ESCAPES)) {
      out += next === '\\' ? '\\\\' : PARSER_ESCAPES[next];
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Raw contexts (regexes) only turn \" into ". */
export function unescapeQuotes(text: string): string {
  return text.includes('"') ? text.split('\\"').join('"') : text;
}

/** `dupe:` text: \" → " and \\ → \, nothing else. */
export function unescapeQuotesAndBackslashes(text: string): string {
  if (!text.includes('"') && !text.includes('\\')) return text;
  return text.split('\\"').join('"').split('\\\\').join('\\');
}
