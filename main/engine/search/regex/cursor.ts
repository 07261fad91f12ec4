import { RustRegexError, type AssertKind, type ClassItem, type Flags } from './ast';
import { unicodePropertySource } from './classes';

/** Position, errors and the escapes shared by the pattern parser and the class parser. */
export class Cursor {
  protected pos = 0;
  protected readonly chars: string[];

  constructor(protected readonly pattern: string) {
    this.chars = [...pattern];
  }

  protected error(offset: number, width: number, reason: string): never {
    throw new RustRegexError(this.pattern, offset, width, reason);
  }

  protected peek(ahead = 0): string | undefined {
    return this.chars[this.pos + ahead];
  }

  protected skipVerbose(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const ch = this.peek();
      if (ch !== undefined && /\s/u.test(ch)) this.pos++;
      else if (ch === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** `\b`, or `\b{start}` / `{end}` / `{start-half}` / `{end-half}`; `start` is the backslash's offset. */
  protected wordBoundary(start: number): AssertKind {
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
  protected specialWordBoundary(start: number): string | undefined {
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
  protected literalEscape(ch: string, start: number): number {
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (ch in simple) return simple[ch]!;
    if (ch === 'x' || ch === 'u' || ch === 'U') return this.hexEscape(ch, start);
    if (/[0-9]/.test(ch)) this.error(start, 2, 'backreferences are not supported');
    if (/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]$/.test(ch) && ch !== '<' && ch !== '>') return ch.codePointAt(0)!;
    this.error(start, 2, 'unrecognized escape sequence');
  }

  protected hexEscape(kind: string, start: number): number {
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

  protected unicodeClass(negated: boolean, start: number): ClassItem {
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
}
