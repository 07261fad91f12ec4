import type { AssertKind, ClassItem, ClassSet, Rx } from './ast';
import { casedCodePoints, caseVariants } from './case-variants';
import { wordClass } from './classes';
import { regexLiteral } from '../text';

/** Rust regex AST → one JavaScript RegExp (`v` flag) with the same matches. */

/** Assertions as look-arounds; Rust's `\\b` is Unicode-aware, JavaScript's is not. */
export function assertionSource(kind: AssertKind, unicode: boolean): string {
  const w = wordClass(unicode);
  switch (kind) {
    case 'textStart':
      return '^';
    case 'textEnd':
      return '$';
    case 'lineStart':
      return '(?:^|(?<=\\n))';
    case 'lineEnd':
      return '(?:$|(?=\\n))';
    case 'crlfLineStart':
      return '(?:^|(?<=\\n)|(?<=\\r)(?!\\n))';
    case 'crlfLineEnd':
      return '(?:$|(?=\\r)|(?<!\\r)(?=\\n))';
    case 'wordBoundary':
      return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
    case 'notWordBoundary':
      return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
    case 'wordStart':
      return `(?<!${w})(?=${w})`;
    case 'wordEnd':
      return `(?<=${w})(?!${w})`;
    case 'wordStartHalf':
      return `(?<!${w})`;
    case 'wordEndHalf':
      return `(?!${w})`;
  }
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
      return emitSet(node.set, node.i === true && !ctx.globalI, node.u);
    case 'flags':
      return '';
    case 'dot':
      return node.dotAll ? '[\\s\\S]' : node.crlf ? '[^\\n\\r]' : '[^\\n]';
    case 'assert':
      return assertionSource(node.kind, node.unicode);
    case 'group':
      return `(?:${emit(node.body, ctx)})`;
    case 'concat':
      return node.items.map((item, i) => emitInConcat(node.items, i, ctx)).join('');
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

/** The word-ness of a literal next to a word boundary, when the literal fixes it. */
function literalWordness(node: Rx | undefined, unicode: boolean): boolean | undefined {
  if (node?.t !== 'lit') return undefined;
  return new RegExp(`^${wordClass(unicode)}$`, 'v').test(String.fromCodePoint(node.cp));
}

/**
 * `\\b` next to a literal only needs to look at the other side: before the `c` of
 * `\\bcat`, it is "no word character before". The short form lets V8 search for the
 * literal quickly instead of testing look-arounds at every position.
 */
function emitInConcat(items: Rx[], i: number, ctx: EmitContext): string {
  const node = items[i]!;
  if (node.t !== 'assert' || node.kind !== 'wordBoundary') return emit(node, ctx);
  const w = wordClass(node.unicode);
  const after = literalWordness(items[i + 1], node.unicode);
  if (after !== undefined) return after ? `(?<!${w})` : `(?<=${w})`;
  const before = literalWordness(items[i - 1], node.unicode);
  if (before !== undefined) return before ? `(?!${w})` : `(?=${w})`;
  return emit(node, ctx);
}

function isSingleAtom(node: Rx): boolean {
  return node.t === 'lit' || node.t === 'class' || node.t === 'dot';
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
      return regexLiteral(item.cp);
    case 'range':
      return `${regexLiteral(item.from)}-${regexLiteral(item.to)}`;
    case 'raw':
      return item.source;
    case 'set':
      return emitSet(item.set, expandCase, unicode);
  }
}

/** A bracketed class; with `expandCase`, every level is closed under case folding before its negation, as Rust does. */
export function emitSet(set: ClassSet, expandCase: boolean, unicode: boolean): string {
  let positive: string;
  if (set.k === 'union') {
    positive = `[${set.items.map((item) => emitItem(item, expandCase, unicode)).join('')}]`;
  } else {
    const left = emitSet(set.left, expandCase, unicode);
    const right = emitSet(set.right, expandCase, unicode);
    positive = set.op === '~~' ? `[[${left}--${right}][${right}--${left}]]` : `[${left}${set.op}${right}]`;
  }
  if (expandCase) positive = caseClosed(positive, unicode);
  return set.negated ? `[^${positive}]` : positive;
}

const closureCache = new Map<string, string>();

/**
 * A class matched case-insensitively inside a case-sensitive pattern: Rust adds every
 * case variant of the class's members. JavaScript has no scoped `i`, so the cased
 * characters whose variants are members (but which are not members themselves) are
 * listed next to the class.
 */
function caseClosed(positive: string, unicode: boolean): string {
  const key = `${unicode}:${positive}`;
  let extra = closureCache.get(key);
  if (extra === undefined) {
    const re = new RegExp(`^${positive}$`, 'v');
    const member = (cp: number): boolean => re.test(String.fromCodePoint(cp));
    const added: number[] = [];
    for (const cp of casedCodePoints()) {
      if (!member(cp) && caseVariants(cp, unicode).some(member)) added.push(cp);
    }
    extra = toRanges(added);
    closureCache.set(key, extra);
  }
  return extra ? `[${positive}${extra}]` : positive;
}

function toRanges(sorted: number[]): string {
  let out = '';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += i === j ? regexLiteral(sorted[i]!) : `${regexLiteral(sorted[i]!)}-${regexLiteral(sorted[j]!)}`;
    i = j + 1;
  }
  return out;
}

/** Every case-insensitivity setting on literal and class atoms, to decide whether the `i` flag can be global. */
function caseSettings(node: Rx, out: Set<boolean>): void {
  switch (node.t) {
    case 'lit':
    case 'class':
      if (node.i !== null) out.add(node.i);
      return;
    case 'flags':
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
    case 'dot':
    case 'assert':
      return;
  }
}

/** The JavaScript RegExp for a parsed pattern. */
export function toJsRegExp(ast: Rx): RegExp {
  const settings = new Set<boolean>();
  caseSettings(ast, settings);
  const globalI = settings.size === 1 && settings.has(true);
  return new RegExp(emit(ast, { globalI }), globalI ? 'iv' : 'v');
}
