import type { Node, SearchNode } from './ast';
import { searchError } from './errors';
import { asciiLowercase, fail, ParseFailure, unescape } from './escapes';
import { parseKeyword } from './keywords';

/**
 * Anki's search grammar (anki-format.md §6.1), reproducing the combinator parser in
 * rslib/src/search/parser.rs: the same tokens, the same precedence and the same error
 * for every malformed input. A recoverable miss returns `undefined`; a failure throws.
 */

interface Parsed<T> {
  rest: string;
  value: T;
}

type Escaped =
  | { ok: true; taken: string; rest: string }
  | { ok: false; badEscape?: string };

/**
 * nom's `escaped(is_not(forbidden), '\\', escapable)`: runs of allowed characters and
 * backslash escapes. Fails when nothing was taken, on a trailing backslash, or (with
 * `badEscape` = the text after the backslash) when the escaped character is refused.
 */
function escaped(input: string, forbidden: string, escapable: (ch: string) => boolean): Escaped {
  let i = 0;
  while (i < input.length) {
    let j = i;
    while (j < input.length && !forbidden.includes(input[j]!)) j++;
    if (j > i) {
      i = j;
      continue;
    }
    if (input[i] === '\\') {
      if (i + 1 >= input.length) return { ok: false };
      const next = input[i + 1]!;
      if (!escapable(next)) return { ok: false, badEscape: input.slice(i + 1) };
      i += 2;
      continue;
    }
    if (i === 0) return { ok: false };
    return { ok: true, taken: input.slice(0, i), rest: input.slice(i) };
  }
  return { ok: true, taken: input, rest: '' };
}

const anyChar = (): boolean => true;
const notSpace = (ch: string): boolean => ch !== ' ' && ch !== '\u3000';

function skipWhitespace(s: string): string {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\u3000')) i++;
  return s.slice(i);
}

/** Parses a whole query. Every Unicode whitespace counts as a space; an empty query matches everything. */
export function parseSearch(query: string): Node[] {
  const input = query.replace(/\p{White_Space}/gu, ' ').replace(/^ +| +$/g, '');
  if (!input) return [{ type: 'search', search: { kind: 'all' } }];
  try {
    const { rest, value } = groupInner(input);
    if (rest) fail({ kind: 'unopened-group' });
    return value;
  } catch (error) {
    if (error instanceof ParseFailure) throw searchError(error.error);
    throw error;
  }
}

/** Zero or more nodes, with implicit ANDs inserted and misplaced AND/OR refused. */
function groupInner(input: string): Parsed<Node[]> {
  let remaining = input;
  const nodes: Node[] = [];
  for (;;) {
    const parsed = node(remaining);
    if (!parsed) break;
    remaining = parsed.rest;
    const item = parsed.value;
    const isOperator = item.type === 'and' || item.type === 'or';
    if (nodes.length % 2 === 0) {
      if (item.type === 'and') fail({ kind: 'misplaced-and' });
      if (item.type === 'or') fail({ kind: 'misplaced-or' });
    } else if (!isOperator) {
      nodes.push({ type: 'and' });
    }
    nodes.push(item);
  }
  const last = nodes[nodes.length - 1];
  if (last?.type === 'and') fail({ kind: 'misplaced-and' });
  if (last?.type === 'or') fail({ kind: 'misplaced-or' });
  return { rest: skipWhitespace(remaining), value: nodes };
}

function node(input: string): Parsed<Node> | undefined {
  const s = skipWhitespace(input);
  return negatedNode(s) ?? group(s) ?? text(s);
}

function negatedNode(s: string): Parsed<Node> | undefined {
  if (!s.startsWith('-')) return undefined;
  const inner = s.slice(1);
  const parsed = group(inner) ?? text(inner);
  return parsed && { rest: parsed.rest, value: { type: 'not', node: parsed.value } };
}

function group(s: string): Parsed<Node> | undefined {
  if (!s.startsWith('(')) return undefined;
  const { rest, value } = groupInner(s.slice(1));
  if (!rest.startsWith(')')) fail({ kind: 'unclosed-group' });
  if (!value.length) fail({ kind: 'empty-group' });
  return { rest: rest.slice(1), value: { type: 'group', nodes: value } };
}

function text(s: string): Parsed<Node> | undefined {
  return quotedTerm(s) ?? partiallyQuotedTerm(s) ?? unquotedTerm(s);
}

function searchNodeOf(search: SearchNode): Node {
  return { type: 'search', search };
}

function quotedTerm(s: string): Parsed<Node> | undefined {
  const quoted = quotedString(s);
  return quoted && { rest: quoted.rest, value: searchNodeOf(searchNodeForText(quoted.value)) };
}

/** `key:"quoted value"`. */
function partiallyQuotedTerm(s: string): Parsed<Node> | undefined {
  const key = escaped(s, '"(): \u3000\\', notSpace);
  if (!key.ok || !key.rest.startsWith(':')) return undefined;
  const quoted = quotedString(key.rest.slice(1));
  if (!quoted) return undefined;
  return { rest: quoted.rest, value: searchNodeOf(parseKeyword(key.taken, quoted.value)) };
}

/** Text up to whitespace or an unescaped `"`, `(` or `)`; the words AND/OR are operators. */
function unquotedTerm(s: string): Parsed<Node> | undefined {
  const term = escaped(s, '"() \u3000\\', notSpace);
  if (!term.ok) {
    if (term.badEscape !== undefined) fail({ kind: 'unknown-escape', provided: `\\${term.badEscape}` });
    if (!s || '"() \u3000'.includes(s[0]!)) return undefined;
    fail({ kind: 'unknown-escape', provided: '\\' });
  }
  if (!term.taken) return undefined;
  const lower = asciiLowercase(term.taken);
  if (lower === 'and') return { rest: term.rest, value: { type: 'and' } };
  if (lower === 'or') return { rest: term.rest, value: { type: 'or' } };
  return { rest: term.rest, value: searchNodeOf(searchNodeForText(term.taken)) };
}

/** The non-empty inside of a double-quoted string (escapes kept). */
function quotedString(s: string): Parsed<string> | undefined {
  if (!s.startsWith('"')) return undefined;
  const opened = s.slice(1);
  const inner = escaped(opened, '"\\', anyChar);
  if (!inner.ok) fail(opened.startsWith('"') ? { kind: 'empty-quote' } : { kind: 'unclosed-quote' });
  if (!inner.rest.startsWith('"')) fail({ kind: 'unclosed-quote' });
  return { rest: inner.rest.slice(1), value: inner.taken };
}

/** Splits a term at its first unescaped colon into keyword and argument. */
function searchNodeForText(s: string): SearchNode {
  const head = escaped(s, ':\\', anyChar);
  if (!head.ok || !head.taken) fail({ kind: 'missing-key' });
  if (!head.rest) return { kind: 'text', text: unescape(head.taken) };
  return parseKeyword(head.taken, head.rest.slice(1));
}
