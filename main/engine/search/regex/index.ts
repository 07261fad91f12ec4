import { RustRegexError, type Rx } from './ast';
import { toJsRegExp } from './emit';
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

/** Walks the pattern; `inRepeat` is true below a repeated group. */
function riskOf(node: Rx, inRepeat: boolean, counts: { unbounded: number; nested: boolean }): void {
  switch (node.t) {
    case 'rep':
      if (node.max === undefined) counts.unbounded++;
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
 * Patterns that a backtracking engine may take exponential (nested or alternating
 * repetition) or high-polynomial (three or more unbounded repetitions) time on.
 */
export function needsLinearMatcher(ast: Rx): boolean {
  const counts = { unbounded: 0, nested: false };
  riskOf(ast, false, counts);
  return counts.nested || counts.unbounded >= 3;
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
    return new LinearMatcher(ast);
  } catch (error) {
    if (error instanceof ProgramTooLarge) {
      throw new RustRegexError(pattern, 0, [...pattern].length, `compiled regex exceeds size limit of ${MAX_PROGRAM} states`);
    }
    throw error;
  }
}
