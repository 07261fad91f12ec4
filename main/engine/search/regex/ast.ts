/** The parsed form of a Rust `regex` pattern, with every inline flag already applied to its atoms. */

export type AssertKind =
  | 'textStart'
  | 'textEnd'
  | 'lineStart'
  | 'lineEnd'
  | 'crlfLineStart'
  | 'crlfLineEnd'
  | 'wordBoundary'
  | 'notWordBoundary'
  | 'wordStart'
  | 'wordEnd'
  | 'wordStartHalf'
  | 'wordEndHalf';

export interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
  u: boolean;
  x: boolean;
  R: boolean;
}

export type ClassItem =
  | { k: 'char'; cp: number }
  | { k: 'range'; from: number; to: number }
  | { k: 'raw'; source: string }
  | { k: 'set'; set: ClassSet };

/** A bracketed class: a union of items, or a binary set operation. */
export type ClassSet =
  | { k: 'union'; items: ClassItem[]; negated: boolean }
  | { k: 'op'; op: '&&' | '--' | '~~'; left: ClassSet; right: ClassSet; negated: boolean };

export type Rx =
  | { t: 'lit'; cp: number; i: boolean; u: boolean }
  /** `i` null: the class is closed under case folding already (\\d \\s \\w), so either setting works. */
  | { t: 'class'; set: ClassSet; i: boolean | null; u: boolean }
  /** A `(?flags)` directive: nothing to match, but it cannot be repeated. */
  | { t: 'flags' }
  | { t: 'dot'; dotAll: boolean; crlf: boolean }
  | { t: 'assert'; kind: AssertKind; unicode: boolean }
  | { t: 'group'; body: Rx }
  | { t: 'rep'; body: Rx; min: number; max: number | undefined; lazy: boolean }
  | { t: 'concat'; items: Rx[] }
  | { t: 'alt'; branches: Rx[] };

export const DEFAULT_FLAGS: Flags = { i: false, m: false, s: false, U: false, u: true, x: false, R: false };

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

