import type { ClassItem, ClassSet, Flags } from './ast';
import { perlClass, POSIX } from './classes';
import { Cursor } from './cursor';

/** Bracketed classes, following regex-syntax's order of checks so errors and spans match Rust's. */
export class ClassParser extends Cursor {
  /** `[...]` with nesting and set operations; precedence: ranges, union, then && -- ~~ left to right. */
  protected bracketClass(flags: Flags): ClassSet {
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

  protected setOperator(): '&&' | '--' | '~~' | undefined {
    const pair = (this.peek() ?? '') + (this.peek(1) ?? '');
    if (pair === '&&' || pair === '--' || pair === '~~') {
      this.pos += 2;
      return pair;
    }
    return undefined;
  }

  protected unclosedClass(open: OpenClass): never {
    this.error(open.at, open.width, 'unclosed character class');
  }

  /** Class items up to `]` or a set operator (both left in place). */
  protected classUnion(flags: Flags, open: OpenClass): ClassItem[] {
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
  protected classRange(flags: Flags, open: OpenClass): ClassItem {
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

  protected classItemOf(p: ClassPrimitive): ClassItem {
    if (p.kind === 'assertion') this.error(p.at, p.width, 'invalid escape sequence found in character class');
    return p.kind === 'char' ? { k: 'char', cp: p.cp } : p.item;
  }

  protected rangeBoundary(p: ClassPrimitive): number {
    if (p.kind !== 'char') this.error(p.at, p.width, 'invalid range boundary, must be a literal');
    return p.cp;
  }

  protected posixClass(): ClassItem | undefined {
    const rest = this.chars.slice(this.pos, this.pos + 16).join('');
    const match = /^\[:(\^?)([a-z]+):\]/.exec(rest);
    if (!match) return undefined;
    const ranges = POSIX[match[2]!];
    if (!ranges) return undefined;
    this.pos += [...match[0]].length;
    const items: ClassItem[] = ranges.map(([from, to]) => ({ k: 'range', from, to }));
    return { k: 'set', set: { k: 'union', items, negated: match[1] === '^' } };
  }

  protected classPrimitive(flags: Flags): ClassPrimitive {
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

