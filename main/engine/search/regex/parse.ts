import { DEFAULT_FLAGS, RustRegexError, type AssertKind, type ClassItem, type ClassSet, type Flags, type Rx } from './ast';
import { perlClass, POSIX, unicodePropertySource } from './classes';

/**
 * A parser for Rust's `regex` syntax (regex-syntax 0.8) with its error texts and spans:
 * inline flags (i m s x U u R), nested classes with `&&`, `--`, `~~`, POSIX and Unicode
 * classes, Rust's escapes. Look-around and backreferences are refused, as in Rust.
 */

export function parseRustRegex(pattern: string): Rx {
  return new Parser(pattern).parse();
}

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
    if (!target || target.t === 'flags') this.error(start, 1, 'repetition operator missing expression');
    let min = 0;
    let max: number | undefined;
    if (ch === '+') min = 1;
    else if (ch === '?') max = 1;
    else if (ch === '{') [min, max] = this.counted(start, flags);
    let lazy = false;
    if (this.peek() === '?') {
      this.pos++;
      lazy = true;
    }
    if (flags.U) lazy = !lazy;
    items.push({ t: 'rep', body: target, min, max, lazy });
  }

  /** `{n}`, `{n,}`, `{n,m}` after the `{` at `start`, with regex-syntax's errors and spans. */
  private counted(start: number, flags: Flags): [number, number | undefined] {
    const unclosed = (): never => this.error(start, this.pos - start, 'unclosed counted repetition');
    this.skipVerbose(flags);
    if (this.peek() === undefined) unclosed();
    const { value: min, at: minAt } = this.decimal();
    const decimalEmpty = (at: number): never => this.error(at, 1, 'repetition quantifier expects a valid decimal');
    if (this.peek() === undefined) unclosed();
    let max: number | undefined;
    if (this.peek() === ',') {
      this.pos++;
      this.skipVerbose(flags);
      if (this.peek() === undefined) unclosed();
      if (min === undefined) decimalEmpty(minAt);
      if (this.peek() !== '}') {
        const parsed = this.decimal();
        max = parsed.value;
        if (max === undefined) decimalEmpty(parsed.at);
      }
    } else {
      if (min === undefined) decimalEmpty(minAt);
      max = min;
    }
    if (this.peek() !== '}') unclosed();
    this.pos++;
    if (max !== undefined && min! > max) {
      this.error(start, this.pos - start, 'invalid repetition count range, the start must be <= the end');
    }
    return [min!, max];
  }

  /** regex-syntax's parse_decimal: whitespace around the digits is always skipped; `at` is where digits were expected. */
  private decimal(): { value: number | undefined; at: number } {
    const skipSpace = (): void => {
      while (this.peek() !== undefined && /\p{White_Space}/u.test(this.peek()!)) this.pos++;
    };
    skipSpace();
    const at = this.pos;
    let digits = '';
    while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) digits += this.chars[this.pos++];
    skipSpace();
    return { value: digits ? Number(digits) : undefined, at };
  }

  private atom(flags: Flags): Rx | undefined {
    const ch = this.chars[this.pos]!;
    if (ch === '(') return this.group(flags);
    if (ch === '[') return { t: 'class', set: this.bracketClass(flags), i: flags.i, u: flags.u };
    this.pos++;
    if (ch === '.') return { t: 'dot', dotAll: flags.s, crlf: flags.R };
    if (ch === '^') return this.assertion(!flags.m ? 'textStart' : flags.R ? 'crlfLineStart' : 'lineStart', flags);
    if (ch === '$') return this.assertion(!flags.m ? 'textEnd' : flags.R ? 'crlfLineEnd' : 'lineEnd', flags);
    if (ch === '\\') return this.escape(flags);
    return { t: 'lit', cp: ch.codePointAt(0)!, i: flags.i, u: flags.u };
  }

  private group(flags: Flags): Rx | undefined {
    const openAt = this.pos;
    this.pos++;
    if (this.peek() !== '?') return { t: 'group', body: this.groupBody({ ...flags }, openAt) };
    this.pos++;
    const next = this.peek();
    if (next === undefined) this.error(openAt, 1, 'unclosed group');
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
      return { t: 'flags' };
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
    if (perl) return { t: 'class', set: { k: 'union', items: [{ k: 'raw', source: perl }], negated: false }, i: null, u: flags.u };
    switch (ch) {
      case 'b':
        return this.assertion(this.wordBoundary(start), flags);
      case 'B':
        return this.assertion('notWordBoundary', flags);
      case 'A':
        return this.assertion('textStart', flags);
      case 'z':
        return this.assertion('textEnd', flags);
      case '<':
        return this.assertion('wordStart', flags);
      case '>':
        return this.assertion('wordEnd', flags);
      case 'p':
      case 'P': {
        const item = this.unicodeClass(ch === 'P', start);
        return { t: 'class', set: { k: 'union', items: [item], negated: false }, i: flags.i, u: flags.u };
      }
      default:
        return { t: 'lit', cp: this.literalEscape(ch, start), i: flags.i, u: flags.u };
    }
  }

  private assertion(kind: AssertKind, flags: Flags): Rx {
    return { t: 'assert', kind, unicode: flags.u };
  }

  /** `\\b`, or `\\b{start}` / `{end}` / `{start-half}` / `{end-half}`; `start` is the backslash's offset. */
  private wordBoundary(start: number): AssertKind {
    const special = this.peek() === '{' ? this.specialWordBoundary(start) : undefined;
    const kinds: Record<string, AssertKind> = {
      start: 'wordStart',
      end: 'wordEnd',
      'start-half': 'wordStartHalf',
      'end-half': 'wordEndHalf',
    };
    return special ? kinds[special]! : 'wordBoundary';
  }

  /** Reads `{name}` after `\\b`; leaves a counted repetition such as `\\b{2}` alone. */
  private specialWordBoundary(start: number): string | undefined {
    const brace = this.pos;
    this.pos++;
    if (this.peek() === undefined) {
      this.error(start, this.pos - start, 'found either the beginning of a special word boundary or a bounded repetition on a \\b with an opening brace, but no closing brace');
    }
    const valid = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z-]/.test(ch);
    if (!valid(this.peek())) {
      this.pos = brace;
      return undefined;
    }
    const contentsAt = this.pos;
    let name = '';
    while (valid(this.peek())) name += this.chars[this.pos++];
    if (this.peek() !== '}') {
      this.error(brace, this.pos - brace, 'special word boundary assertion is either unclosed or contains an invalid character');
    }
    if (!['start', 'end', 'start-half', 'end-half'].includes(name)) {
      this.error(contentsAt, this.pos - contentsAt, 'unrecognized special word boundary assertion, valid choices are: start, end, start-half or end-half');
    }
    this.pos++;
    return name;
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

  private unicodeClass(negated: boolean, start: number): ClassItem {
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
    // Negation stays structural: under (?i) Rust closes the class over case first, then negates.
    return { k: 'set', set: { k: 'union', items: [{ k: 'raw', source }], negated: negate } };
  }

  /** `[...]` with nesting and set operations; precedence: ranges, union, then && -- ~~ left to right. */
  private bracketClass(flags: Flags): ClassSet {
    const openAt = this.pos;
    // Like regex-syntax's bump_and_bump_space: in verbose mode the opening absorbs spaces.
    const bump = (): void => {
      this.pos++;
      this.skipVerbose(flags);
    };
    bump();
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      bump();
    }
    // Leading dashes are literal; so is a `]` right after the opening (an empty class cannot be written).
    const items: ClassItem[] = [];
    while (this.peek() === '-') {
      bump();
      items.push({ k: 'char', cp: 0x2d });
      if (this.peek() === undefined) this.error(openAt, 0, 'unclosed character class');
    }
    if (!items.length && this.peek() === ']') {
      bump();
      items.push({ k: 'char', cp: 0x5d });
    }
    const open: OpenClass = { at: openAt, width: this.pos - openAt };
    let set: ClassSet = { k: 'union', items: [...items, ...this.classUnion(flags, open)], negated: false };
    for (let op = this.setOperator(); op; op = this.setOperator()) {
      const right: ClassSet = { k: 'union', items: this.classUnion(flags, open), negated: false };
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

  private unclosedClass(open: OpenClass): never {
    this.error(open.at, open.width, 'unclosed character class');
  }

  /** Class items up to `]` or a set operator (both left in place). */
  private classUnion(flags: Flags, open: OpenClass): ClassItem[] {
    const items: ClassItem[] = [];
    for (;;) {
      this.skipVerbose(flags);
      const ch = this.peek();
      if (ch === undefined) this.unclosedClass(open);
      const pair = ch + (this.peek(1) ?? '');
      if (ch === ']' || pair === '&&' || pair === '--' || pair === '~~') return items;
      if (ch === '[') {
        items.push(this.posixClass() ?? { k: 'set', set: this.bracketClass(flags) });
        continue;
      }
      items.push(this.classRange(flags, open));
    }
  }

  /** A single item or an `a-z` range; errors are raised in regex-syntax's order (unclosed before invalid). */
  private classRange(flags: Flags, open: OpenClass): ClassItem {
    const first = this.classPrimitive(flags);
    this.skipVerbose(flags);
    if (this.peek() === undefined) this.unclosedClass(open);
    const next = this.peek(1);
    if (this.peek() !== '-' || next === ']' || next === '-') return this.classItemOf(first);
    this.pos++;
    this.skipVerbose(flags);
    if (this.peek() === undefined) this.unclosedClass(open);
    const second = this.classPrimitive(flags);
    const from = this.rangeBoundary(first);
    const to = this.rangeBoundary(second);
    if (to < from) this.error(first.at, second.at + second.width - first.at, 'invalid character class range, the start must be <= the end');
    return { k: 'range', from, to };
  }

  private classItemOf(p: ClassPrimitive): ClassItem {
    if (p.kind === 'assertion') this.error(p.at, p.width, 'invalid escape sequence found in character class');
    return p.kind === 'char' ? { k: 'char', cp: p.cp } : p.item;
  }

  private rangeBoundary(p: ClassPrimitive): number {
    if (p.kind !== 'char') this.error(p.at, p.width, 'invalid range boundary, must be a literal');
    return p.cp;
  }

  private posixClass(): ClassItem | undefined {
    const rest = this.chars.slice(this.pos, this.pos + 16).join('');
    const match = /^\[:(\^?)([a-z]+):\]/.exec(rest);
    if (!match) return undefined;
    const ranges = POSIX[match[2]!];
    if (!ranges) return undefined;
    this.pos += [...match[0]].length;
    const items: ClassItem[] = ranges.map(([from, to]) => ({ k: 'range', from, to }));
    return { k: 'set', set: { k: 'union', items, negated: match[1] === '^' } };
  }

  private classPrimitive(flags: Flags): ClassPrimitive {
    const at = this.pos;
    const ch = this.chars[this.pos++]!;
    if (ch !== '\\') return { kind: 'char', cp: ch.codePointAt(0)!, at, width: 1 };
    const next = this.chars[this.pos++];
    if (next === undefined) this.error(at, 1, 'incomplete escape sequence, reached end of pattern prematurely');
    const perl = perlClass(next, flags);
    const width = (): number => this.pos - at;
    if (perl) return { kind: 'class', item: { k: 'raw', source: perl }, at, width: width() };
    if (next === 'p' || next === 'P') {
      const item = this.unicodeClass(next === 'P', at);
      return { kind: 'class', item, at, width: width() };
    }
    if (next === 'b') {
      this.wordBoundary(at);
      return { kind: 'assertion', at, width: width() };
    }
    if ('BAz<>'.includes(next)) return { kind: 'assertion', at, width: width() };
    return { kind: 'char', cp: this.literalEscape(next, at), at, width: width() };
  }
}

interface OpenClass {
  at: number;
  width: number;
}

type ClassPrimitive =
  | { kind: 'char'; cp: number; at: number; width: number }
  | { kind: 'class'; item: ClassItem; at: number; width: number }
  | { kind: 'assertion'; at: number; width: number };

