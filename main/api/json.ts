/**
 * JSON as the add-on writes it: Python's json.dumps defaults (", " and ": "
 * separators, non-ASCII escaped as \uXXXX) and exact i64 values from bigint.
 */
const BIGINT_MARK = '\u0000bigint:';
const ORDERED_MARK = '\u0000ordered:';
const ORDERED_STRING = /"\\u0000ordered:(\d+)"/g;
const RAW_MARK = '\u0000raw:';
const RAW_STRING = /"\\u0000raw:(\d+)"/g;

/**
 * A JSON object whose keys keep the given order even when they look like integers
 * (a JS object would sort those first; Python dicts keep insertion order): deck ids
 * in getDeckStats, card ids in getReviewsOfCards.
 */
export class OrderedObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}

  /** Plain JSON.stringify cannot keep this order, so meeting one sends pythonJson to the exact path. */
  toJSON(): this {
    if (!exactPath) throw new NeedsExactPath();
    return this;
  }
}

/** Set while the replacer-based writer runs (it handles OrderedObject and bigint itself). */
let exactPath = false;

class NeedsExactPath extends Error {}

function serializeOrdered(object: OrderedObject): string {
  return `{${object.entries.map(([key, value]) => `${exactJson(key)}: ${exactJson(value)}`).join(', ')}}`;
}

/** Marks bigints and ordered objects so they can be written exactly after JSON.stringify. */
function makeReplacer(fragments: string[], raws: RawJson[]) {
  return (_key: string, value: unknown): unknown => {
    if (typeof value === 'bigint') return `${BIGINT_MARK}${value.toString()}`;
    if (value instanceof OrderedObject) {
      fragments.push(serializeOrdered(value));
      return `${ORDERED_MARK}${fragments.length - 1}`;
    }
    if (value instanceof RawJson) {
      raws.push(value);
      return `${RAW_MARK}${raws.length - 1}`;
    }
    return value;
  };
}

/**
 * Above this size the Python-style spacing is skipped: it costs ~20 ms per MB, and
 * whitespace means nothing to a JSON parser (values and ASCII escaping stay the same).
 */
const PYTHON_SPACING_LIMIT = 1024 * 1024;

const BIGINT_STRING = /"\\u0000bigint:(-?\d+)"/g;

/**
 * JSON.stringify without a replacer, several times faster on large replies; undefined when
 * the value needs the exact writer (JSON.stringify throws on a bigint, OrderedObject throws
 * NeedsExactPath). Most replies hold neither.
 */
function plainJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return undefined;
  }
}

/**
 * Compact JSON with non-ASCII escaped: a fragment ready to be spliced into a reply as
 * RawJson (e.g. built in a worker thread). The value must hold no bigint or OrderedObject.
 */
export function asciiJson(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value) ?? 'null');
}

/** Already-serialised JSON (compact, ASCII) that a reply carries as is. */
export class RawJson {
  constructor(readonly text: string) {}

  /** Like OrderedObject: only the exact writer can place it. */
  toJSON(): this {
    if (!exactPath) throw new NeedsExactPath();
    return this;
  }
}

/** Serialises like Python's json.dumps(value). */
export function pythonJson(value: unknown): string {
  const compact = plainJson(value);
  if (compact === undefined) return exactJson(value);
  return compact.length <= PYTHON_SPACING_LIMIT ? pythonize(compact) : escapeNonAscii(compact);
}

/**
 * pythonJson(value) as the bytes sent on the wire. Its text is ASCII by construction
 * (ensure_ascii), so latin1 copies it byte for byte without a UTF-8 encoder pass.
 */
export function pythonJsonBytes(value: unknown): Buffer {
  return Buffer.from(pythonJson(value), 'latin1');
}

/** The replacer-based writer: bigints written exactly, OrderedObjects in their own key order. */
function exactJson(value: unknown): string {
  const fragments: string[] = [];
  const raws: RawJson[] = [];
  let compact: string;
  const outer = exactPath;
  exactPath = true;
  try {
    compact = JSON.stringify(value, makeReplacer(fragments, raws)) ?? 'null';
  } finally {
    exactPath = outer;
  }
  // Raw fragments count towards the size that decides the spacing, and follow it.
  const spaced = compact.length + raws.reduce((sum, raw) => sum + raw.text.length, 0) <= PYTHON_SPACING_LIMIT;
  let text = spaced ? pythonize(compact) : compactExact(compact);
  if (fragments.length) text = text.replace(ORDERED_STRING, (_m, index: string) => fragments[Number(index)]!);
  if (raws.length) text = text.replace(RAW_STRING, (_m, index: string) => (spaced ? pythonize(raws[Number(index)]!.text) : raws[Number(index)]!.text));
  return text;
}

function compactExact(compact: string): string {
  const ascii = escapeNonAscii(compact);
  return ascii.includes('\\u0000bigint:') ? ascii.replace(BIGINT_STRING, '$1') : ascii;
}

const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;

/** Escapes by code unit, filled as units are met (at most 64k short strings). */
const escapes: (string | undefined)[] = new Array<string | undefined>(0x10000);

function escapeRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    out += escapes[code] ??= unicodeEscape(code);
  }
  return out;
}

/**
 * `\uXXXX` for every non-ASCII UTF-16 unit, as ensure_ascii does. A regex replace over runs
 * builds one flat string natively, which beats a JS loop plus the rope it leaves to flatten.
 */
function escapeNonAscii(text: string): string {
  return text.replace(NON_ASCII_RUNS, escapeRun);
}

function unicodeEscape(code: number): string {
  return (code < 0x100 ? '\\u00' : code < 0x1000 ? '\\u0' : '\\u') + code.toString(16);
}

/** Re-spaces compact JSON and escapes non-ASCII, walking it once and leaving string contents intact. */
function pythonize(compact: string): string {
  const out: string[] = [];
  let chunkStart = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) {
        i++;
      } else if (code === 0x22) {
        inString = false;
      } else if (code > 0x7f) {
        out.push(compact.slice(chunkStart, i), (escapes[code] ??= unicodeEscape(code)));
        chunkStart = i + 1;
      }
      continue;
    }
    if (code === 0x22) {
      inString = true;
      if (compact.startsWith('\\u0000bigint:', i + 1)) {
        const end = compact.indexOf('"', i + 1);
        out.push(compact.slice(chunkStart, i), compact.slice(i + 1 + '\\u0000bigint:'.length, end));
        chunkStart = end + 1;
        i = end;
        inString = false;
      }
    } else if (code === 0x2c || code === 0x3a) {
      out.push(compact.slice(chunkStart, i + 1), ' ');
      chunkStart = i + 1;
    }
  }
  out.push(compact.slice(chunkStart));
  return out.join('');
}

export class RequestParseError extends Error {}

/** Strict UTF-8 then JSON, with Python-style messages for the failures clients see. */
export function parseRequestBody(body: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new RequestParseError(utf8ErrorText(body));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestParseError(jsonErrorText(text, error instanceof Error ? error.message : String(error)));
  }
}

function utf8ErrorText(body: Uint8Array): string {
  let position = 0;
  while (position < body.length && body[position]! < 0x80) position++;
  const byte = body[position] ?? 0;
  const reason = byte >= 0xc2 && byte <= 0xf4 ? 'unexpected end of data' : 'invalid start byte';
  return `'utf-8' codec can't decode byte 0x${byte.toString(16).padStart(2, '0')} in position ${position}: ${reason}`;
}

function location(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line} column ${column} (char ${position})`;
}

function jsonErrorText(text: string, v8Message: string): string {
  const match = /position (\d+)/.exec(v8Message);
  const position = match ? Number(match[1]) : text.length;
  if (/property name/.test(v8Message)) return `Expecting property name enclosed in double quotes: ${location(text, position)}`;
  if (/non-whitespace character after JSON/.test(v8Message)) return `Extra data: ${location(text, position)}`;
  if (/Unterminated string/.test(v8Message)) return `Unterminated string starting at: ${location(text, position)}`;
  if (/Expected ',' or '}'/.test(v8Message)) return `Expecting ',' delimiter: ${location(text, position)}`;
  if (/Expected ',' or ']'/.test(v8Message)) return `Expecting ',' delimiter: ${location(text, position)}`;
  if (/Expected ':'/.test(v8Message)) return `Expecting ':' delimiter: ${location(text, position)}`;
  return `Expecting value: ${location(text, position)}`;
}
