import type { Database } from 'better-sqlite3';
import { compileRustRegex, type Matcher } from './regex';
import { stripClozes, withoutCombining } from './text';

/**
 * SQL functions the search SQL calls, registered once per connection. Regexes travel
 * as Rust patterns (already validated by the writer) and are compiled once and cached.
 */

const initialised = new WeakSet<Database>();
const MAX_CACHED_REGEXES = 200;
const regexCache = new Map<string, Matcher>();

export const PROCESS_NO_COMBINING = 1;
export const PROCESS_STRIP_CLOZES = 2;

/** The compiled form of a Rust pattern, shared by every statement that uses it. */
export function matcherFor(pattern: string): Matcher {
  let matcher = regexCache.get(pattern);
  if (!matcher) {
    matcher = compileRustRegex(pattern);
    if (regexCache.size >= MAX_CACHED_REGEXES) regexCache.delete(regexCache.keys().next().value!);
    regexCache.set(pattern, matcher);
  }
  return matcher;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

function processText(text: unknown, flags: unknown): string {
  let out = asText(text);
  const bits = Number(flags);
  if (bits & PROCESS_STRIP_CLOZES) out = stripClozes(out);
  if (bits & PROCESS_NO_COMBINING) out = withoutCombining(out);
  return out;
}

function regexpFields(key: unknown, flds: unknown, ...indices: unknown[]): number {
  const re = matcherFor(asText(key));
  const fields = asText(flds).split('\x1f');
  if (!indices.length) return fields.some((f) => re.test(f)) ? 1 : 0;
  const wanted = new Set(indices.map(Number));
  return fields.some((f, i) => wanted.has(i) && re.test(f)) ? 1 : 0;
}

function regexpTags(key: unknown, tags: unknown): number {
  const re = matcherFor(asText(key));
  return asText(tags)
    .split(' ')
    .some((t) => re.test(t))
    ? 1
    : 0;
}

export function registerSearchFunctions(db: Database): void {
  if (initialised.has(db)) return;
  const opts = { deterministic: true };
  db.function('engram_regexp', opts, (key: unknown, text: unknown) => (matcherFor(asText(key)).test(asText(text)) ? 1 : 0));
  db.function('engram_regexp_fields', { ...opts, varargs: true }, regexpFields as (...args: unknown[]) => number);
  db.function('engram_regexp_tags', opts, regexpTags);
  db.function('engram_process_text', opts, processText);
  db.function('engram_custom_data', opts, (data: unknown, key: unknown) => customData(data, key));
  db.function('engram_fsrs_variable', opts, (data: unknown, key: unknown) => fsrsVariable(data, key));
  db.function('engram_fsrs_retrievability', { ...opts, varargs: true }, retrievability as (...args: unknown[]) => number | null);
  initialised.add(db);
}

interface CardData {
  s?: number;
  d?: number;
  decay?: number;
  lrt?: number;
  cd: string;
}

const EMPTY_DATA: CardData = { cd: '' };

function optionalF32(value: unknown): number | undefined {
  return typeof value === 'number' ? Math.fround(value) : undefined;
}

function optionalInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Anki's CardData::from_str: bad values read as absent; a non-string `cd` spoils the whole object. */
function parseCardData(data: unknown): CardData {
  if (typeof data !== 'string' || !data) return EMPTY_DATA;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return EMPTY_DATA;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return EMPTY_DATA;
  const obj = json as Record<string, unknown>;
  if (obj.cd !== undefined && typeof obj.cd !== 'string') return EMPTY_DATA;
  return {
    s: optionalF32(obj.s),
    d: optionalF32(obj.d),
    decay: optionalF32(obj.decay),
    lrt: optionalInteger(obj.lrt),
    cd: typeof obj.cd === 'string' ? obj.cd : '',
  };
}

function customData(data: unknown, key: unknown): string | null {
  if (typeof data !== 'string' || !data || typeof key !== 'string') return null;
  // Cheap rejection before parsing: no "cd" key (written plainly or with \u escapes) means no custom data.
  if (!data.includes('"cd"') && !data.includes('\\u')) return null;
  const { cd } = parseCardData(data);
  let custom: unknown;
  try {
    custom = JSON.parse(cd);
  } catch {
    return null;
  }
  if (!custom || typeof custom !== 'object' || Array.isArray(custom)) return null;
  if (!Object.prototype.hasOwnProperty.call(custom, key)) return null;
  const value = (custom as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Cheap rejection before parsing: no FSRS state can be present without these keys (or \\u escapes). */
function mayHaveMemoryState(data: string): boolean {
  return (data.includes('"s"') && data.includes('"d"')) || data.includes('\\u');
}

function fsrsVariable(data: unknown, key: unknown): number | null {
  if (typeof data !== 'string' || !data) return null;
  if (!data.includes(`"${String(key)}"`) && !data.includes('\\u')) return null;
  const parsed = parseCardData(data);
  const value = key === 's' ? parsed.s : key === 'd' ? parsed.d : undefined;
  return value ?? null;
}

const FSRS5_DEFAULT_DECAY = 0.5;
const f = Math.fround;

/** u32 arithmetic as Rust does it: `x as u32` wraps, saturating_sub floors at 0. */
function asU32(value: number): number {
  return value >>> 0;
}

function saturatingSub(a: number, b: number): number {
  return a > b ? a - b : 0;
}

/** Anki's extract_fsrs_retrievability, in f32 like the Rust code. */
function retrievability(data: unknown, due: unknown, ivl: unknown, today: unknown, _nextDayAt: unknown, now: unknown): number | null {
  if (typeof data !== 'string' || !data || !mayHaveMemoryState(data)) return null;
  const card = parseCardData(data);
  const dueN = Number(due);
  const nowN = Number(now);
  let secondsElapsed: number;
  if (card.lrt !== undefined) {
    secondsElapsed = saturatingSub(asU32(nowN), asU32(card.lrt));
  } else if (dueN > 365_000) {
    const lastReview = saturatingSub(asU32(dueN), asU32(Number(ivl)));
    secondsElapsed = saturatingSub(asU32(nowN), lastReview);
  } else {
    const reviewDay = saturatingSub(asU32(dueN), asU32(Number(ivl)));
    secondsElapsed = Math.imul(saturatingSub(asU32(Number(today)), reviewDay), 86_400) >>> 0;
  }
  if (card.s === undefined || card.d === undefined) return null;
  const decay = card.decay ?? FSRS5_DEFAULT_DECAY;
  const days = f(f(secondsElapsed) / 86_400);
  const factor = f(f(Math.pow(f(0.9), f(1 / f(-decay)))) - 1);
  return f(Math.pow(f(f(f(days / card.s) * factor) + 1), f(-decay)));
}
