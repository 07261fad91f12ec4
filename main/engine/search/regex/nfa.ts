import type { AssertKind, Rx } from './ast';
import { caseVariants } from './case-variants';
import { wordClass } from './classes';
import { emitSet } from './emit';

/**
 * A linear-time matcher (a Pike VM without captures) for patterns that could make
 * JavaScript's backtracking engine take exponential time, such as `(\S+)+x`. Rust's
 * engine never backtracks, so a search must not hang where Anki answers at once.
 * Only "is there a match" is needed, so greediness is irrelevant.
 */

type CharTest = (cp: number) => boolean;

type Inst =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'assert'; kind: AssertKind; unicode: boolean; next: number }
  | { op: 'match' };

/** Larger programs are refused, like Rust's compiled-size limit. */
export const MAX_PROGRAM = 200_000;

export class ProgramTooLarge extends Error {}

/** A per-code-point test with a cache, backed by a one-character RegExp. */
function cachedTest(re: RegExp): CharTest {
  const ascii = new Int8Array(128);
  const other = new Map<number, boolean>();
  return (cp) => {
    if (cp < 128) {
      const hit = ascii[cp]!;
      if (hit) return hit > 0;
      const value = re.test(String.fromCharCode(cp));
      ascii[cp] = value ? 1 : -1;
      return value;
    }
    let value = other.get(cp);
    if (value === undefined) {
      value = re.test(String.fromCodePoint(cp));
      if (other.size < 4096) other.set(cp, value);
    }
    return value;
  };
}

const wordTests = new Map<boolean, CharTest>();

function isWordChar(cp: number | undefined, unicode: boolean): boolean {
  if (cp === undefined) return false;
  let test = wordTests.get(unicode);
  if (!test) {
    test = cachedTest(new RegExp(`^${wordClass(unicode)}$`, 'v'));
    wordTests.set(unicode, test);
  }
  return test(cp);
}

class Compiler {
  readonly program: Inst[] = [];

  private push(inst: Inst): number {
    if (this.program.length >= MAX_PROGRAM) throw new ProgramTooLarge();
    this.program.push(inst);
    return this.program.length - 1;
  }

  /** Compiles `node` so that it continues at `next`; returns its entry point. */
  compile(node: Rx, next: number): number {
    switch (node.t) {
      case 'lit': {
        const variants = node.i ? caseVariants(node.cp, node.u) : [node.cp];
        const test: CharTest = variants.length === 1 ? (cp) => cp === node.cp : (cp) => variants.includes(cp);
        return this.push({ op: 'char', test, next });
      }
      case 'class': {
        const re = new RegExp(`^${emitSet(node.set, false, node.u)}$`, node.i ? 'iv' : 'v');
        return this.push({ op: 'char', test: cachedTest(re), next });
      }
      case 'dot': {
        const test: CharTest = node.dotAll ? () => true : node.crlf ? (cp) => cp !== 10 && cp !== 13 : (cp) => cp !== 10;
        return this.push({ op: 'char', test, next });
      }
      case 'assert':
        return this.push({ op: 'assert', kind: node.kind, unicode: node.unicode, next });
      case 'flags':
        return next;
      case 'group':
        return this.compile(node.body, next);
      case 'concat':
        return node.items.reduceRight((pc, item) => this.compile(item, pc), next);
      case 'alt': {
        const starts = node.branches.map((b) => this.compile(b, next));
        return starts.reduceRight((rest, start) => this.push({ op: 'split', a: start, b: rest }));
      }
      case 'rep':
        return this.repeat(node.body, node.min, node.max, next);
    }
  }

  private repeat(body: Rx, min: number, max: number | undefined, next: number): number {
    let pc: number;
    if (max === undefined) {
      const loop = this.push({ op: 'split', a: -1, b: next });
      const inst = this.program[loop] as Inst & { op: 'split' };
      inst.a = this.compile(body, loop);
      pc = loop;
    } else {
      pc = next;
      for (let i = min; i < max; i++) pc = this.push({ op: 'split', a: this.compile(body, pc), b: next });
    }
    for (let i = 0; i < min; i++) pc = this.compile(body, pc);
    return pc;
  }
}

function assertionHolds(kind: AssertKind, unicode: boolean, prev: number | undefined, next: number | undefined): boolean {
  switch (kind) {
    case 'textStart':
      return prev === undefined;
    case 'textEnd':
      return next === undefined;
    case 'lineStart':
      return prev === undefined || prev === 10;
    case 'lineEnd':
      return next === undefined || next === 10;
    case 'crlfLineStart':
      return prev === undefined || prev === 10 || (prev === 13 && next !== 10);
    case 'crlfLineEnd':
      return next === undefined || next === 13 || (next === 10 && prev !== 13);
    default: {
      const before = isWordChar(prev, unicode);
      const after = isWordChar(next, unicode);
      switch (kind) {
        case 'wordBoundary':
          return before !== after;
        case 'notWordBoundary':
          return before === after;
        case 'wordStart':
          return !before && after;
        case 'wordEnd':
          return before && !after;
        case 'wordStartHalf':
          return !before;
        default:
          return !after;
      }
    }
  }
}

export class LinearMatcher {
  private readonly program: Inst[];
  private readonly start: number;
  private readonly marks: Int32Array;
  private generation = 0;

  constructor(ast: Rx) {
    const compiler = new Compiler();
    const match = compiler.program.push({ op: 'match' }) - 1;
    this.start = compiler.compile(ast, match);
    this.program = compiler.program;
    this.marks = new Int32Array(this.program.length);
  }

  /** True if the pattern matches anywhere in `text`. */
  test(text: string): boolean {
    const cps = Array.from(text, (ch) => ch.codePointAt(0)!);
    let current: number[] = [];
    if (this.addThread(current, this.start, cps, 0)) return true;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      const next: number[] = [];
      this.generation++;
      for (const pc of current) {
        const inst = this.program[pc] as Inst & { op: 'char' };
        if (inst.test(cp) && this.follow(next, inst.next, cps, i + 1)) return true;
      }
      if (this.follow(next, this.start, cps, i + 1)) return true;
      current = next;
    }
    return false;
  }

  /** Starts a fresh position (new generation) with one thread. */
  private addThread(list: number[], pc: number, cps: number[], at: number): boolean {
    this.generation++;
    return this.follow(list, pc, cps, at);
  }

  /** Follows empty transitions from `pc` at position `at`; collects char steps; true on reaching a match. */
  private follow(list: number[], pc: number, cps: number[], at: number): boolean {
    const stack = [pc];
    while (stack.length) {
      const here = stack.pop()!;
      if (this.marks[here] === this.generation) continue;
      this.marks[here] = this.generation;
      const inst = this.program[here]!;
      switch (inst.op) {
        case 'match':
          return true;
        case 'char':
          list.push(here);
          break;
        case 'split':
          stack.push(inst.b, inst.a);
          break;
        case 'assert':
          if (assertionHolds(inst.kind, inst.unicode, cps[at - 1], cps[at])) stack.push(inst.next);
          break;
      }
    }
    return false;
  }
}
