/**
 * Card template lexer and parser, following Anki's rslib/src/template.rs:
 * `{{…}}` handlebars, verbatim `<!-- … -->` comments, and the legacy `{{=<% %>=}}` syntax.
 */
import { rustTrim, rustTrimStart, utf8Length } from './rust-text';

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  /** `filters` are in the order they apply: the one nearest the field name first. */
  | { kind: 'replacement'; key: string; filters: string[] }
  | { kind: 'conditional'; key: string; negated: boolean; children: TemplateNode[] };

export type TemplateProblem =
  | { kind: 'conditionalNotClosed'; tag: string }
  | { kind: 'conditionalNotOpen'; closed: string; currentlyOpen: string | null }
  | { kind: 'fieldNotFound'; field: string; filters: string }
  | { kind: 'noSuchConditional'; condition: string };

/** A template that Anki refuses to render; `problem` says why. */
export class TemplateSyntaxError extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(`template error: ${problem.kind}`);
    this.name = 'TemplateSyntaxError';
  }
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'replacement'; text: string }
  | { kind: 'open'; key: string; negated: boolean }
  | { kind: 'close'; key: string };

const ALT_DIRECTIVE = '{{=<% %>=}}';
const COMMENT_START = '<!--';
const COMMENT_END = '-->';

function classifyHandle(inner: string): Token {
  const start = rustTrim(inner.replace(/^\{+/, ''));
  if (utf8Length(start) < 2) return { kind: 'replacement', text: start };
  const rest = rustTrimStart(start.slice(1));
  if (start.startsWith('#')) return { kind: 'open', key: rest, negated: false };
  if (start.startsWith('/')) return { kind: 'close', key: rest };
  if (start.startsWith('^')) return { kind: 'open', key: rest, negated: true };
  return { kind: 'replacement', text: start };
}

interface Span {
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/** The first `open … close` at or after `from`, whose close follows the open. */
function findDelimited(text: string, from: number, open: string, close: string): Span | undefined {
  const start = text.indexOf(open, from);
  if (start < 0) return undefined;
  const contentStart = start + open.length;
  const contentEnd = text.indexOf(close, contentStart);
  // No close after this open means no close after any later open either.
  if (contentEnd < 0) return undefined;
  return { start, contentStart, contentEnd, end: contentEnd + close.length };
}

export function tokenize(template: string): Token[] {
  let text = template;
  let [open, close] = ['{{', '}}'];
  const trimmed = rustTrimStart(text);
  if (trimmed.startsWith(ALT_DIRECTIVE)) {
    text = trimmed;
    while (text.startsWith(ALT_DIRECTIVE)) text = text.slice(ALT_DIRECTIVE.length);
    [open, close] = ['<%', '%>'];
  }
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const handle = findDelimited(text, pos, open, close);
    const comment = findDelimited(text, pos, COMMENT_START, COMMENT_END);
    const next = handle && (!comment || handle.start <= comment.start) ? handle : comment;
    if (!next) {
      tokens.push({ kind: 'text', text: text.slice(pos) });
      break;
    }
    if (next.start > pos) tokens.push({ kind: 'text', text: text.slice(pos, next.start) });
    const content = text.slice(next.contentStart, next.contentEnd);
    tokens.push(next === handle ? classifyHandle(content) : { kind: 'comment', text: content });
    pos = next.end;
  }
  return tokens;
}

function replacementNode(text: string): TemplateNode {
  const parts = text.split(':');
  const key = parts.pop() ?? '';
  return { kind: 'replacement', key, filters: parts.reverse() };
}

function parseInner(tokens: Token[], cursor: { i: number }, openTag: string | null): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  while (cursor.i < tokens.length) {
    const token = tokens[cursor.i++];
    if (!token) break;
    switch (token.kind) {
      case 'text':
      case 'comment':
        nodes.push({ kind: token.kind, text: token.text });
        break;
      case 'replacement':
        nodes.push(replacementNode(token.text));
        break;
      case 'open': {
        const children = parseInner(tokens, cursor, token.key);
        nodes.push({ kind: 'conditional', key: token.key, negated: token.negated, children });
        break;
      }
      case 'close':
        if (openTag === token.key) return nodes;
        throw new TemplateSyntaxError({ kind: 'conditionalNotOpen', closed: token.key, currentlyOpen: openTag });
    }
  }
  if (openTag !== null) throw new TemplateSyntaxError({ kind: 'conditionalNotClosed', tag: openTag });
  return nodes;
}

/** Parses a template; throws TemplateSyntaxError for unbalanced conditionals. */
export function parseTemplate(template: string): TemplateNode[] {
  return parseInner(tokenize(template), { i: 0 }, null);
}

/** Parses a template, or returns undefined where Anki's parse would fail. */
/** Parsed templates (or their syntax error) by source: the same few templates are parsed for every note and card. */
const parsedCache = new Map<string, TemplateNode[] | TemplateSyntaxError>();

/** parseTemplate with a cache; a template with a syntax error throws the same error each time. Do not mutate the result. */
export function parseTemplateCached(template: string): TemplateNode[] {
  let parsed = parsedCache.get(template);
  if (parsed === undefined) {
    try {
      parsed = parseTemplate(template);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      parsed = error;
    }
    if (parsedCache.size > 1000) parsedCache.clear();
    parsedCache.set(template, parsed);
  }
  if (parsed instanceof TemplateSyntaxError) throw parsed;
  return parsed;
}

/** Parses, or returns undefined for a template with a syntax error. Cached; do not mutate the result. */
export function tryParseTemplate(template: string): TemplateNode[] | undefined {
  try {
    return parseTemplateCached(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return undefined;
    throw error;
  }
}
