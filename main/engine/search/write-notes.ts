import { checksumOfStripped } from '../text/note-text';
import type { FieldSearchMode } from './ast';
import { checkUserRegex, idList, type SqlBuilder } from './builder';
import { PROCESS_NO_COMBINING, PROCESS_STRIP_CLOZES } from './functions';
import { fieldsMatching, includedFieldsByNotetype, type FieldRanges } from './fields';
import { globToRustRegex, toSqlLike, withoutCombining } from './text';
import { allNotetypes } from '../notetypes/store';
import { NotetypeKind } from '../model/types';
import { stripHtmlPreservingMediaFilenames } from '../text/html';

/** Note-side searches: text, fields, regexes, tags, duplicates (rslib sqlwriter.rs). */

function processed(expr: string, bits: number): string {
  return bits ? `engram_process_text(${expr}, ${bits})` : expr;
}

/** The `like` pattern literal for fields `range` of a note with `total` fields; the `?` spans the range. */
function fieldPattern(total: number, range: [number, number]): string {
  const parts: string[] = [];
  for (let i = 0; i < total; i++) {
    if (i === range[0]) parts.push(`' || ? || '`);
    else if (i < range[0] || i >= range[1]) parts.push('%');
  }
  return `'${parts.join('\x1f')}'`;
}

function rangeClauses(b: SqlBuilder, ctx: FieldRanges, fldsExpr: string, pattern: string): string[] {
  return ctx.ranges.map((range) => {
    const literal = fieldPattern(ctx.total, range);
    b.params.push(pattern);
    return `${fldsExpr} like ${literal} escape '\\'`;
  });
}

/** Plain text, `nc:` and `sc:`: LIKE over the sort field and all fields (or the searchable ones). */
export function writeUnqualified(b: SqlBuilder, text: string, noCombining: boolean, stripClozes: boolean): void {
  let pattern = toSqlLike(text);
  if (noCombining) pattern = withoutCombining(pattern);
  pattern = `%${pattern}%`;
  const bits = (noCombining ? PROCESS_NO_COMBINING : 0) | (stripClozes ? PROCESS_STRIP_CLOZES : 0);
  const sfldExpr = bits ? processed('cast(n.sfld as text)', bits) : 'n.sfld';
  const fldsExpr = processed('n.flds', bits);
  if (stripClozes) {
    const cloze = allNotetypes(b.col).filter((nt) => nt.type === NotetypeKind.Cloze);
    const clause = cloze.length ? cloze.map((nt) => `n.mid = ${nt.id}`).join(' or ') : 'false';
    b.write(`(${clause}) and `);
  }
  const included = includedFieldsByNotetype(b.col);
  if (!included) {
    b.write(`(${sfldExpr} like ${b.param(pattern)} escape '\\' or ${fldsExpr} like ${b.param(pattern)} escape '\\')`);
    return;
  }
  const perNotetype = included.map((ctx) => {
    const clauses = rangeClauses(b, ctx, fldsExpr, pattern);
    if (!ctx.sortFieldExcluded) clauses.push(`${sfldExpr} like ${b.param(pattern)} escape '\\'`);
    return `(n.mid = ${ctx.notetypeId} and (${clauses.join(' or ')}))`;
  });
  b.write(perNotetype.length ? `(${perNotetype.join(' or ')})` : '(false)');
}

/** `field:value`, `field:re:…`, `field:nc:…`, and the any-field names `*`, `_*`, `*_`. */
export function writeField(b: SqlBuilder, fieldName: string, value: string, mode: FieldSearchMode): void {
  if (fieldName === '*' || fieldName === '_*' || fieldName === '*_') {
    const pattern = mode === 'regex' ? `(?i)${value}` : `(?is)^${globToRustRegex(value)}$`;
    b.write(`engram_regexp_fields(${b.rustRegexParam(pattern)}, n.flds)`);
    return;
  }
  if (mode === 'regex') {
    writeSingleFieldRegex(b, fieldName, value);
    return;
  }
  const testNonEmpty = value === '*' || value === '_*' || value === '*_';
  const matched = fieldsMatching(b.col, fieldName, !testNonEmpty);
  if (!matched.length) {
    b.write('false');
    return;
  }
  let pattern = toSqlLike(value);
  if (mode === 'nocombining') pattern = withoutCombining(pattern);
  const fldsExpr = mode === 'nocombining' ? processed('n.flds', PROCESS_NO_COMBINING) : 'n.flds';
  const clauses = matched.map(
    (ctx) => `(n.mid = ${ctx.notetypeId} and (${rangeClauses(b, ctx, fldsExpr, pattern).join(' or ')}))`,
  );
  b.write(`(${clauses.join(' or ')})`);
}

function writeSingleFieldRegex(b: SqlBuilder, fieldName: string, value: string): void {
  const matched = fieldsMatching(b.col, fieldName, false);
  if (!matched.length) {
    b.write('false');
    return;
  }
  const pattern = `(?i)${value}`;
  const clauses = matched.map((ctx) => {
    const indices = ctx.ords.join(', ');
    return `(n.mid = ${ctx.notetypeId} and engram_regexp_fields(${b.rustRegexParam(pattern)}, n.flds, ${indices}))`;
  });
  b.write(`(${clauses.join(' or ')})`);
}

/** `re:` (and `w:`): a Rust regex over all fields joined by \x1f, or over the searchable fields only. */
export function writeRegex(b: SqlBuilder, regex: string, noCombining: boolean): void {
  const fldsExpr = noCombining ? processed('n.flds', PROCESS_NO_COMBINING) : 'n.flds';
  const word = noCombining ? withoutCombining(regex) : regex;
  const key = `(?i)${word}`;
  checkUserRegex(key);
  const included = includedFieldsByNotetype(b.col, { forRegex: true });
  if (!included) {
    b.write(`engram_regexp(${b.param(key)}, ${fldsExpr})`);
    return;
  }
  // Anki writes invalid SQL for a notetype with nothing searchable; Engram lets it match nothing.
  const clauses = included.filter((ctx) => ctx.ords.length).map((ctx) => {
    const clause =
      ctx.ords.length === ctx.total
        ? `engram_regexp(${b.param(key)}, ${fldsExpr})`
        : `engram_regexp_fields(${b.param(key)}, ${[fldsExpr, ...ctx.ords].join(', ')})`;
    return `(n.mid = ${ctx.notetypeId} and ${clause})`;
  });
  b.write(clauses.length ? `(${clauses.join(' or ')})` : '(false)');
}

/**
 * ASCII text whose letters have no non-ASCII case partners (only k and s do: K is the
 * Kelvin sign's partner, s the long s's). For such text, LIKE finds exactly the notes
 * that contain it case-insensitively, so it can screen notes before a regex runs.
 */
const LIKE_SCREENABLE = /^[\x20-\x7e]+$/;

function likeScreen(text: string): string | undefined {
  if (!LIKE_SCREENABLE.test(text) || /[ksKS*_\\%]/.test(text)) return undefined;
  return `%${text}%`;
}

export function writeWordBoundary(b: SqlBuilder, text: string): void {
  const noCombining = b.ctx.ignoreAccents();
  const screen = noCombining ? undefined : likeScreen(text);
  if (screen) b.write(`(n.flds like ${b.param(screen)} escape '\\' and `);
  writeRegex(b, `\\b${globToRustRegex(text)}\\b`, noCombining);
  if (screen) b.write(')');
}

/** Printable ASCII without wildcards, escapes or spaces: LIKE gives the same answer as the regex on ASCII tags. */
const PLAIN_ASCII_TAG = /^[!-)+-[\]-^`-~]+$/;

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function writeTag(b: SqlBuilder, tag: string, mode: FieldSearchMode): void {
  if (mode === 'regex') {
    b.write(`engram_regexp_tags(${b.rustRegexParam(`(?i)${tag}`)}, n.tags)`);
    return;
  }
  if (tag === 'none') return b.write("n.tags = ''");
  if (tag === '*') return b.write('true');
  if (tag.includes(' ')) return b.write('false');
  const text = mode === 'nocombining' ? withoutCombining(tag) : tag;
  // Anki's regex is `(?i).* tag(::| ).*`; unanchored, the `.*` at either end can match
  // nothing, so they change no answer and are left out.
  const key = `(?i) ${globToRustRegex(text, '\\S')}(::| )`;
  if (mode === 'nocombining') {
    b.write(`engram_regexp(${b.param(key)}, ${processed('n.tags', PROCESS_NO_COMBINING)})`);
    return;
  }
  if (!PLAIN_ASCII_TAG.test(text)) {
    b.write(`engram_regexp(${b.param(key)}, n.tags)`);
    return;
  }
  // Plain ASCII tag: LIKE gives the regex's answer without calling into JavaScript, on every
  // note when the text has no k or s (whose case partners K and ſ are not ASCII), else on
  // notes whose tags are all ASCII. Params are bound in the order their `?` appear.
  const like = (): string =>
    `(n.tags like ${b.param(`% ${likeEscape(text)} %`)} escape '\\' or ` +
    `n.tags like ${b.param(`% ${likeEscape(text)}::%`)} escape '\\')`;
  if (!/[ks]/i.test(text)) return b.write(like());
  const slow = `engram_regexp(${b.param(key)}, n.tags)`;
  b.write(`(case when n.tags glob '*[^ -~]*' then ${slow} else ${like()} end)`);
}


/** `dupe:ntid,text`: notes of that notetype whose stripped first field equals the stripped text. */
export function writeDupe(b: SqlBuilder, notetypeId: string, text: string): void {
  const stripped = stripHtmlPreservingMediaFilenames(text);
  const rows = b.col
    .prepare("select id, flds from notes where csum = ? and mid = ?")
    .all(checksumOfStripped(stripped), BigInt(notetypeId)) as { id: number; flds: string }[];
  const ids = rows
    .filter((r) => stripHtmlPreservingMediaFilenames(r.flds.split('\x1f')[0] ?? '') === stripped)
    .map((r) => r.id);
  b.write(`n.id in ${idList(ids)}`);
}
