import { DEFAULT_FLAGS, type AssertKind, type Flags, type Rx } from './ast';
import { perlClass } from './classes';
import { ClassParser } from './parse-class';

/**
 * A parser for Rust's `regex` syntax (regex-syntax 0.8) with its error texts and spans:
 * inline flags (i m s x U u R), nested classes with `&&`, `--`, `~~`, POSIX and Unicode
 * classes, Rust's escapes. Look-around and backreferences are refused, as in Rust.
 */

export function parseRustRegex(pattern: string): Rx {
  return new Parser(pattern).parse();
}

class Parser extends ClassParser {
  parse(): Rx {
    const flags = { ...DEFAULT_FLAGS };
    const body = this.alternation(flags, undefined);
    if (this.pos < this.chars.length) this.error(this.pos, 1, 'unopened group');
    return body;
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
}
