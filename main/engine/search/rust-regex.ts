import { regexLiteral } from './text';
import { caseVariants } from './case-variants';

/**
 * Translates a Rust `regex` crate pattern (what Anki runs for `re:`, `field:re:` and
 * `tag:re:`) into an equivalent JavaScript RegExp using the `v` flag:
 * Unicode-aware `\w \d \s \b`, `.` not matching `\n`, inline flags (i m s x U u R),
 * nested classes with `&&`, `--`, `~~`, POSIX classes and Rust's escapes.
 * Look-around and backreferences are refused, as Rust refuses them.
 */

export class RustRegexError extends Error {
  constructor(
    readonly pattern: string,
    readonly offset: number,
    readonly width: number,
    readonly reason: string,
  ) {
    super(reason);
  }

  /** Rust's error display, as Anki shows it. */
  display(): string {
    const chars = [...this.pattern];
    const before = chars.slice(0, this.offset).length;
    const caret = ' '.repeat(4 + before) + '^'.repeat(Math.max(1, this.width));
    return `regex parse error:\n    ${this.pattern}\n${caret}\nerror: ${this.reason}`;
  }
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
  u: boolean;
  x: boolean;
  R: boolean;
}

type ClassItem =
  | { k: 'char'; cp: number }
  | { k: 'range'; from: number; to: number }
  | { k: 'raw'; source: string }
  | { k: 'set'; set: ClassSet };

/** A bracketed class: a union of items, or a binary set operation. */
type ClassSet =
  | { k: 'union'; items: ClassItem[]; negated: boolean }
  | { k: 'op'; op: '&&' | '--' | '~~'; left: ClassSet; right: ClassSet; negated: boolean };

type Rx =
  | { t: 'lit'; cp: number; i: boolean; u: boolean }
  | { t: 'class'; set: ClassSet; i: boolean; u: boolean }
  | { t: 'raw'; source: string; repeatable: boolean }
  | { t: 'group'; body: Rx }
  | { t: 'rep'; body: Rx; min: number; max: number | undefined; lazy: boolean }
  | { t: 'concat'; items: Rx[] }
  | { t: 'alt'; branches: Rx[] };

const DEFAULT_FLAGS: Flags = { i: false, m: false, s: false, U: false, u: true, x: false, R: false };

const WORD_UNICODE = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
const WORD_ASCII = '[0-9A-Za-z_]';

const POSIX: Record<string, string> = {
  alnum: '[0-9A-Za-z]',
  alpha: '[A-Za-z]',
  ascii: '[\\u{0}-\\u{7f}]',
  blank: '[\\u{9}\\u{20}]',
  cntrl: '[\\u{0}-\\u{1f}\\u{7f}]',
  digit: '[0-9]',
  graph: '[\\u{21}-\\u{7e}]',
  lower: '[a-z]',
  print: '[\\u{20}-\\u{7e}]',
  punct: '[\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}]',
  space: '[\\u{9}-\\u{d}\\u{20}]',
  upper: '[A-Z]',
  word: '[0-9A-Za-z_]',
  xdigit: '[0-9A-Fa-f]',
};

class Parser {
  private pos = 0;
  private readonly chars: string[];

  constructor(private readonly pattern: string) {
    this.chars = [...pattern];
  }

  parse(): Rx {
    const flags = { ...DEFAULT_FLAGS };
    const body = this.alternation(flags, undefined);
    if (this.pos < this.chars.length) this.error(this.pos, 1, 'unopened group');
    return body;
  }

  private error(offset: number, width: number, reason: string): never {
    throw new RustRegexError(this.pattern, offset, width, reason);
  }

  private peek(ahead = 0): string | undefined {
    return this.chars[this.pos + ahead];
  }

  private skipVerbose(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const ch = this.peek();
      if (ch !== undefined && /\s/u.test(ch)) this.pos++;
      else if (ch === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** Branches separated by `|` up to `)` or the end. Flags set inline last to the end of the group. */
  private alternation(flags: Flags, openAt: number | undefined): Rx {
    const branches: Rx[] = [];
    let items: Rx[] = [];
    for (;;) {
      this.skipVerbose(flags);
      const ch = this.peek();
      if (ch === undefined) {
        if (openAt !== undefined) this.error(openAt, 1, 'unclosed group');
        break;
      }
      if (ch === ')') {
        if (openAt === undefined) this.error(this.pos, 1, 'unopened group');
        break;
      }
      if (ch === '|') {
        this.pos++;
        branches.push({ t: 'concat', items });
        items = [];
        continue;
      }
      if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
        this.repetition(items, flags);
        continue;
      }
      const atom = this.atom(flags);
      if (atom) items.push(atom);
    }
    branches.push({ t: 'concat', items });
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches };
  }

  private repetition(items: Rx[], flags: Flags): void {
    const start = this.pos;
    const ch = this.chars[this.pos++]!;
    const target = items.pop();
    if (!target) this.error(start, 1, 'repetition operator missing expression');
    let min = 0;
    let max: number | undefined;
    if (ch === '+') min = 1;
    else if (ch === '?') max = 1;
    else if (ch === '{') [min, max] = this.counted(start);
    let lazy = false;
    if (this.peek() === '?') {
      this.pos++;
      lazy = true;
    }
    if (flags.U) lazy = !lazy;
    items.push({ t: 'rep', body: target, min, max, lazy });
  }

  private counted(start: number): [number, number | undefined] {
    const close = this.chars.indexOf('}', this.pos);
    if (close < 0) this.error(start, 1, 'unclosed counted repetition');
    const body = this.chars.slice(this.pos, close).join('').replace(/\s/g, '');
    this.pos = close + 1;
    const match = /^(\d*)(,(\d*))?$/.exec(body);
    if (!match || (!match[1] && !match[2])) this.error(start, close - start + 1, 'repetition quantifier expects a valid decimal');
    if (!match[1] && match[3] === '') this.error(start, close - start + 1, 'repetition quantifier expects a valid decimal');
    const min = match[1] ? Number(match[1]) : 0;
    const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : undefined;
    if (max !== undefined && min > max) {
      this.error(start, close - start + 1, 'invalid repetition count range, the start must be <= the end');
    }
    return [min, max];
  }

  private atom(flags: Flags): Rx | undefined {
    const ch = this.chars[this.pos]!;
    if (ch === '(') return this.group(flags);
    if (ch === '[') return { t: 'class', set: this.bracketClass(flags), i: flags.i, u: flags.u };
    this.pos++;
    if (ch === '.') return { t: 'raw', source: dotSource(flags), repeatable: true };
    if (ch === '^') return { t: 'raw', source: lineStart(flags), repeatable: false };
    if (ch === '$') return { t: 'raw', source: lineEnd(flags), repeatable: false };
    if (ch === '\\') return this.escape(flags);
    return { t: 'lit', cp: ch.codePointAt(0)!, i: flags.i, u: flags.u };
  }

  private group(flags: Flags): Rx | undefined {
    const openAt = this.pos;
    this.pos++;
    if (this.peek() !== '?') return { t: 'group', body: this.groupBody({ ...flags }, openAt) };
    this.pos++;
    const next = this.peek();
    if (next === '=' || next === '!' || (next === '<' && (this.peek(1) === '=' || this.peek(1) === '!'))) {
      this.error(openAt, 3, 'look-around, including look-ahead and look-behind, is not supported');
    }
    if (next === 'P' || next === '<') {
      this.groupName(openAt);
      return { t: 'group', body: this.groupBody({ ...flags }, openAt) };
    }
    const scoped = { ...flags };
    const ended = this.flagList(scoped, openAt);
    if (ended === ')') {
      Object.assign(flags, scoped);
      return undefined;
    }
    return { t: 'group', body: this.groupBody(scoped, openAt) };
  }

  private groupBody(flags: Flags, openAt: number): Rx {
    const body = this.alternation(flags, openAt);
    this.pos++;
    return body;
  }

  private groupName(openAt: number): void {
    if (this.peek() === 'P') this.pos++;
    if (this.peek() !== '<') this.error(openAt, 1, 'unrecognized flag');
    this.pos++;
    const start = this.pos;
    while (this.peek() !== undefined && this.peek() !== '>') {
      if (!/[\p{L}\p{N}_.[\]]/u.test(this.peek()!)) this.error(this.pos, 1, 'invalid capture group character');
      this.pos++;
    }
    if (this.peek() === undefined) this.error(start, 1, 'unclosed capture group name');
    if (this.pos === start) this.error(start, 1, 'empty capture group name');
    this.pos++;
  }

  /** Reads flags after `(?`; returns the terminator `)` (set flags for the rest of the group) or `:` (scoped group). */
  private flagList(flags: Flags, openAt: number): ')' | ':' {
    let negate = false;
    let flagCount = 0;
    let negatedCount = 0;
    const seen = new Set<string>();
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.error(this.pos, 1, 'expected flag but got end of regex');
      this.pos++;
      if (ch === ')' || ch === ':') {
        if (negate && negatedCount === 0) this.error(this.pos - 2, 1, 'flag negation operator is dangling');
        if (flagCount === 0 && ch === ')') this.error(openAt, this.pos - openAt, 'empty flag group');
        return ch;
      }
      if (ch === '-') {
        if (negate) this.error(this.pos - 1, 1, 'flag negation operator repeated');
        negate = true;
        continue;
      }
      if (!'imsUuxR'.includes(ch)) this.error(this.pos - 1, 1, 'unrecognized flag');
      if (seen.has(ch)) this.error(this.pos - 1, 1, 'duplicate flag');
      seen.add(ch);
      flagCount++;
      if (negate) negatedCount++;
      flags[ch as keyof Flags] = !negate;
    }
  }

  private escape(flags: Flags): Rx {
    const start = this.pos - 1;
    const ch = this.chars[this.pos++];
    if (ch === undefined) this.error(start, 1, 'incomplete escape sequence, reached end of pattern prematurely');
    const perl = perlClass(ch, flags);
    if (perl) return { t: 'class', set: { k: 'union', items: [{ k: 'raw', source: perl }], negated: false }, i: false, u: flags.u };
    switch (ch) {
      case 'b':
        return { t: 'raw', source: this.wordBoundary(flags), repeatable: false };
      case 'B':
        return { t: 'raw', source: notWordBoundary(flags), repeatable: false };
      case 'A':
        return { t: 'raw', source: '^', repeatable: false };
      case 'z':
        return { t: 'raw', source: '$', repeatable: false };
      case '<':
        return { t: 'raw', source: `(?<!${wordClass(flags)})(?=${wordClass(flags)})`, repeatable: false };
      case '>':
        return { t: 'raw', source: `(?<=${wordClass(flags)})(?!${wordClass(flags)})`, repeatable: false };
      case 'p':
      case 'P': {
        const source = this.unicodeClass(ch === 'P', start);
        return { t: 'class', set: { k: 'union', items: [{ k: 'raw', source }], negated: false }, i: flags.i, u: flags.u };
      }
      default:
        return { t: 'lit', cp: this.literalEscape(ch, start), i: flags.i, u: flags.u };
    }
  }

  private wordBoundary(flags: Flags): string {
    const w = wordClass(flags);
    if (this.peek() === '{') {
      const close = this.chars.indexOf('}', this.pos);
      const name = close < 0 ? '' : this.chars.slice(this.pos + 1, close).join('');
      const kinds: Record<string, string> = {
        start: `(?<!${w})(?=${w})`,
        end: `(?<=${w})(?!${w})`,
        'start-half': `(?<!${w})`,
        'end-half': `(?!${w})`,
      };
      const source = kinds[name];
      if (source) {
        this.pos = close + 1;
        return source;
      }
    }
    return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
  }

  /** A literal from an escape: control letters, hex forms, or escaped ASCII punctuation. */
  private literalEscape(ch: string, start: number): number {
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (ch in simple) return simple[ch]!;
    if (ch === 'x' || ch === 'u' || ch === 'U') return this.hexEscape(ch, start);
    if (/[0-9]/.test(ch)) this.error(start, 2, 'backreferences are not supported');
    if (/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]$/.test(ch) && ch !== '<' && ch !== '>') return ch.codePointAt(0)!;
    this.error(start, 2, 'unrecognized escape sequence');
  }

  private hexEscape(kind: string, start: number): number {
    let digits: string;
    if (this.peek() === '{') {
      const close = this.chars.indexOf('}', this.pos);
      if (close < 0) this.error(start, this.chars.length - start, 'unclosed hexadecimal literal');
      digits = this.chars.slice(this.pos + 1, close).join('');
      this.pos = close + 1;
      if (!digits) this.error(start, this.pos - start, 'hexadecimal literal is empty');
    } else {
      const width = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
      digits = this.chars.slice(this.pos, this.pos + width).join('');
      if (digits.length < width) this.error(start, 1, 'incomplete escape sequence, reached end of pattern prematurely');
      this.pos += width;
    }
    if (!/^[0-9A-Fa-f]+$/.test(digits)) this.error(start, this.pos - start, 'invalid hexadecimal digit');
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      this.error(start, this.pos - start, 'hexadecimal literal is not a Unicode scalar value');
    }
    return cp;
  }

  private unicodeClass(negated: boolean, start: number): string {
    let name: string;
    if (this.peek() === '{') {
      const close = this.chars.indexOf('}', this.pos);
      if (close < 0) this.error(start, 1, 'unclosed Unicode class');
      name = this.chars.slice(this.pos + 1, close).join('');
      this.pos = close + 1;
    } else {
      const letter = this.chars[this.pos++];
      if (letter === undefined) this.error(start, 1, 'incomplete escape sequence, reached end of pattern prematurely');
      name = letter;
    }
    let negate = negated;
    if (name.startsWith('^')) {
      negate = !negate;
      name = name.slice(1);
    }
    const notEqual = name.indexOf('!=');
    if (notEqual >= 0) {
      negate = !negate;
      name = `${name.slice(0, notEqual)}=${name.slice(notEqual + 2)}`;
    }
    const source = unicodePropertySource(name);
    if (!source) this.error(start, this.pos - start, 'Unicode property not found');
    return negate ? `[^${source}]` : source;
  }

  /** `[...]` with nesting and set operations; precedence: ranges, union, then && -- ~~ left to right. */
  private bracketClass(flags: Flags): ClassSet {
    const openAt = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    let set: ClassSet = { k: 'union', items: this.classUnion(flags, openAt, true), negated: false };
    for (let op = this.setOperator(); op; op = this.setOperator()) {
      const right: ClassSet = { k: 'union', items: this.classUnion(flags, openAt, false), negated: false };
      set = { k: 'op', op, left: set, right, negated: false };
    }
    this.pos++;
    return { ...set, negated };
  }

  private setOperator(): '&&' | '--' | '~~' | undefined {
    const pair = (this.peek() ?? '') + (this.peek(1) ?? '');
    if (pair === '&&' || pair === '--' || pair === '~~') {
      this.pos += 2;
      return pair;
    }
    return undefined;
  }

  /** Class items up to `]` or a set operator (left in place). A `]` first in the class is literal. */
  private classUnion(flags: Flags, openAt: number, atStart: boolean): ClassItem[] {
    const items: ClassItem[] = [];
    let first = atStart;
    for (;;) {
      this.skipVerbose(flags);
      const ch = this.peek();
      if (ch === undefined) this.error(openAt, 1, 'unclosed character class');
      const pair = ch + (this.peek(1) ?? '');
      if ((ch === ']' && !first) || pair === '&&' || pair === '--' || pair === '~~') return items;
      this.classItem(flags, first, items);
      first = false;
    }
  }

  private classItem(flags: Flags, first: boolean, items: ClassItem[]): void {
    const ch = this.peek()!;
    if (ch === '[') {
      const posix = this.posixClass();
      if (posix) {
        items.push({ k: 'raw', source: posix });
        return;
      }
      items.push({ k: 'set', set: this.bracketClass(flags) });
      return;
    }
    if (ch === ']' && first) {
      this.pos++;
      items.push({ k: 'char', cp: 0x5d });
      return;
    }
    const start = this.pos;
    const from = this.classAtom(flags);
    if (from.k !== 'char') {
      items.push(from);
      return;
    }
    this.skipVerbose(flags);
    if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '-' && this.peek(1) !== undefined) {
      this.pos++;
      this.skipVerbose(flags);
      const to = this.classAtom(flags);
      if (to.k !== 'char') this.error(start, this.pos - start, 'invalid range boundary, must be a literal');
      if (to.cp < from.cp) this.error(start, this.pos - start, 'invalid character class range, the start must be <= the end');
      items.push({ k: 'range', from: from.cp, to: to.cp });
      return;
    }
    items.push(from);
  }

  private posixClass(): string | undefined {
    const rest = this.chars.slice(this.pos, this.pos + 16).join('');
    const match = /^\[:(\^?)([a-z]+):\]/.exec(rest);
    if (!match) return undefined;
    const source = POSIX[match[2]!];
    if (!source) return undefined;
    this.pos += [...match[0]].length;
    return match[1] ? `[^${source}]` : source;
  }

  private classAtom(flags: Flags): ClassItem {
    const ch = this.chars[this.pos++]!;
    if (ch !== '\\') return { k: 'char', cp: ch.codePointAt(0)! };
    const start = this.pos - 1;
    const next = this.chars[this.pos++];
    if (next === undefined) this.error(start, 1, 'incomplete escape sequence, reached end of pattern prematurely');
    const perl = perlClass(next, flags);
    if (perl) return { k: 'raw', source: perl };
    if (next === 'p' || next === 'P') return { k: 'raw', source: this.unicodeClass(next === 'P', start) };
    if ('bBAz<>'.includes(next)) this.error(start, 2, 'invalid escape sequence found in character class');
    return { k: 'char', cp: this.literalEscape(next, start) };
  }
}

function wordClass(flags: Flags): string {
  return flags.u ? WORD_UNICODE : WORD_ASCII;
}

function notWordBoundary(flags: Flags): string {
  const w = wordClass(flags);
  return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
}

function perlClass(ch: string, flags: Flags): string | undefined {
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
      return wordClass(flags);
    case 'W':
      return u ? `[^${WORD_UNICODE.slice(1, -1)}]` : '[^0-9A-Za-z_]';
    default:
      return undefined;
  }
}

function dotSource(flags: Flags): string {
  if (flags.s) return '[\\s\\S]';
  return flags.R ? '[^\\n\\r]' : '[^\\n]';
}

function lineStart(flags: Flags): string {
  if (!flags.m) return '^';
  return flags.R ? '(?:^|(?<=\\n)|(?<=\\r)(?!\\n))' : '(?:^|(?<=\\n))';
}

function lineEnd(flags: Flags): string {
  if (!flags.m) return '$';
  return flags.R ? '(?:$|(?=\\r)|(?<!\\r)(?=\\n))' : '(?:$|(?=\\n))';
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

function unicodePropertySource(rawName: string): string | undefined {
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

interface EmitContext {
  /** Whether the compiled RegExp carries the `i` flag (every case-insensitive atom agrees). */
  globalI: boolean;
}

function emit(node: Rx, ctx: EmitContext): string {
  switch (node.t) {
    case 'lit':
      return emitLiteral(node, ctx);
    case 'class':
      return emitSet(node.set, node.i && !ctx.globalI, node.u);
    case 'raw':
      return node.source;
    case 'group':
      return `(?:${emit(node.body, ctx)})`;
    case 'concat':
      return node.items.map((item) => emit(item, ctx)).join('');
    case 'alt':
      return node.branches.map((b) => emit(b, ctx)).join('|');
    case 'rep': {
      const body = emit(node.body, ctx);
      const atom = isSingleAtom(node.body) ? body : `(?:${body})`;
      const count =
        node.min === 0 && node.max === undefined
          ? '*'
          : node.min === 1 && node.max === undefined
            ? '+'
            : node.min === 0 && node.max === 1
              ? '?'
              : `{${node.min},${node.max ?? ''}}`;
      return `${atom}${count}${node.lazy ? '?' : ''}`;
    }
  }
}

function isSingleAtom(node: Rx): boolean {
  return node.t === 'lit' || node.t === 'class' || (node.t === 'raw' && node.repeatable);
}

function emitLiteral(node: Rx & { t: 'lit' }, ctx: EmitContext): string {
  if (!node.i || ctx.globalI) return regexLiteral(node.cp);
  const variants = caseVariants(node.cp, node.u);
  if (variants.length === 1) return regexLiteral(node.cp);
  return `[${variants.map(regexLiteral).join('')}]`;
}

function emitItem(item: ClassItem, expandCase: boolean, unicode: boolean): string {
  switch (item.k) {
    case 'char':
      if (!expandCase) return regexLiteral(item.cp);
      return caseVariants(item.cp, unicode).map(regexLiteral).join('');
    case 'range': {
      const range = `${regexLiteral(item.from)}-${regexLiteral(item.to)}`;
      if (!expandCase || item.to - item.from > 2000) return range;
      const extra: number[] = [];
      for (let cp = item.from; cp <= item.to; cp++) {
        for (const v of caseVariants(cp, unicode)) if (v < item.from || v > item.to) extra.push(v);
      }
      return range + [...new Set(extra)].map(regexLiteral).join('');
    }
    case 'raw':
      return item.source;
    case 'set':
      return emitSet(item.set, expandCase, unicode);
  }
}

function emitSet(set: ClassSet, expandCase: boolean, unicode: boolean): string {
  const caret = set.negated ? '^' : '';
  if (set.k === 'union') return `[${caret}${set.items.map((i) => emitItem(i, expandCase, unicode)).join('')}]`;
  const left = emitSet(set.left, expandCase, unicode);
  const right = emitSet(set.right, expandCase, unicode);
  if (set.op === '~~') return `[${caret}[${left}--${right}][${right}--${left}]]`;
  return `[${caret}${left}${set.op}${right}]`;
}

/** Every case-insensitivity setting on literal and class atoms, to decide whether the `i` flag can be global. */
function caseSettings(node: Rx, out: Set<boolean>): void {
  switch (node.t) {
    case 'lit':
    case 'class':
      out.add(node.i);
      return;
    case 'group':
    case 'rep':
      caseSettings(node.body, out);
      return;
    case 'concat':
      node.items.forEach((n) => caseSettings(n, out));
      return;
    case 'alt':
      node.branches.forEach((n) => caseSettings(n, out));
      return;
    case 'raw':
      return;
  }
}

/** Compiles a Rust regex; throws RustRegexError with Rust's wording for invalid patterns. */
export function compileRustRegex(pattern: string): RegExp {
  const ast = new Parser(pattern).parse();
  const settings = new Set<boolean>();
  caseSettings(ast, settings);
  const globalI = settings.size === 1 && settings.has(true);
  const source = emit(ast, { globalI });
  try {
    return new RegExp(source, globalI ? 'iv' : 'v');
  } catch (error) {
    throw new RustRegexError(pattern, 0, 1, error instanceof Error ? error.message : String(error));
  }
}
