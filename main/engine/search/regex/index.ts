import { RustRegexError, type Rx } from './ast';
import { toJsRegExp } from './emit';
import { regexLiteral } from '../text';
import { LinearMatcher, MAX_PROGRAM, ProgramTooLarge } from './nfa';
import { parseRustRegex } from './parse';

export { RustRegexError } from './ast';

/** What the search SQL functions need from a compiled pattern. */
export interface Matcher {
  test(text: string): boolean;
}

function repeats(node: Rx): boolean {
  return node.t === 'rep' && (node.max === undefined || node.max > 1);
}

interface Risk {
  /** Repetitions whose count is not fixed (`?`, `*`, `+`, `{m,n}`). */
  variable: number;
  nested: boolean;
}

/** Walks the pattern; `inRepeat` is true below a repeated group. */
function riskOf(node: Rx, inRepeat: boolean, counts: Risk): void {
  switch (node.t) {
    case 'rep':
      if (node.max !== node.min) counts.variable++;
      if (repeats(node) && inRepeat) counts.nested = true;
      riskOf(node.body, inRepeat || repeats(node), counts);
      return;
    case 'alt':
      if (inRepeat) counts.nested = true;
      node.branches.forEach((b) => riskOf(b, inRepeat, counts));
      return;
    case 'group':
      riskOf(node.body, inRepeat, counts);
      return;
    case 'concat':
      node.items.forEach((n) => riskOf(n, inRepeat, counts));
      return;
    default:
      return;
  }
}

/**
 * Patterns a backtracking engine may take exponential (nested or alternating repetition)
 * or polynomial time on: more than one variable repetition, as in `\\w+\\s\\w+` or `a?a?aa`.
 */
export function needsLinearMatcher(ast: Rx): boolean {
  const counts: Risk = { variable: 0, nested: false };
  riskOf(ast, false, counts);
  return counts.nested || counts.variable >= 2;
}

type Lit = Rx & { t: 'lit' };

/** Literal runs every match must contain: runs of literals on the pattern's mandatory path. */
function requiredRuns(node: Rx, out: Lit[][]): void {
  const items = node.t === 'concat' ? node.items : [node];
  let run: Lit[] = [];
  const flush = (): void => {
    if (run.length) out.push(run);
    run = [];
  };
  for (const item of items) {
    if (item.t === 'lit' && (run.length === 0 || (run[0]!.i === item.i && run[0]!.u === item.u))) {
      run.push(item);
      continue;
    }
    flush();
    if (item.t === 'lit') run.push(item);
    else if (item.t === 'group') requiredRuns(item.body, out);
    else if (item.t === 'rep' && item.min >= 1) requiredRuns(item.body, out);
  }
  flush();
}

/** Quick literal searches (linear in V8) that reject most texts before the automaton runs. */
function literalScreens(ast: Rx): RegExp[] {
  const runs: Lit[][] = [];
  requiredRuns(ast, runs);
  return runs
    .filter((run) => run[0]!.u || !run[0]!.i)
    .map((run) => new RegExp(run.map((l) => regexLiteral(l.cp)).join(''), run[0]!.i ? 'iv' : 'v'));
}

class ScreenedMatcher implements Matcher {
  constructor(
    private readonly screens: RegExp[],
    private readonly matcher: Matcher,
  ) {}

  test(text: string): boolean {
    for (const screen of this.screens) if (!screen.test(text)) return false;
    return this.matcher.test(text);
  }
}

/**
 * Compiles a Rust `regex` pattern (what Anki runs for `re:`, `field:re:`, `tag:re:`, `w:`)
 * into a matcher with the same answers: a JavaScript RegExp when that is safe, otherwise
 * a linear-time automaton. Throws RustRegexError with Rust's text for invalid patterns.
 */
export function compileRustRegex(pattern: string): Matcher {
  const ast = parseRustRegex(pattern);
  let regexp: RegExp;
  try {
    regexp = toJsRegExp(ast);
  } catch (error) {
    throw new RustRegexError(pattern, 0, 1, error instanceof Error ? error.message : String(error));
  }
  if (!needsLinearMatcher(ast)) return regexp;
  try {
    const linear = new LinearMatcher(ast);
    const screens = literalScreens(ast);
    return screens.length ? new ScreenedMatcher(screens, linear) : linear;
  } catch (error) {
    if (error instanceof ProgramTooLarge) {
      throw new RustRegexError(pattern, 0, [...pattern].length, `compiled regex exceeds size limit of ${MAX_PROGRAM} states`);
    }
    throw error;
  }
}
