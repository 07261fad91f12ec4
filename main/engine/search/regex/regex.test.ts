import { describe, expect, it } from 'vitest';
import { compileRustRegex, RustRegexError } from './index';
import { parseRustRegex } from './parse';
import { toJsRegExp } from './emit';
import { LinearMatcher } from './nfa';

function matches(pattern: string, text: string): boolean {
  return compileRustRegex(pattern).test(text);
}

function error(pattern: string): string {
  try {
    compileRustRegex(pattern);
  } catch (e) {
    if (e instanceof RustRegexError) return e.display();
    throw e;
  }
  throw new Error(`${pattern} compiled`);
}

describe('compileRustRegex', () => {
  it('is Unicode-aware like Rust', () => {
    expect(matches('(?i)été', 'ÉTÉ')).toBe(true);
    expect(matches('\\bété\\b', 'un été chaud')).toBe(true);
    expect(matches('\\bét\\b', 'un été chaud')).toBe(false);
    expect(matches('^\\w+$', 'Straße')).toBe(true);
    expect(matches('^\\d$', '٣')).toBe(true);
    expect(matches('(?i)k', '\u212a')).toBe(true);
  });

  it("keeps Rust's `.`, anchors and flags", () => {
    expect(matches('a.b', 'a\nb')).toBe(false);
    expect(matches('a.b', 'a\rb')).toBe(true);
    expect(matches('(?s)a.b', 'a\nb')).toBe(true);
    expect(matches('(?m)^b', 'a\nb')).toBe(true);
    expect(matches('^b', 'a\nb')).toBe(false);
    expect(matches('(?x) a b # comment', 'ab')).toBe(true);
    expect(matches('(?i)a(?-i)B', 'AB')).toBe(true);
    expect(matches('(?i)a(?-i)B', 'Ab')).toBe(false);
    expect(matches('(?i:a)B', 'AB')).toBe(true);
  });

  it('supports classes, set operations, POSIX and Unicode classes', () => {
    expect(matches('^[[:alpha:]]+$', 'abc')).toBe(true);
    expect(matches('^[a-z&&[^aeiou]]$', 'e')).toBe(false);
    expect(matches('^[a-z--b-y]$', 'z')).toBe(true);
    expect(matches('^[a-c~~b-d]$', 'b')).toBe(false);
    expect(matches('\\p{Greek}', 'σ')).toBe(true);
    expect(matches('\\pL', '1')).toBe(false);
    expect(matches('(?i)\\P{Lu}(?-i)x', 'ax')).toBe(false);
    expect(matches('[]a]', ']')).toBe(true);
    expect(matches('\\x{1F}', '\x1f')).toBe(true);
    expect(matches('\\%\\#', '%#')).toBe(true);
  });

  it("reports Rust's errors with its caret layout", () => {
    expect(error('(?i)(')).toBe('regex parse error:\n    (?i)(\n        ^\nerror: unclosed group');
    expect(error('a{3,2}')).toContain('^^^^^\nerror: invalid repetition count range');
    expect(error('a(?=b)')).toContain('look-around');
    expect(error('(a)\\1')).toContain('backreferences are not supported');
    expect(error('[^')).toBe('regex parse error:\n    [^\n    ^^\nerror: unclosed character class');
    expect(error('(?i)*')).toContain('repetition operator missing expression');
    expect(error('\\q')).toContain('unrecognized escape sequence');
    expect(error('\\p{Nope}')).toContain('Unicode property not found');
  });
});

describe('linear matcher', () => {
  it('answers nested repetitions at once instead of backtracking', () => {
    const text = 'x'.repeat(5000) + ' ';
    const start = Date.now();
    expect(matches('(?:\\S+)+\\wß', text)).toBe(false);
    expect(matches('(a|aa)+$', 'a'.repeat(3000) + 'b')).toBe(false);
    expect(matches('.*a.*b.*c.*d', 'abc'.repeat(2000))).toBe(false);
    expect(matches('a?'.repeat(40) + 'a'.repeat(40), 'a'.repeat(40))).toBe(true);
    expect(matches('\\w+\\s\\w+z', 'word '.repeat(2000))).toBe(false);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('agrees with the JavaScript translation', () => {
    const atoms = ['a', 'b', 'é', 'É', '.', '*', '+', '?', '|', '(?:', ')', '(?i)', '(?-i)', '[a-c]', '[^b]', '\\b', '\\B', '\\w', '\\s', '^', '$', '{2}', '{1,3}', '(?s)', '(?m)', '\\n', ' ', '\\pL'];
    const texts = ['', 'a', 'ab', 'ba', 'É b', 'aé\nb', 'abcabc', 'A B\nC', ' éa ', 'bbb'];
    let seed = 11;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      let pattern = '';
      for (let j = 0; j < 1 + (next() % 6); j++) pattern += atoms[next() % atoms.length];
      let ast;
      try {
        ast = parseRustRegex(pattern);
      } catch {
        continue;
      }
      const js = toJsRegExp(ast);
      const linear = new LinearMatcher(ast);
      for (const text of texts) expect([pattern, text, linear.test(text)]).toEqual([pattern, text, js.test(text)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
