import { EngineError } from '../errors';

/**
 * Search failures with Anki's English texts (ftl/core/search.ftl). Fluent wraps every
 * placeable in Unicode isolation marks (U+2068 … U+2069); Anki's messages carry them,
 * so ours do too and clients see byte-identical text.
 */
export type SearchErrorKind =
  | { kind: 'misplaced-and' }
  | { kind: 'misplaced-or' }
  | { kind: 'empty-group' }
  | { kind: 'unopened-group' }
  | { kind: 'unclosed-group' }
  | { kind: 'empty-quote' }
  | { kind: 'unclosed-quote' }
  | { kind: 'missing-key' }
  | { kind: 'unknown-escape'; provided: string }
  | { kind: 'invalid-state'; provided: string }
  | { kind: 'invalid-flag' }
  | { kind: 'invalid-prop-property'; provided: string }
  | { kind: 'invalid-prop-operator'; provided: string }
  | { kind: 'invalid-number'; context: string; provided: string }
  | { kind: 'invalid-whole-number'; context: string; provided: string }
  | { kind: 'invalid-positive-whole-number'; context: string; provided: string }
  | { kind: 'invalid-negative-whole-number'; context: string; provided: string }
  | { kind: 'invalid-answer-button'; context: string; provided: string }
  | { kind: 'other'; info?: string };

const FSI = '\u2068';
const PDI = '\u2069';

/** A Fluent placeable: the value between isolation marks. */
function iso(value: string): string {
  return `${FSI}${value}${PDI}`;
}

/** Anki replaces backticks in user text so they cannot break the formatting. */
function tick(value: string): string {
  return value.replace(/`/g, "'");
}

function reasonText(e: SearchErrorKind): string {
  switch (e.kind) {
    case 'misplaced-and':
      return 'an `and` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `"and"`.';
    case 'misplaced-or':
      return 'an `or` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `"or"`.';
    case 'empty-group':
      return 'a group `(...)` was found, but there was nothing between the brackets to search for. If you want to search for literal brackets, wrap them in double quotes: `"( )"`.';
    case 'unopened-group':
      return 'a closing bracket `)` was found, but there was no opening bracket `(` preceding it. If you want to search for a literal `)`, wrap it in double quotes or prepend a backslash: `")"` or `\\)`.';
    case 'unclosed-group':
      return 'an opening bracket `(` was found, but there was no closing bracket `)` following it. If you want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `"("` or `\\(` .';
    case 'empty-quote':
      return 'a pair of double quotes `""` was found, but there was nothing between them to search for. If you want to search for literal double quotes, prepend backslashes: `\\"\\"`.';
    case 'unclosed-quote':
      return 'an opening double quote `"` was found, but there was no second one to close it. If you want to search for a literal `"`, prepend a backslash: `\\"`.';
    case 'missing-key':
      return 'a colon `:` was found, but there was no keyword preceding it. If you want to search for a literal `:`, prepend a backslash: `\\:`.';
    case 'unknown-escape':
      return `the escape sequence \`${iso(tick(e.provided))}\` is not defined. If you want to search for a literal backslash \`\\\`, prepend another one: \`\\\\\`.`;
    case 'invalid-state':
      return invalidArgument('is:', e.provided);
    case 'invalid-flag':
      return '`flag:` must be followed by a valid flag number: `1` (red), `2` (orange), `3` (green), `4` (blue), `5` (pink), `6` (turquoise), `7` (purple) or `0` (no flag).';
    case 'invalid-prop-property':
      return invalidArgument('prop:', e.provided);
    case 'invalid-prop-operator':
      return `\`prop:${iso(e.provided)}\` must be followed by one of the following comparison operators: \`=\`, \`!=\`, \`<\`, \`>\`, \`<=\` or \`>=\`.`;
    case 'invalid-number':
      return numberText('a number', e.context, e.provided);
    case 'invalid-whole-number':
      return numberText('a whole number', e.context, e.provided);
    case 'invalid-positive-whole-number':
      return numberText('a positive whole number', e.context, e.provided);
    case 'invalid-negative-whole-number':
      return numberText('a whole number less than or equal to 0', e.context, e.provided);
    case 'invalid-answer-button':
      return numberText('an answer button between 1-4', e.context, e.provided);
    case 'other':
      return e.info ?? 'please check for typing mistakes.';
  }
}

function invalidArgument(term: string, provided: string): string {
  return `\`${iso(term)}\` was given an invalid argument '\`${iso(tick(provided))}\`'.`;
}

function numberText(what: string, context: string, provided: string): string {
  return `expected ${what} in "\`${iso(tick(context))}\`", but found "\`${iso(tick(provided))}\`".`;
}

export function searchErrorMessage(e: SearchErrorKind): string {
  return `Invalid search: ${iso(reasonText(e))}`;
}

export function searchError(e: SearchErrorKind): EngineError {
  return new EngineError('search', searchErrorMessage(e));
}

/** For failures that Anki reports outside the parser (bad regex, bad SQL literal). */
export function searchFailure(message: string): EngineError {
  return new EngineError('search', message);
}
