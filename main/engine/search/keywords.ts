import type { PropOperator, PropertyKind, RatingKind, SearchNode, StateKind } from './ast';
import { parseF32, parseI32, parseI64, parseU16, parseU32, parseU8 } from './numbers';
import { asciiLowercase, fail, unescape, unescapeQuotes, unescapeQuotesAndBackslashes } from './escapes';

/** `key:value` → search node; an unknown key is a field name (rslib search_node_for_text_with_argument). */
export function parseKeyword(key: string, val: string): SearchNode {
  switch (asciiLowercase(key)) {
    case 'deck':
      return { kind: 'deck', name: unescape(val) };
    case 'note':
      return { kind: 'notetype', name: unescape(val) };
    case 'tag':
      return parseTag(val);
    case 'card':
      return parseTemplate(val);
    case 'flag':
      return parseFlag(val);
    case 'resched':
      return { kind: 'rated', days: u32(val, 'resched:'), rating: { kind: 'manual' } };
    case 'prop':
      return parseProp(val);
    case 'added':
      return { kind: 'added', days: Math.max(1, u32(val, 'added:')) };
    case 'edited':
      return { kind: 'edited', days: Math.max(1, u32(val, 'edited:')) };
    case 'introduced':
      return { kind: 'introduced', days: Math.max(1, u32(val, 'introduced:')) };
    case 'rated':
      return parseRated(val);
    case 'is':
      return { kind: 'state', state: parseState(val) };
    case 'did':
      return { kind: 'deck-ids', ids: idList(val, key) };
    case 'mid':
      return { kind: 'notetype-id', id: i64(val, 'mid:') };
    case 'nid':
      return { kind: 'note-ids', ids: idList(val, key) };
    case 'cid':
      return { kind: 'card-ids', ids: idList(val, key) };
    case 're':
      return { kind: 'regex', regex: unescapeQuotes(val) };
    case 'nc':
      return { kind: 'nc', text: unescape(val) };
    case 'sc':
      return { kind: 'sc', text: unescape(val) };
    case 'w':
      return { kind: 'word', text: unescape(val) };
    case 'dupe':
      return parseDupe(val);
    case 'has-cd':
      return { kind: 'has-cd', key: unescape(val) };
    case 'preset':
      return { kind: 'preset', name: val };
    default:
      return parseSingleField(key, val);
  }
}

function u32(text: string, context: string): number {
  const value = parseU32(text);
  if (value === undefined) fail({ kind: 'invalid-positive-whole-number', context, provided: text });
  return value;
}

function i32(text: string, context: string): number {
  const value = parseI32(text);
  if (value === undefined) fail({ kind: 'invalid-whole-number', context, provided: text });
  return value;
}

function i64(text: string, context: string): string {
  const value = parseI64(text);
  if (value === undefined) fail({ kind: 'invalid-whole-number', context, provided: text });
  return value;
}

function f32(text: string, context: string): number {
  const value = parseF32(text);
  if (value === undefined) fail({ kind: 'invalid-number', context, provided: text });
  return value;
}

/**
 * Anki accepts inf/NaN here but then fails in SQL ("no such column: inf"); Engram refuses
 * them up front with the number error instead.
 */
function finiteF32(text: string, context: string): number {
  const value = f32(text, context);
  if (!Number.isFinite(value)) fail({ kind: 'invalid-number', context, provided: text });
  return value;
}

function nonPositiveI32(text: string, context: string): number {
  const value = parseI32(text);
  if (value === undefined || value > 0) fail({ kind: 'invalid-negative-whole-number', context, provided: text });
  return value;
}

function parseTag(val: string): SearchNode {
  if (val.startsWith('re:')) return { kind: 'tag', tag: unescapeQuotes(val.slice(3)), mode: 'regex' };
  if (val.startsWith('nc:')) return { kind: 'tag', tag: unescape(val.slice(3)), mode: 'nocombining' };
  return { kind: 'tag', tag: unescape(val), mode: 'normal' };
}

function parseTemplate(val: string): SearchNode {
  const ord = parseU16(val);
  if (ord !== undefined) return { kind: 'template', ord: Math.max(1, ord) - 1 };
  return { kind: 'template-name', name: unescape(val) };
}

function parseFlag(val: string): SearchNode {
  const flag = parseU8(val);
  if (flag === undefined || flag > 7) fail({ kind: 'invalid-flag' });
  return { kind: 'flag', flag };
}

function answerButton(text: string | undefined, context: string): RatingKind {
  if (text === undefined) return { kind: 'any' };
  const button = parseU8(text);
  if (button === undefined || button < 1 || button > 4) fail({ kind: 'invalid-answer-button', context, provided: text });
  return { kind: 'button', button };
}

/** Rust's `splitn(2, sep)`. */
function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + sep.length)];
}

function parseRated(val: string): SearchNode {
  const [daysText, buttonText] = splitOnce(val, ':');
  const days = Math.max(1, u32(daysText, 'rated:'));
  return { kind: 'rated', days, rating: answerButton(buttonText, val) };
}

const STATES: readonly StateKind[] = [
  'new',
  'review',
  'learn',
  'due',
  'buried',
  'buried-manually',
  'buried-sibling',
  'suspended',
];

function parseState(val: string): StateKind {
  const state = STATES.find((s) => s === val);
  if (!state) fail({ kind: 'invalid-state', provided: val });
  return state;
}

/** Digits and commas only (Rust's `\d` also admits non-ASCII decimal digits). */
function idList(val: string, key: string): string {
  if (!/^(?:\p{Nd}+,)*\p{Nd}+$/u.test(val)) fail({ kind: 'other', info: `expected only digits and commas in ${key}:` });
  return val;
}

function parseDupe(val: string): SearchNode {
  const [idText, text] = splitOnce(val, ',');
  const notetypeId = i64(idText, val);
  if (text === undefined) fail({ kind: 'other', info: "invalid 'dupe:' search" });
  return { kind: 'dupe', notetypeId, text: unescapeQuotesAndBackslashes(text) };
}

function parseSingleField(key: string, val: string): SearchNode {
  if (val.startsWith('re:')) return { kind: 'field', field: unescape(key), text: unescapeQuotes(val.slice(3)), mode: 'regex' };
  if (val.startsWith('nc:')) {
    return { kind: 'field', field: unescape(key), text: unescapeQuotes(val.slice(3)), mode: 'nocombining' };
  }
  return { kind: 'field', field: unescape(key), text: unescape(val), mode: 'normal' };
}

const PROP_NAMES = ['ivl', 'due', 'reps', 'lapses', 'ease', 'pos', 'rated', 'resched', 's', 'd', 'r'] as const;
const OPERATORS: readonly PropOperator[] = ['<=', '>=', '!=', '=', '<', '>'];

/** The property name at the start of a `prop:` clause, or undefined. */
function propName(clause: string): string | undefined {
  const fixed = PROP_NAMES.find((name) => clause.startsWith(name));
  if (fixed) return fixed;
  const custom = /^cd[ns]:[A-Za-z0-9]+/.exec(clause);
  return custom?.[0];
}

function parseProp(clause: string): SearchNode {
  const prop = propName(clause);
  if (prop === undefined) fail({ kind: 'invalid-prop-property', provided: clause });
  const tail = clause.slice(prop.length);
  const op = OPERATORS.find((o) => tail.startsWith(o));
  if (!op) fail({ kind: 'invalid-prop-operator', provided: prop });
  const num = tail.slice(op.length);
  return { kind: 'prop', op, prop: propertyKind(prop, num, clause) };
}

function propertyKind(prop: string, num: string, clause: string): PropertyKind {
  switch (prop) {
    case 'ease':
      return { kind: 'ease', value: f32(num, clause) };
    case 'due':
      return { kind: 'due', days: i32(num, clause) };
    case 'rated': {
      const [daysText, buttonText] = splitOnce(num, ':');
      const days = nonPositiveI32(daysText, clause);
      return { kind: 'rated', days, rating: answerButton(buttonText, clause) };
    }
    case 'resched':
      return { kind: 'rated', days: nonPositiveI32(num, clause), rating: { kind: 'manual' } };
    case 'ivl':
    case 'reps':
    case 'lapses':
    case 'pos':
      return { kind: prop, value: u32(num, clause) };
    case 's':
    case 'd':
    case 'r':
      return { kind: prop, value: finiteF32(num, clause) };
    default:
      if (prop.startsWith('cdn:')) return { kind: 'cdn', key: prop.slice(4), value: finiteF32(num, clause) };
      return { kind: 'cds', key: prop.slice(4), value: num };
  }
}
