/** Python texts the add-on's note actions produce, so clients see the same errors. */
import { ActionError } from '../../registry';
import { pyTypeName } from '../../pyrepr';

export type PyDict = Record<string, unknown>;

export function isPyDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's repr() of a str: single quotes unless the text has ' and no ". */
export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** str(list_of_str), e.g. "['model was not found: x']" (addNotes' error text). */
export function pyStrListRepr(items: readonly string[]): string {
  return `[${items.map(pyStrRepr).join(', ')}]`;
}

/** `value[key]` on a JSON value, raising what Python raises (KeyError prints the quoted key). */
export function pyItem(value: unknown, key: string): unknown {
  if (isPyDict(value)) {
    if (!(key in value)) throw new ActionError(pyStrRepr(key));
    return value[key];
  }
  if (Array.isArray(value)) throw new ActionError('list indices must be integers or slices, not str');
  if (typeof value === 'string') throw new ActionError("string indices must be integers, not 'str'");
  throw new ActionError(`'${pyTypeName(value)}' object is not subscriptable`);
}

/** `key in value` on a JSON value (a dict: its keys; a list or str: membership), raising for other types. */
export function pyContains(value: unknown, key: string): boolean {
  if (isPyDict(value)) return key in value;
  if (Array.isArray(value)) return value.includes(key);
  if (typeof value === 'string') return value.includes(key);
  throw new ActionError(`argument of type '${pyTypeName(value)}' is not iterable`);
}

/** `value.items()` of what should be a dict. */
export function pyItems(value: unknown): [string, unknown][] {
  if (!isPyDict(value)) throw new ActionError(`'${pyTypeName(value)}' object has no attribute 'items'`);
  return Object.entries(value);
}

/** Python's str() of a JSON value, as '{}'.format(value) prints it. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? pyStrRepr(v) : pyStr(v))).join(', ')}]`;
  const entries = Object.entries(value as PyDict).map(([k, v]) => `${pyStrRepr(k)}: ${typeof v === 'string' ? pyStrRepr(v) : pyStr(v)}`);
  return `{${entries.join(', ')}}`;
}

/** Escapes &, < and > as the add-on does before putting an error text into a field. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
